def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
def tools = fx.loader.loadClass('io.github.uvlambda.testing.MachineTools')
fx.need(tools.getMethod('motoServer').invoke(null).isPresent(), 'moto_server') && fx.need(tools.getMethod('python311').invoke(null).isPresent(), 'python3.11')
