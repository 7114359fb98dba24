def fx = evaluate(new File(itSupportDir, "fixtures.groovy"))
fx.standardProject(new File(basedir, "lambdas"))
true
