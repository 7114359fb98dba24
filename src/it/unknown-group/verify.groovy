def log = new File(basedir, 'build.log').text
// Every function with an unknown group, in one error, before any work.
assert log.contains('2 functions name dependency groups that do not exist:')
assert log.contains('<function> fn: <dependencyGroup>api</dependencyGroup> is not in [dependency-groups] of ')
assert log.contains('<function> worker: <dependencyGroup>wrker</dependencyGroup> is not in [dependency-groups] of ')
assert log.contains('(it has fn)')
assert !new File(basedir, 'target/uv-lambda/good/deps.zip').exists() : 'no layer is built before the check'
true
