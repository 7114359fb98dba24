def log = new File(basedir, 'build.log').text
assert log.contains("Group 'api' is not defined in the [dependency-groups] table of")
assert log.contains('Defined groups: fn.')
true
