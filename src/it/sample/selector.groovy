def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
def mirror = fx.mirror('pydantic-core', 'boto3', 'httpx', 'pydantic-settings')
if (!fx.need(mirror != null, 'a local PyPI mirror (pip config list) with the sample\'s wheels')) {
    return false
}
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = '-Duv-lambda.indexUrl=' + mirror + '\n'
true
