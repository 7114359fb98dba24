def log = new File(basedir, 'build.log').text
assert log.contains("its handler 'handler.handler' needs handler.py or handler/__init__.py in code.zip, but <includes>/<excludes> leave it out")
assert !new File(basedir, 'target/uv-lambda/fn/code.zip').exists()
true
