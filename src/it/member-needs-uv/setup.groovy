// Group fn: alpha and the member fastcommon, which compiles a C extension (setuptools ext-modules).
def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
def p = fx.project(new File(basedir, "lambdas"))
p.add("alpha", "1.0", fx.wheels([fx.wheel("alpha", "1.0").file("alpha/__init__.py", "A = 1\n")]))
p.member("fastcommon", "0.2.0", "libs/fastcommon", [] as String[])
p.inFn("fastcommon")
p.write()
true
