import groovy.json.JsonSlurper

def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
def endpoint = (new File(basedir, '.mvn/maven.config').text =~ /endpointUrl=(\S+)/)[0][1]
def left = fx.motoContentsThenStop(basedir, endpoint)

def log = new File(basedir, 'build.log').text
def outputs = new JsonSlurper().parse(new File(basedir, 'target/uv-lambda/it-fn/outputs.json'))
assert outputs.function_name == 'it-fn'
assert outputs.function_arn == 'arn:aws:lambda:us-east-1:123456789012:function:it-fn'
assert outputs.alias_arn == 'arn:aws:lambda:us-east-1:123456789012:function:it-fn:prod'
assert outputs.alias_invoke_arn.endsWith('function:it-fn:prod/invocations')
assert outputs.dlq_arn == null && outputs.dlq_url == null
assert outputs.layer_version == 1
assert outputs.log_group_name == '/aws/lambda/it-fn'
assert outputs.role_name == 'it-fn-role' && outputs.role_id == 'it-fn-role'

// First deploy: the plan creates everything.
assert log.contains('+ function it-fn: python3.13/arm64')
assert log.contains('+ alias prod')
// Second: a dry run after a change prints the plan and changes nothing.
assert log.contains('~ function it-fn: memorySize 128→512')
assert log.contains('Dry run: nothing was changed.')
// Third: unchanged.
assert log.contains('it-fn: up to date')
// Fourth: uv-destroy deletes everything but the log group (data is kept unless deleteLogs).
assert log.contains('- function it-fn')
assert log.contains('= log group /aws/lambda/it-fn: kept with its logs')
// Fifth: nothing is left to destroy.
assert log.contains('Nothing to destroy: no resource of io.github.uvlambda.it:deploy-to-moto is left.')
assert left.functions == [] : left
assert left.layers == [] : left
assert left.roles == [] : left
assert left.queues == [] : left
assert left.logGroups == ['/aws/lambda/it-fn'] : left
true
