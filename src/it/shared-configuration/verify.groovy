import java.util.zip.ZipFile

def names = { f -> new ZipFile(f).withCloseable { z -> z.entries().collect { it.name }.sort() } }
def text = { f, n -> new ZipFile(f).withCloseable { z -> z.getInputStream(z.getEntry(n)).text } }
def out = new File(basedir, 'target/uv-lambda/fn')
def log = new File(basedir, 'build.log').text

// The plugin-level handler and layer settings reached the goals that have them.
assert names(new File(out, 'code.zip')) == ['app.py']
def deps = names(new File(out, 'deps.zip'))
assert deps.any { it.startsWith('python/native/') }
assert !deps.any { it.startsWith('python/alpha') } : 'the plugin-level excludePackages applies'
assert text(new File(out, 'deps.zip'), 'python/native/__init__.py').contains('x86_64')
assert new File(basedir, 'target/requirements.txt').readLines() == ['native==2.0']

// Deploy settings (some of them wrong) were neither read nor reported by the build goals,
// and Maven warned about none of them.
assert !log.contains('Invalid configuration')
assert !log.contains('is unknown for plugin')
assert !log.contains('memorySize')
println "[uv-lambda IT] shared-configuration verified with Maven " + mavenVersion
true
