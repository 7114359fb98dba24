assert new File(basedir, 'target/requirements.txt').readLines() == ['alpha==1.0', 'native==2.0']
assert new File(basedir, 'target/wheels.txt').readLines() == [
  'alpha==1.0 alpha-1.0-py3-none-any.whl',
  'native==2.0 native-2.0-cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64.whl']
true
