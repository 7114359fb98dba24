def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
def p = fx.project(new File(basedir, "lambdas"))
p.add("alpha", "1.0", fx.wheel("alpha", "1.0").file("alpha/__init__.py", "A = 1\n"))
p.add("intel-only", "3.0", fx.wheel("intel-only", "3.0").tags("cp312-cp312-manylinux_2_17_x86_64").file("intel_only.py", ""))
p.addSdistOnly("docopt", "0.6.2")
p.write()
true
