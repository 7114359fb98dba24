def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
def p = fx.project(new File(basedir, "lambdas"))
p.add("alpha", "1.0", fx.wheel("alpha", "1.0").file("alpha/__init__.py", "A = 1\n"))
p.write()

// A moto_server of its own on a free loopback port; verify.groovy stops it.
def endpoint = fx.startMoto(basedir)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Duv-lambda.endpointUrl=${endpoint}\n-Duv-lambda.region=us-east-1\n"
true
