import java.util.zip.ZipFile

def names = { f -> new ZipFile(f).withCloseable { z -> z.entries().collect { it.name }.sort() } }
def out = new File(basedir, 'target/uv-lambda/fn')

assert names(new File(out, 'deps.zip')).containsAll([
    'python/alpha/__init__.py', 'python/alpha/__pycache__/__init__.cpython-311.pyc',
    'python/alpha/__pycache__/core.cpython-311.pyc', 'python/alpha/core.py'])
assert names(new File(out, 'code.zip')) == ['__pycache__/handler.cpython-311.pyc', 'handler.py']
// Unchecked-hash .pyc (PEP 552): flags 0b01 after the magic number.
def pyc = new ZipFile(new File(out, 'code.zip')).withCloseable { z -> z.getInputStream(z.getEntry('__pycache__/handler.cpython-311.pyc')).bytes }
assert pyc[4] == 1
def log = new File(basedir, 'build.log').text
assert log =~ /fn: bytecode for 2 of 2 Python files, compiled by CPython 3\.11\.\d+ cpython-311/
true
