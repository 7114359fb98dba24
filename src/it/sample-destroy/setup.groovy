import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))

// The sample as it is in the repository: its pom.xml, lambdas/ and policies/ (no build output).
Path sample = new File(repositoryRoot, 'lambdas-sample').toPath()
Path here = basedir.toPath()
def skipped = ['target', '.venv', '__pycache__', '.pytest_cache', '.mvn'] as Set
Files.walk(sample).withCloseable { paths ->
    paths.filter { p -> !sample.relativize(p).any { skipped.contains(it.toString()) } }.each { p ->
        Path copy = here.resolve(sample.relativize(p).toString())
        if (Files.isDirectory(p)) {
            Files.createDirectories(copy)
        } else {
            Files.copy(p, copy, StandardCopyOption.REPLACE_EXISTING)
        }
    }
}
assert new File(basedir, 'pom.xml').isFile() && new File(basedir, 'lambdas/uv.lock').isFile()

// A moto_server of its own on a free loopback port; verify.groovy stops it.
def endpoint = fx.startMoto(basedir)

// The one Lambda target the local mirror has every wheel for; moto knows no Powertools layer.
def mirror = fx.mirror('pydantic-core', 'boto3', 'httpx', 'pydantic-settings')
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = [
    "-Duv-lambda.endpointUrl=${endpoint}",
    '-Duv-lambda.region=us-east-1',
    "-Duv-lambda.indexUrl=${mirror}",
    '-Duv-lambda.architecture=x86_64',
    '-Duv-lambda.pythonVersion=3.11',
    '-Duv-lambda.powertoolsLayerArn=',
    '-Duv-lambda.cacheDirectory=target/uv-cache',
].join('\n') + '\n'
true
