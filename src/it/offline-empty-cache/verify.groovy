import java.util.zip.ZipFile

// Build 1, offline from the file:// index: the layer was built from local files.
def deps = new File(basedir, 'target/uv-lambda/fn/deps.zip')
assert deps.isFile()
assert new ZipFile(deps).withCloseable { z -> z.getEntry('python/alpha/__init__.py') != null }

// Build 2, offline with an https index and another output: refused, nothing written.
def log = new File(basedir, 'build.log').text
assert log.contains('Offline (mvn -o), and 2 wheels are not in the cache')
assert log.contains('alpha-1.0-py3-none-any.whl')
assert log.contains('native-2.0-cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64.whl')
assert !new File(basedir, 'target/uv-lambda-http/fn/deps.zip').exists()
true
