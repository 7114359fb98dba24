def log = new File(basedir, 'build.log').text
[
  "<memorySize> (plugin configuration or -Duv-lambda.memorySize) is '64': Lambda memory is 128 to 10240 MB.",
  "<function> 'fn' <architecture> is 'arm65': use arm64 or x86_64.",
  "<function> 'fn' <timeout> is '0': a Lambda timeout is 1 to 900 seconds.",
  "<function> 'fn' <logRetentionDays> is '15'",
  "<function> 'fn' <tracingMode> is 'On': use Active or PassThrough.",
  "<function> 'fn' <environmentVariables> sets the reserved key AWS_REGION",
  "<function> #2 <functionName> 'fn' is also used by <function> #1",
  "<function> 'fn' <enableDurableExecution> is true with Python 3.12: Lambda durable functions need python3.13 or later.",
  "<durableConfig>/<executionTimeout> (plugin configuration or -Duv-lambda.durableExecutionTimeout) is '0': the durable execution timeout is 1 to 31622400 seconds (366 days).",
  "[WARNING] The property uv-lambda.durableConfig.executionTimeout is deprecated and will be removed in the next release: use uv-lambda.durableExecutionTimeout=0.",
].each { assert log.contains(it) : it }
assert !log.contains('\tat io.github.uvlambda') : 'no stack trace for a configuration mistake'
assert !new File(basedir, 'target/uv-lambda').exists() : 'nothing is built before the configuration is valid'
true
