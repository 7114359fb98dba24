assert new File(basedir, 'requirements.txt').readLines() == ['native==2.0']
assert new File(basedir, 'wheels.txt').readLines() == ['native==2.0 native-2.0-cp313-cp313-manylinux_2_28_x86_64.whl']
true
