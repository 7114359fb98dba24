def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
def tools = fx.loader.loadClass('io.github.uvlambda.testing.MachineTools')
fx.need(tools.getMethod('motoServer').invoke(null).isPresent(), 'moto_server')
