def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
def p = fx.project(new File(basedir, "lambdas"))
p.add("alpha", "1.0", fx.wheels([fx.wheel("alpha", "1.0").file("alpha/__init__.py", "A = 1\n").file("alpha/core.py", "def f():\n    return 2\n")]))
p.write()
true
