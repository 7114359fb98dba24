// Shared by the integration tests' hook scripts. It loads the test helpers the unit tests use
// (io.github.uvlambda.testing.*), so that ITs generate their wheels, lock and simple index with the
// same code. Usage in a hook: def fx = evaluate(new File(itSupportDir, 'fixtures.groovy'))
import java.nio.file.Files
import java.nio.file.Path

class Fixtures {
    ClassLoader loader

    Fixtures(String testClasses, String mainClasses, String testClasspath, ClassLoader parent) {
        def urls = [new File(testClasses).toURI().toURL(), new File(mainClasses).toURI().toURL()]
        (testClasspath ?: '').split(File.pathSeparator).findAll { it }.each { urls << new File(it).toURI().toURL() }
        loader = new URLClassLoader(urls as URL[], parent)
    }

    /** What moto holds, by kind (functions, roles, policies, layers, logGroups, queues), read with the AWS SDK. */
    Map motoContents(String endpoint) {
        loader.loadClass('io.github.uvlambda.testing.MotoContents').getMethod('of', String).invoke(null, endpoint)
    }

    /**
     * Starts a moto_server of the IT's own on a free loopback port (its pid in moto.pid, its log in
     * moto.log, stopped when this JVM ends at the latest) and returns its URL.
     */
    static String startMoto(File basedir) {
        def port = new ServerSocket(0, 0, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
        def pb = new ProcessBuilder('moto_server', '-H', '127.0.0.1', '-p', port as String)
        pb.environment().keySet().removeIf { it.startsWith('AWS_') }
        pb.environment().put('MOTO_IAM_LOAD_MANAGED_POLICIES', 'true')
        pb.redirectErrorStream(true).redirectOutput(new File(basedir, 'moto.log'))
        def moto = pb.start()
        Runtime.runtime.addShutdownHook(new Thread({ moto.destroy() }))
        new File(basedir, 'moto.pid').text = moto.pid() as String
        def url = "http://127.0.0.1:${port}"
        for (int i = 0; i < 150; i++) {
            try {
                new URL("${url}/moto-api/").openConnection().with { connectTimeout = 500; inputStream.close() }
                return url
            } catch (IOException e) {
                Thread.sleep(200)
            }
        }
        throw new IllegalStateException('moto_server did not start; see ' + new File(basedir, 'moto.log'))
    }

    /** What the IT's moto_server holds ({@link #motoContents}); then stops it, whatever happened. */
    Map motoContentsThenStop(File basedir, String endpoint) {
        try {
            motoContents(endpoint)
        } finally {
            def pid = new File(basedir, 'moto.pid').text.trim() as long
            ProcessHandle.of(pid).ifPresent { it.destroy() }
        }
    }

    def project(File dir) {
        loader.loadClass('io.github.uvlambda.testing.TestProject').getConstructor(Path).newInstance(dir.toPath())
    }

    def wheel(String name, String version) {
        loader.loadClass('io.github.uvlambda.testing.TestWheel').getConstructor(String, String).newInstance(name, version)
    }

    def wheels(List ws) {
        def type = loader.loadClass('io.github.uvlambda.testing.TestWheel')
        def array = java.lang.reflect.Array.newInstance(type, ws.size())
        ws.eachWithIndex { w, i -> array[i] = w }
        array
    }

    /**
     * The lambdas folder most ITs use: group "fn" with a pure package and a package with separate
     * aarch64 and x86_64 wheels, served from a file:// simple index under the folder.
     */
    def standardProject(File dir) {
        def p = project(dir)
        p.add("alpha", "1.0", wheels([wheel("alpha", "1.0").file("alpha/__init__.py", "A = 1\n")]))
        p.add("native", "2.0", wheels([
            wheel("native", "2.0").tags("cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64").file("native/__init__.py", "ARCH = \"aarch64\"\n"),
            wheel("native", "2.0").tags("cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64").file("native/__init__.py", "ARCH = \"x86_64\"\n")]))
        p.write()
        p
    }

    /** The local PyPI mirror pip is configured with, or null. */
    def mirror(String... packages) {
        def tools = loader.loadClass('io.github.uvlambda.testing.MachineTools')
        def found = tools.getMethod('mirrorWith', String[]).invoke(null, [packages] as Object[])
        found.isPresent() ? found.get() : null
    }

    static boolean ci() {
        'true'.equalsIgnoreCase(System.getenv('CI'))
    }

    /** Skips the IT (false) when a tool is missing, but fails it under CI=true. */
    static boolean need(boolean available, String what) {
        if (!available) {
            if (ci()) {
                throw new IllegalStateException(what + ' is not available on this machine (CI=true)')
            }
            println('[uv-lambda IT] ' + what + ' is not available on this machine: skipping')
        }
        available
    }
}

new Fixtures(testClasses, mainClasses, binding.hasVariable('testClasspath') ? testClasspath : '', this.class.classLoader)
