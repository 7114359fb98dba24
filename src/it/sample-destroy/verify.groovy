import groovy.json.JsonSlurper

def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
def endpoint = (new File(basedir, '.mvn/maven.config').text =~ /endpointUrl=(\S+)/)[0][1]
def left = fx.motoContentsThenStop(basedir, endpoint)

def log = new File(basedir, 'build.log').text
// The deploy created both functions of the sample, each with its layer, role and log group.
for (fn in ['my-api-handler', 'my-worker']) {
    assert log.contains("+ function ${fn}: python3.11/x86_64") : fn
    def outputs = new JsonSlurper().parse(new File(basedir, "target/uv-lambda/${fn}/outputs.json"))
    assert outputs.function_name == fn
    assert outputs.layer_version == 1
    assert outputs.log_group_name == "/aws/lambda/${fn}"
}
assert log.contains('my-api-handler-policy')

// uv-destroy removed every resource of the sample but the log groups, kept with their logs.
for (fn in ['my-api-handler', 'my-worker']) {
    assert log.contains("- function ${fn}") : fn
    assert log.contains("= log group /aws/lambda/${fn}: kept with its logs") : fn
}
assert left.functions == [] : left
assert left.layers == [] : left
assert left.roles == [] : left
assert left.policies == [] : left
assert left.queues == [] : left
assert left.logGroups == ['/aws/lambda/my-api-handler', '/aws/lambda/my-worker'] : left
true
