def log = new File(basedir, 'build.log').text
assert log.contains("The wheel innocent-1.0-py3-none-any.whl (innocent 1.0) has an unsafe entry '../../../.bashrc' (a '..' segment): refusing to install it")
assert !new File(basedir, 'target/uv-lambda/fn/deps.zip').exists()
true
