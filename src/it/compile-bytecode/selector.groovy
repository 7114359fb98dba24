def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
def tools = fx.loader.loadClass('io.github.uvlambda.testing.MachineTools')
fx.need(tools.getMethod('python311').invoke(null).isPresent(), 'Python 3.11')
