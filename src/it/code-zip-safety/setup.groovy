import java.nio.file.Files

def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
fx.standardProject(new File(basedir, "lambdas"))

def fn = new File(basedir, 'lambdas/my-worker')
def put = { String path, String text -> def f = new File(fn, path); f.parentFile.mkdirs(); f.text = text }
put('my_worker/__init__.py', '')
put('my_worker/handler.py', 'def handler(event, context):\n    return 1\n')
put('my_worker/certs/rds-ca.pem', '-----BEGIN CERTIFICATE-----\npublic\n-----END CERTIFICATE-----\n')
put('.env', 'DB_PASSWORD=hunter2\n')
put('.idea/workspace.xml', '<project/>\n')
// ~/.aws/credentials stand-in, outside the function's folder.
def outside = new File(basedir, 'home/.aws/credentials')
outside.parentFile.mkdirs()
outside.text = '[default]\naws_secret_access_key = s3cr3t\n'
Files.createSymbolicLink(new File(fn, 'my_worker/creds.txt').toPath(), outside.toPath())
true
