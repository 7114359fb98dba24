import java.util.zip.ZipFile

def out = new File(basedir, 'target/uv-lambda/fn')
def names = { f -> new ZipFile(f).withCloseable { z -> z.entries().collect { it.name }.sort() } }
def text = { f, n -> new ZipFile(f).withCloseable { z -> z.getInputStream(z.getEntry(n)).text } }

def deps = new File(out, 'deps.zip')
assert deps.isFile()
assert names(deps).containsAll(['python/alpha/__init__.py', 'python/native/__init__.py', 'python/alpha-1.0.dist-info/METADATA'])
assert text(deps, 'python/native/__init__.py').contains('aarch64') : 'the arm64 layer must hold the aarch64 wheel'

def code = new File(out, 'code.zip')
assert names(code) == ['handler.py']

// Attached and installed with one classifier per function.
def repo = new File(localRepositoryPath, 'io/github/uvlambda/it/layer-and-package/1.0')
assert new File(repo, 'layer-and-package-1.0-fn-code.zip').bytes == code.bytes
assert new File(repo, 'layer-and-package-1.0-fn-deps.zip').bytes == deps.bytes

def log = new File(basedir, 'build.log').text
assert log.contains('layer up to date') : 'the second build must not rebuild the layer'
assert log.contains('code.zip up to date')
true
