def log = new File(basedir, 'build.log').text
assert log.contains("fn: <pythonExecutable> is '")
assert log.contains("no-such/python3.12', which does not run as a Python interpreter. Set <pythonExecutable>/path/to/python3.12</pythonExecutable> (-Duv-lambda.pythonExecutable=/path/to/python3.12), a CPython 3.12, or remove it.")
assert !log.contains('at io.github.uvlambda') : 'no stack trace for a configuration mistake'
assert !new File(basedir, 'target/uv-lambda/fn/deps.zip').exists()
true
