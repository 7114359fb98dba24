import java.util.zip.ZipFile

def names = { f -> new ZipFile(f).withCloseable { z -> z.entries().collect { it.name }.sort() } }
def text = { f, n -> new ZipFile(f).withCloseable { z -> z.getInputStream(z.getEntry(n)).text } }
def out = new File(basedir, 'target/uv-lambda')

// Built without uv: the member is in fn's layer, as installed files with its .dist-info.
def fn = new File(out, 'fn/deps.zip')
assert names(fn).containsAll(['python/alpha/__init__.py', 'python/common/__init__.py', 'python/common/models.py',
                              'python/common-0.1.0.dist-info/METADATA', 'python/common-0.1.0.dist-info/RECORD'])
assert text(fn, 'python/common-0.1.0.dist-info/METADATA').contains('Requires-Dist: alpha')
assert text(fn, 'python/common/models.py').contains('orders-v2') : 'the second build must hold the edited member'

def other = new File(out, 'other/deps.zip')
assert !names(other).any { it.startsWith('python/common') } : 'the member is not in group other'

// The edit rebuilt exactly the layer that holds the member.
def log = new File(basedir, 'build.log').text
assert !log.contains('fn: layer up to date') : 'fn holds the edited member and must be rebuilt'
assert log.contains('other: layer up to date') : 'other does not hold the member and must not be rebuilt'
true
