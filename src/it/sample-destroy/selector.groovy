def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
def tools = fx.loader.loadClass('io.github.uvlambda.testing.MachineTools')
def mirror = fx.mirror('pydantic-core', 'boto3', 'httpx', 'pydantic-settings')
fx.need(tools.getMethod('motoServer').invoke(null).isPresent(), 'moto_server') &&
    fx.need(mirror != null, 'a local PyPI mirror (pip config list) with the sample\'s wheels')
