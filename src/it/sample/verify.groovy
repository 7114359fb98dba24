import java.util.zip.ZipFile

def names = { f -> new ZipFile(f).withCloseable { z -> z.entries().collect { it.name }.sort() } }
def out = new File(basedir, 'target/uv-lambda')

assert names(new File(out, 'my-api-handler/code.zip')) == ['handler.py', 'settings.py']
assert names(new File(out, 'my-worker/code.zip')) == ['my_worker/__init__.py', 'my_worker/clients.py', 'my_worker/handler.py', 'my_worker/settings.py']

def api = names(new File(out, 'my-api-handler/deps.zip'))
assert api.contains('python/pydantic_core/_pydantic_core.cpython-311-x86_64-linux-gnu.so')
assert api.any { it.startsWith('python/boto3/') }
assert !api.any { it.startsWith('python/httpx/') } : 'my-worker\'s httpx must not leak into my-api-handler\'s layer'
assert !api.any { it.contains('aws_lambda_powertools') } : 'Powertools comes from its managed layer'
assert !api.any { it.startsWith('python/pytest/') || it.startsWith('python/moto/') } : 'the dev group never reaches a layer'

// The workspace member libs/common is shared code: in both layers, in neither code.zip.
assert api.containsAll(['python/common/__init__.py', 'python/common/settings.py', 'python/common-0.1.0.dist-info/METADATA'])

def worker = names(new File(out, 'my-worker/deps.zip'))
assert worker.contains('python/common/responses.py')
assert worker.any { it.startsWith('python/httpx/') }
assert !worker.any { it.startsWith('python/boto3/') }
true
