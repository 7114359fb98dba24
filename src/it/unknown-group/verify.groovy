def log = new File(basedir, 'build.log').text
// Every function with an unknown group, in one error, before any work.
assert log.contains('Invalid configuration (2 problems):')
assert log.contains("<function> 'fn' <dependencyGroup> is 'api', which is not in [dependency-groups] of ")
assert log.contains("<function> 'worker' <dependencyGroup> is 'wrker', which is not in [dependency-groups] of ")
assert log.contains('(it has fn)')
assert !new File(basedir, 'target/uv-lambda/good/deps.zip').exists() : 'no layer is built before the check'
true
