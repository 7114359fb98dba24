package io.github.uvlambda.function;

import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaLimits;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.pep.PackageName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the user wrote into validated {@link FunctionSpec}s before any work starts: each
 * function's settings over the plugin level's ({@link Inheritance}), the defaults of the Terraform
 * module this plugin replaces, the source layout ({@link SourceLayout}) and, for a deploy, the AWS
 * settings ({@link DeployConfigResolver}) — as far as the goal's {@link Purpose} reads them. Every
 * problem is reported at once, in one {@link InvalidConfigurationException}.
 */
public final class FunctionConfigResolver {

  private final Path basedir;

  public FunctionConfigResolver(Path basedir) {
    this.basedir = basedir;
  }

  /** Resolves every setting, for a deploy. */
  public List<FunctionSpec> resolve(FunctionSettings shared, List<FunctionSettings> functions) {
    return resolve(shared, functions, Purpose.DEPLOY);
  }

  /**
   * Resolves and validates what the purpose reads; throws one {@link InvalidConfigurationException}
   * listing every problem. The settings the purpose does not read are neither read nor checked, and
   * the specs carry their defaults: a spec resolved for {@link Purpose#CODE}, {@link Purpose#LAYER}
   * or {@link Purpose#DESTROY} must not be deployed.
   */
  public List<FunctionSpec> resolve(
      FunctionSettings shared, List<FunctionSettings> functions, Purpose purpose) {
    List<ConfigProblem> problems = new ArrayList<>();
    List<FunctionSpec> specs = new ArrayList<>();
    if (functions == null || functions.isEmpty()) {
      problems.add(
          ConfigProblem.global(
              "functions",
              "is empty: configure at least one <function> with its <functionName> and"
                  + " <dependencyGroup> (see docs/configuration.md)."));
    } else {
      checkUniqueNames(functions, problems);
      for (int i = 0; i < functions.size(); i++) {
        FunctionSpec spec = resolveOne(shared, functions.get(i), i + 1, purpose, problems);
        if (spec != null) {
          specs.add(spec);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems);
    }
    return specs;
  }

  private static void checkUniqueNames(
      List<FunctionSettings> functions, List<ConfigProblem> problems) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < functions.size(); i++) {
      String name = functions.get(i).functionName();
      Integer first = name == null ? null : seen.putIfAbsent(name, i + 1);
      if (first != null) {
        problems.add(
            ConfigProblem.of(
                null,
                i + 1,
                FunctionSettings.FUNCTION_NAME.parameter(),
                "'"
                    + name
                    + "' is also used by <function> #"
                    + first
                    + ": Lambda function names are unique per account and region. Give each <function> its own name."));
      }
    }
  }

  private FunctionSpec resolveOne(
      FunctionSettings shared,
      FunctionSettings own,
      int position,
      Purpose purpose,
      List<ConfigProblem> all) {
    String name = own.functionName();
    FunctionProblems problems = new FunctionProblems(all, name, position);
    if (name == null || name.isBlank()) {
      problems.about(null, "has no <functionName>: add <functionName>my-function</functionName>.");
      name = "function-" + position;
    } else if (!LambdaLimits.FUNCTION_NAME.matcher(name).matches()) {
      problems.invalid(
          FunctionSettings.FUNCTION_NAME.parameter(),
          Origin.FUNCTION,
          name,
          "a Lambda function name has 1 to 64 letters, digits, hyphens or underscores.");
    }
    Inheritance s = new Inheritance(own, shared);
    SourceLayout layout = SourceLayout.resolve(basedir, s, name, purpose, problems);
    LambdaRuntime runtime = runtime(s, purpose, problems);
    String powertools = blankToNull(s.pick(FunctionSettings.POWERTOOLS_LAYER_ARN, null).value());
    DeployConfig deploy =
        switch (purpose) {
          case DEPLOY ->
              new DeployConfigResolver(new InlinePolicyLoader(basedir))
                  .resolve(s, name, runtime, powertools, problems);
          case DESTROY -> DeployConfigResolver.names(s, name, problems);
          case CODE, LAYER -> DeployConfig.defaults(name);
        };
    if (problems.any() || runtime == null) {
      return null;
    }
    return spec(name, layout, runtime, powertools, s, deploy);
  }

  /** The runtime as far as the purpose reads it (code.zip needs its Python, not its CPU). */
  private static LambdaRuntime runtime(Inheritance s, Purpose purpose, FunctionProblems problems) {
    Inherited<String> arch =
        purpose.reads(FunctionSettings.ARCHITECTURE)
            ? s.pick(FunctionSettings.ARCHITECTURE, Architecture.DEFAULT.awsName())
            : new Inherited<>(Architecture.DEFAULT.awsName(), Origin.DEFAULT);
    Architecture architecture = Architecture.parse(arch.value()).orElse(null);
    if (architecture == null) {
      problems.invalid(FunctionSettings.ARCHITECTURE, arch, "use arm64 or x86_64.");
    }
    Inherited<String> raw =
        purpose.reads(FunctionSettings.PYTHON_VERSION)
            ? s.pick(FunctionSettings.PYTHON_VERSION, LambdaRuntime.DEFAULT_PYTHON_VERSION)
            : new Inherited<>(LambdaRuntime.DEFAULT_PYTHON_VERSION, Origin.DEFAULT);
    String python = LambdaRuntime.normalizePythonVersion(raw.value());
    if (!LambdaRuntime.PYTHON_VERSIONS.contains(python)) {
      problems.invalid(
          FunctionSettings.PYTHON_VERSION.parameter(),
          raw.origin(),
          python,
          "Lambda runs Python " + String.join(", ", LambdaRuntime.PYTHON_VERSIONS) + ".");
      return null;
    }
    return architecture == null ? null : new LambdaRuntime(python, architecture);
  }

  private static FunctionSpec spec(
      String name,
      SourceLayout layout,
      LambdaRuntime runtime,
      String powertools,
      Inheritance s,
      DeployConfig d) {
    List<String> excludePackages =
        s.pick(
                FunctionSettings.EXCLUDE_PACKAGES,
                powertools == null ? List.of() : List.of("aws-lambda-powertools"))
            .value();
    Set<String> excluded = new LinkedHashSet<>();
    excludePackages.forEach(p -> excluded.add(PackageName.normalize(p)));
    return new FunctionSpec(
        name,
        layout.sourceDir(),
        layout.lambdasDir(),
        blankToNull(s.pick(FunctionSettings.DEPENDENCY_GROUP, null).value()),
        layout.handler(),
        runtime,
        powertools,
        excluded,
        new LayerConfig(
            s.pick(FunctionSettings.COMPILE_BYTECODE, false).value(),
            s.pick(FunctionSettings.EXCLUDE_RUNTIME_PACKAGES, false).value()),
        new CodeConfig(
            s.pick(FunctionSettings.INCLUDES, List.of("**")).value(),
            s.pick(FunctionSettings.EXCLUDES, List.of()).value(),
            s.concatenated(FunctionSettings.ALLOWED_SECRET_FILES),
            s.pick(FunctionSettings.USE_DEFAULT_EXCLUDES, true).value(),
            s.pick(FunctionSettings.COMPILE_CODE, false).value()),
        d);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
