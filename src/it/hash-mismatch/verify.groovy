def log = new File(basedir, 'build.log').text
assert log.contains('SHA-256 mismatch for alpha-1.0-py3-none-any.whl')
assert log.contains('uv.lock expects')
assert log.contains('Nothing was installed and the file was not cached')
assert !new File(basedir, 'target/uv-lambda/fn/deps.zip').exists()
def cached = new File(basedir, 'target/uv-cache/wheels')
assert !cached.exists() || cached.listFiles().every { d -> !d.toString().contains('alpha') }
true
