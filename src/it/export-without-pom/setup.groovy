def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
def p = fx.project(new File(basedir, "lambdas"))
p.add("alpha", "1.0", fx.wheel("alpha", "1.0").file("alpha/__init__.py", ""))
p.add("native", "2.0", fx.wheel("native", "2.0").tags("cp313-cp313-manylinux_2_28_x86_64").file("native/__init__.py", ""))
p.write()
true
