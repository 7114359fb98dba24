import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
// Run 1: one error names the link and every secret-looking file, and says how to fix each.
assert log.contains('Function my-worker: code.zip was not built, because of files in ')
assert log.contains('- my_worker/creds.txt -> ' + new File(basedir, 'home/.aws/credentials').path + ', outside <sourceDir>')
assert log.contains('- .env')
assert log.contains('- my_worker/certs/rds-ca.pem')
assert log.contains('<allowedSecretFiles>')
assert !log.contains('s3cr3t')

// Run 2: excluded and allowed on purpose; junk left out silently.
def zip = new ZipFile(new File(basedir, 'target/uv-lambda/my-worker/code.zip'))
def names = zip.entries().collect { it.name }.sort()
zip.close()
assert names == ['my_worker/__init__.py', 'my_worker/certs/rds-ca.pem', 'my_worker/handler.py'] : names
true
