// Stop the servers first, whatever the assertions say.
new File(basedir, 'pids').readLines().findAll { it }.each { ProcessHandle.of(it as long).ifPresent { it.destroy() } }

def log = new File(basedir, 'build.log').text
assert log.contains('+ function secret-fn')
assert new groovy.json.JsonSlurper().parse(new File(basedir, 'target/uv-lambda/secret-fn/outputs.json')).function_name == 'secret-fn'

// Maven's own -X dump of each mojo's configuration (the build plan's XML and the "(f) name = value"
// lines of "Configuring mojo") shows the POM's values: that is Maven, not the plugin, and the docs
// say so. This project runs under Maven 3.9 and Maven 4 (the maven4 invoker execution). Everything else — the plugin's output, the AWS SDK's, the HTTP client's — is searched.
def searched = new StringBuilder()
boolean inPlanXml = false
boolean inMojoConfig = false
log.eachLine { line ->
    if (line.startsWith('[DEBUG] Configuring mojo')) { inMojoConfig = true }
    if (inMojoConfig) {
        if (line.startsWith('[DEBUG] -- end configuration --')) { inMojoConfig = false }
        return
    }
    // Maven 3 starts the plan's XML with '<?xml', Maven 4 with '<configuration>'.
    if (line.startsWith('[DEBUG] Configuration: <')) { inPlanXml = true; return }
    if (inPlanXml) {
        if (line.startsWith('[')) { inPlanXml = false } else { return }
    }
    searched.append(line).append('\n')
}
def text = searched.toString()
def zips = ['target/uv-lambda/secret-fn/code.zip', 'target/uv-lambda/secret-fn/deps.zip'].collect { new File(basedir, it) }
zips.each { assert it.isFile() : it }
def planted = [
    'AKIAPLANTEDKEYID4711',            // access key id
    'planted-secret-access-key-4711',  // secret key
    'PlantedSessionToken4711xyz',      // session token
    'planted-env-value-4711',          // environment variable value
    'planted-index-token-4711',        // index credentials in indexUrl
    'planted-zip-body-4711',           // the handler's source inside code.zip
] + zips.collect { it.bytes.encodeBase64().toString().substring(0, 48) }  // zip bodies as the JSON APIs carry them
def leaks = planted.findAll { text.contains(it) }
leaks.each { s ->
    def lines = text.readLines().findAll { it.contains(s) }
    println("[debug-log-secrets] '${s}' appears ${lines.size()} times, e.g. " + lines.take(3).collect { it.take(300) })
}
assert leaks.isEmpty() : 'planted secrets in the -X output: ' + leaks

// Nor in the plan, the outputs or any other file the plugin writes beside the zips.
def written = []
new File(basedir, 'target/uv-lambda').eachFileRecurse(groovy.io.FileType.FILES) { f ->
    if (!f.name.endsWith('.zip')) { written << f }
}
assert written*.name.containsAll(['plan.json', 'outputs.json'])
written.each { f ->
    def leaked = planted.findAll { f.text.contains(it) }
    assert leaked.isEmpty() : "${f} contains ${leaked}"
}
// The credentials of indexUrl were used (moved out of the URL), the URL shown without them.
assert text.contains('Downloading 2 wheels from http://127.0.0.1:')
assert text.contains('[DEBUG] ') : 'the build ran with -X'
// Maven 4 warns about every logger created while the Maven 3 property is set: it must not be.
assert !log.contains('Using deprecated property org.slf4j.simpleLogger')
assert !log.contains('Do not share this build') : 'the SDK stayed at DEBUG'
true
