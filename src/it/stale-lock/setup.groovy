def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
fx.standardProject(new File(basedir, "lambdas"))
def py = new File(basedir, 'lambdas/pyproject.toml')
py.text = py.text.replace('"alpha",', '"alpha>=1.1",')
true
