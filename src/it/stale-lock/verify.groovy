def log = new File(basedir, 'build.log').text
assert log.contains('uv.lock is out of date with')
assert log.contains('pyproject declares alpha>=1.1 in group fn of test-lambdas; uv.lock was made from alpha')
assert log.contains('Run `uv lock` in')
assert !new File(basedir, 'target/uv-lambda/fn/deps.zip').exists()
true
