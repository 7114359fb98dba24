def log = new File(basedir, 'build.log').text
assert log.contains('Offline (mvn -o), and 2 wheels are not in the cache')
assert log.contains('alpha-1.0-py3-none-any.whl')
assert log.contains('native-2.0-cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64.whl')
true
