// Group fn: alpha and the workspace member common (hatchling, src layout); group other: alpha only.
def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
def p = fx.project(new File(basedir, "lambdas"))
p.add("alpha", "1.0", fx.wheels([fx.wheel("alpha", "1.0").file("alpha/__init__.py", "A = 1\n")]))
p.member("common", "0.1.0", "libs/common", ["alpha"] as String[])
p.inFn("common")
p.group("other", ["alpha"] as String[])
p.write()
true
