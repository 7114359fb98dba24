def log = new File(basedir, 'build.log').text
assert log.contains('No usable wheel for 2 packages of group fn')
assert log.contains('docopt 0.6.2 publishes only an sdist; a Lambda layer needs a wheel for cp312/manylinux_2_34_aarch64 (python3.12/arm64)')
assert log.contains('intel-only 3.0 has no wheel for cp312/manylinux_2_34_aarch64')
assert log.contains('intel_only-3.0-cp312-cp312-manylinux_2_17_x86_64.whl')
assert !log.contains('Downloading') : 'nothing may be downloaded when a wheel is missing'
true
