// The failure this IT checks is the one without uv; where uv is installed, the plugin would use it.
def onPath = System.getenv('PATH')?.split(File.pathSeparator)?.any { new File(it, 'uv').canExecute() }
if (onPath) {
    println('[uv-lambda IT] uv is installed on this machine: skipping the "no uv" failure IT')
}
!onPath
