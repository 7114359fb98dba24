def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
def p = fx.project(new File(basedir, "lambdas"))
p.add("alpha", "1.0", fx.wheel("alpha", "1.0").file("alpha/__init__.py", "A = 1\n"))
p.write()

// A moto_server of its own on a free loopback port; verify.groovy stops it.
def port = new ServerSocket(0, 0, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
def pb = new ProcessBuilder('moto_server', '-H', '127.0.0.1', '-p', port as String)
pb.environment().keySet().removeIf { it.startsWith('AWS_') }
pb.environment().put('MOTO_IAM_LOAD_MANAGED_POLICIES', 'true')
pb.redirectErrorStream(true).redirectOutput(new File(basedir, 'moto.log'))
def moto = pb.start()
new File(basedir, 'moto.pid').text = moto.pid() as String
def up = false
for (int i = 0; i < 150 && !up; i++) {
    try {
        new URL("http://127.0.0.1:${port}/moto-api/").openConnection().with { connectTimeout = 500; inputStream.close() }
        up = true
    } catch (IOException e) {
        Thread.sleep(200)
    }
}
assert up : 'moto_server did not start; see moto.log'
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Duv-lambda.endpointUrl=http://127.0.0.1:${port}\n-Duv-lambda.region=us-east-1\n"
true
