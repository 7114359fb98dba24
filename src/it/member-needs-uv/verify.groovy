def log = new File(basedir, 'build.log').text
assert log.contains('group fn needs 1 local package that only its own build backend can build, and no uv executable was found (on the PATH, or set <uvExecutable>')
assert log.contains('fastcommon (editable libs/fastcommon): it compiles extension modules ([tool.setuptools] ext-modules)')
assert log.contains('set <uvExecutable>/path/to/uv</uvExecutable> (-Duv-lambda.uvExecutable=/path/to/uv)')
assert log.contains('Either install uv')
assert log.contains('or publish it as a wheel to your package index')
assert !new File(basedir, 'target/uv-cache/wheels').exists() : 'nothing may be downloaded before the failure'
assert !new File(basedir, 'target/uv-lambda/fn/deps.zip').exists()
true
