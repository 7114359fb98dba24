def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
def p = fx.standardProject(new File(basedir, "lambdas"))

def freePort = { new ServerSocket(0, 0, InetAddress.getLoopbackAddress()).withCloseable { it.localPort } }
def waitFor = { String url, String what ->
    for (int i = 0; i < 150; i++) {
        try {
            new URL(url).openConnection().with { connectTimeout = 500; inputStream.close() }
            return
        } catch (IOException e) {
            Thread.sleep(200)
        }
    }
    assert false : what + ' did not start'
}

// moto_server and a plain HTTP server for the simple index, each on a free loopback port;
// verify.groovy stops both.
def motoPort = freePort()
def moto = new ProcessBuilder('moto_server', '-H', '127.0.0.1', '-p', motoPort as String)
moto.environment().keySet().removeIf { it.startsWith('AWS_') }
moto.redirectErrorStream(true).redirectOutput(new File(basedir, 'moto.log'))
def motoProcess = moto.start()
def indexPort = freePort()
def python = fx.loader.loadClass('io.github.uvlambda.testing.MachineTools').getMethod('python311').invoke(null).get()
def index = new ProcessBuilder(python, '-m', 'http.server', '--bind', '127.0.0.1', '--directory', p.index().toString(), indexPort as String)
index.redirectErrorStream(true).redirectOutput(new File(basedir, 'index.log'))
def indexProcess = index.start()
new File(basedir, 'pids').text = motoProcess.pid() + "\n" + indexProcess.pid() + "\n"
waitFor("http://127.0.0.1:${motoPort}/moto-api/", 'moto_server')
waitFor("http://127.0.0.1:${indexPort}/simple/", 'the index server')

new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text =
    "-Duv-lambda.endpointUrl=http://127.0.0.1:${motoPort}\n" +
    "-Duv-lambda.region=us-east-1\n" +
    "-Duv-lambda.indexUrl=http://planted-user:planted-index-token-4711@127.0.0.1:${indexPort}/simple\n"
true
