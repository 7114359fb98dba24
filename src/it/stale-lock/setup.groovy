def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
def p = fx.project(new File(basedir, "lambdas"))
p.add("alpha", "1.0", fx.wheel("alpha", "1.0").file("alpha/__init__.py", "A = 1\\n"))
p.add("native", "2.0", fx.wheel("native", "2.0").tags("cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64").file("native/__init__.py", "ARCH = \"aarch64\"\\n"),
      fx.wheel("native", "2.0").tags("cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64").file("native/__init__.py", "ARCH = \"x86_64\"\\n"))
p.write()
def py = new File(basedir, 'lambdas/pyproject.toml')
py.text = py.text.replace('"alpha",', '"alpha>=1.1",')
true
