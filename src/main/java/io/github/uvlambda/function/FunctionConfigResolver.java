package io.github.uvlambda.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.Handler;
import io.github.uvlambda.lambda.LambdaLimits;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.lambda.TracingMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Merges the plugin-level settings into each function's, applies the defaults of the Terraform
 * module this plugin replaces, and validates everything before any work starts. All problems are
 * reported at once, each naming the POM element (or {@code -D} property), the bad value and the
 * fix.
 */
public final class FunctionConfigResolver {
  private final Path basedir;
  private final ObjectMapper json = new ObjectMapper();

  public FunctionConfigResolver(Path basedir) {
    this.basedir = basedir;
  }

  /** Resolves and validates; throws one {@link UvLambdaException} listing every problem. */
  public List<FunctionSpec> resolve(FunctionSettings shared, List<FunctionSettings> functions) {
    List<String> problems = new ArrayList<>();
    List<FunctionSpec> specs = new ArrayList<>();
    if (functions == null || functions.isEmpty()) {
      problems.add(
          "<functions> is empty: configure at least one <function> with its <functionName> and"
              + " <dependencyGroup> (see the README's configuration reference).");
    } else {
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < functions.size(); i++) {
        String name = functions.get(i).functionName();
        Integer first = name == null ? null : seen.putIfAbsent(name, i);
        if (first != null) {
          problems.add(
              "<function> #"
                  + (i + 1)
                  + " <functionName> '"
                  + name
                  + "' is also used by <function> #"
                  + (first + 1)
                  + ": Lambda function names are unique per account and region. Give each <function> its own name.");
        }
        FunctionSpec spec = resolveOne(shared, functions.get(i), i, problems);
        if (spec != null) {
          specs.add(spec);
        }
      }
    }
    // A plugin-level mistake shows up once per function: report it once.
    problems = new ArrayList<>(new LinkedHashSet<>(problems));
    if (!problems.isEmpty()) {
      throw new UvLambdaException(
          problems.size() == 1
              ? "Invalid configuration: " + problems.get(0)
              : "Invalid configuration ("
                  + problems.size()
                  + " problems):\n  - "
                  + String.join("\n  - ", problems));
    }
    return specs;
  }

  // ------------------------------------------------------------------ one function

  private final class Ctx {
    final FunctionSettings fn;
    final FunctionSettings shared;
    final String label;
    final List<String> problems;

    Ctx(FunctionSettings fn, FunctionSettings shared, String label, List<String> problems) {
      this.fn = fn;
      this.shared = shared;
      this.label = label;
      this.problems = problems;
    }

    <T> T pick(String field, Function<FunctionSettings, T> getter, T dflt) {
      T own = getter.apply(fn);
      if (own != null) {
        return own;
      }
      T common = shared == null ? null : getter.apply(shared);
      return common != null ? common : dflt;
    }

    /** The element a value came from, as the user will find it in the POM. */
    String where(String field, Function<FunctionSettings, ?> getter) {
      if (getter.apply(fn) != null) {
        return label + " <" + field + ">";
      }
      if (shared != null && getter.apply(shared) != null) {
        return "<" + field + "> (plugin configuration or -Duv-lambda." + field + ")";
      }
      return label + " <" + field + "> (default)";
    }

    void problem(String field, Function<FunctionSettings, ?> getter, Object value, String fix) {
      problems.add(where(field, getter) + " is '" + value + "': " + fix);
    }
  }

  private FunctionSpec resolveOne(
      FunctionSettings shared, FunctionSettings fn, int index, List<String> problems) {
    String name = fn.functionName();
    String label = name == null ? "<function> #" + (index + 1) : "<function> '" + name + "'";
    Ctx c = new Ctx(fn, shared, label, problems);
    int before = problems.size();

    if (name == null || name.isBlank()) {
      problems.add(label + " has no <functionName>: add <functionName>my-function</functionName>.");
      name = "function-" + (index + 1);
    } else if (!LambdaLimits.FUNCTION_NAME.matcher(name).matches()) {
      c.problem(
          "functionName",
          FunctionSettings::functionName,
          name,
          "a Lambda function name has 1 to 64 letters, digits, hyphens or underscores.");
    }

    // Directories
    String lambdasRaw = c.pick("lambdasDir", FunctionSettings::lambdasDir, null);
    Path lambdasDir = null;
    if (lambdasRaw == null) {
      problems.add(
          label
              + " has no <lambdasDir>: set it (per function or at plugin level) to the folder that"
              + " holds pyproject.toml and uv.lock, e.g. <lambdasDir>${project.basedir}/lambdas</lambdasDir>.");
    } else {
      lambdasDir = basedir.resolve(lambdasRaw).normalize();
      if (!Files.isDirectory(lambdasDir)) {
        c.problem(
            "lambdasDir",
            FunctionSettings::lambdasDir,
            lambdasDir,
            "the directory does not exist. Point it at the folder with pyproject.toml and uv.lock.");
        lambdasDir = null;
      } else {
        for (String f : List.of("pyproject.toml", "uv.lock")) {
          if (!Files.isRegularFile(lambdasDir.resolve(f))) {
            c.problem(
                "lambdasDir",
                FunctionSettings::lambdasDir,
                lambdasDir,
                "it has no "
                    + f
                    + (f.equals("uv.lock")
                        ? ". Run `uv lock` there and commit uv.lock."
                        : ". Each lambdasDir needs the pyproject.toml that declares the dependency groups."));
          }
        }
      }
    }
    Path sourceDir = null;
    if (fn.sourceDir() != null) {
      sourceDir = basedir.resolve(fn.sourceDir()).normalize();
    } else if (lambdasDir != null) {
      sourceDir = lambdasDir.resolve(name);
    }
    if (sourceDir != null && !Files.isDirectory(sourceDir)) {
      problems.add(
          label
              + " <sourceDir> is '"
              + sourceDir
              + "'"
              + (fn.sourceDir() == null ? " (default: lambdasDir/functionName)" : "")
              + ": the directory does not exist. Set <sourceDir> to the folder with the function's Python code.");
      sourceDir = null;
    }

    String handler = c.pick("handler", FunctionSettings::handler, "handler.handler");
    if (!Handler.isValid(handler)) {
      c.problem(
          "handler",
          FunctionSettings::handler,
          handler,
          "a handler is <module>.<function>, e.g. handler.handler or my_worker.handler.handler.");
    } else if (sourceDir != null && new Handler(handler).moduleIn(sourceDir).isEmpty()) {
      c.problem(
          "handler",
          FunctionSettings::handler,
          handler,
          "neither "
              + new Handler(handler).modulePath()
              + ".py nor "
              + new Handler(handler).modulePath()
              + "/__init__.py exists in "
              + sourceDir
              + ". Fix <handler> or <sourceDir>.");
    }

    String description = c.pick("description", FunctionSettings::description, "");
    if (description.length() > 256) {
      c.problem(
          "description",
          FunctionSettings::description,
          description.substring(0, 40) + "...",
          "Lambda allows at most 256 characters.");
    }

    String archRaw =
        c.pick("architecture", FunctionSettings::architecture, Architecture.DEFAULT.awsName());
    Architecture arch = Architecture.parse(archRaw).orElse(null);
    if (arch == null) {
      c.problem("architecture", FunctionSettings::architecture, archRaw, "use arm64 or x86_64.");
    }
    String python =
        LambdaRuntime.normalizePythonVersion(
            c.pick(
                "pythonVersion",
                FunctionSettings::pythonVersion,
                LambdaRuntime.DEFAULT_PYTHON_VERSION));
    if (!LambdaRuntime.PYTHON_VERSIONS.contains(python)) {
      c.problem(
          "pythonVersion",
          FunctionSettings::pythonVersion,
          python,
          "Lambda runs Python " + String.join(", ", LambdaRuntime.PYTHON_VERSIONS) + ".");
      python = null;
    }

    int memory = c.pick("memorySize", FunctionSettings::memorySize, 128);
    if (memory < 128 || memory > 10240) {
      c.problem(
          "memorySize", FunctionSettings::memorySize, memory, "Lambda memory is 128 to 10240 MB.");
    }
    int timeout = c.pick("timeout", FunctionSettings::timeout, 30);
    if (timeout < 1 || timeout > 900) {
      c.problem(
          "timeout", FunctionSettings::timeout, timeout, "a Lambda timeout is 1 to 900 seconds.");
    }
    int retention = c.pick("logRetentionDays", FunctionSettings::logRetentionDays, 365);
    if (!LambdaLimits.LOG_RETENTION_DAYS.contains(retention)) {
      c.problem(
          "logRetentionDays",
          FunctionSettings::logRetentionDays,
          retention,
          "CloudWatch Logs accepts "
              + new java.util.TreeSet<>(LambdaLimits.LOG_RETENTION_DAYS)
              + ".");
    }
    String tracingRaw = c.pick("tracingMode", FunctionSettings::tracingMode, "PassThrough");
    TracingMode tracing = TracingMode.parse(tracingRaw).orElse(null);
    if (tracing == null) {
      c.problem(
          "tracingMode", FunctionSettings::tracingMode, tracingRaw, "use Active or PassThrough.");
    }

    Map<String, String> env = new TreeMap<>();
    if (shared != null && shared.environmentVariables() != null) {
      env.putAll(shared.environmentVariables());
    }
    if (fn.environmentVariables() != null) {
      env.putAll(fn.environmentVariables());
    }
    validateEnvironment(label, env, problems);

    Map<String, String> tags = new TreeMap<>();
    if (shared != null && shared.tags() != null) {
      tags.putAll(shared.tags());
    }
    if (fn.tags() != null) {
      tags.putAll(fn.tags());
    }
    validateTags(label, tags, problems);

    boolean publish = c.pick("publish", FunctionSettings::publish, false);
    String alias = c.pick("aliasName", FunctionSettings::aliasName, "prod");
    if (!LambdaLimits.ALIAS_NAME.matcher(alias).matches()) {
      c.problem(
          "aliasName",
          FunctionSettings::aliasName,
          alias,
          "an alias name has 1 to 128 letters, digits, hyphens or underscores and is not only digits.");
    }
    boolean dlq = c.pick("enableDlq", FunctionSettings::enableDlq, false);
    boolean durable =
        c.pick("enableDurableExecution", FunctionSettings::enableDurableExecution, false);
    if (durable && python != null && new LambdaRuntime(python, Architecture.ARM64).minor() < 13) {
      problems.add(
          label
              + " <enableDurableExecution> is true with Python "
              + python
              + ": Lambda durable functions need python3.13 or later. Set <pythonVersion>3.13</pythonVersion> or higher, or turn durable execution off.");
    }
    int execTimeout =
        c.pick(
            "durableConfig/executionTimeout",
            FunctionSettings::durableExecutionTimeout,
            DurableConfig.DEFAULT.executionTimeout());
    if (execTimeout < 1 || execTimeout > 31_622_400) {
      c.problem(
          "durableConfig/executionTimeout",
          FunctionSettings::durableExecutionTimeout,
          execTimeout,
          "the durable execution timeout is 1 to 31622400 seconds (366 days).");
    }
    int retentionPeriod =
        c.pick(
            "durableConfig/retentionPeriod",
            FunctionSettings::durableRetentionPeriod,
            DurableConfig.DEFAULT.retentionPeriod());
    if (retentionPeriod < 1 || retentionPeriod > 90) {
      c.problem(
          "durableConfig/retentionPeriod",
          FunctionSettings::durableRetentionPeriod,
          retentionPeriod,
          "the durable retention period is 1 to 90 days.");
    }

    String roleName = c.pick("roleName", FunctionSettings::roleName, name + "-role");
    if (!LambdaLimits.ROLE_NAME.matcher(roleName).matches()) {
      c.problem(
          "roleName",
          FunctionSettings::roleName,
          roleName,
          "an IAM role name has 1 to 64 letters, digits and +=,.@_- characters.");
    }
    String layerName = c.pick("layerName", FunctionSettings::layerName, name + "-deps");
    if (!LambdaLimits.LAYER_NAME.matcher(layerName).matches()) {
      c.problem(
          "layerName",
          FunctionSettings::layerName,
          layerName,
          "a layer name has 1 to 140 letters, digits, hyphens or underscores.");
    }

    String powertools = c.pick("powertoolsLayerArn", FunctionSettings::powertoolsLayerArn, null);
    if (powertools != null && powertools.isBlank()) {
      powertools = null;
    }
    if (powertools != null && !LambdaLimits.LAYER_VERSION_ARN.matcher(powertools).matches()) {
      c.problem(
          "powertoolsLayerArn",
          FunctionSettings::powertoolsLayerArn,
          powertools,
          "expected a layer version ARN such as arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python313-arm64:27.");
    }
    List<String> additional =
        c.pick("additionalLayers", FunctionSettings::additionalLayers, List.of());
    for (String arn : additional) {
      if (!LambdaLimits.LAYER_VERSION_ARN.matcher(arn).matches()) {
        c.problem(
            "additionalLayers",
            FunctionSettings::additionalLayers,
            arn,
            "each entry must be a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION).");
      }
    }
    int layerCount = 1 + (powertools == null ? 0 : 1) + additional.size();
    if (layerCount > 5) {
      problems.add(
          label
              + " uses "
              + layerCount
              + " layers (its dependency layer"
              + (powertools == null ? "" : ", the Powertools layer")
              + " and "
              + additional.size()
              + " <additionalLayers>): Lambda allows at most 5. Remove entries from <additionalLayers>.");
    }

    List<String> excludePackages =
        c.pick(
            "excludePackages",
            FunctionSettings::excludePackages,
            powertools == null ? List.of() : List.of("aws-lambda-powertools"));
    Set<String> excluded = new LinkedHashSet<>();
    excludePackages.forEach(p -> excluded.add(io.github.uvlambda.pep.PackageName.normalize(p)));

    List<String> includes = c.pick("includes", FunctionSettings::includes, List.of("**"));
    List<String> excludes = new ArrayList<>(LambdaLimits.DEFAULT_CODE_EXCLUDES);
    List<String> extraExcludes = c.pick("excludes", FunctionSettings::excludes, List.of());
    excludes.addAll(extraExcludes);

    List<InlinePolicy> policies = new ArrayList<>();
    List<FunctionSettings.PolicySettings> rawPolicies = new ArrayList<>();
    if (shared != null && shared.inlinePolicies() != null) {
      rawPolicies.addAll(shared.inlinePolicies());
    }
    if (fn.inlinePolicies() != null) {
      rawPolicies.addAll(fn.inlinePolicies());
    }
    for (FunctionSettings.PolicySettings p : rawPolicies) {
      InlinePolicy policy = readPolicy(label, p, problems);
      if (policy != null) {
        policies.add(policy);
      }
    }
    List<String> managed = new ArrayList<>();
    if (shared != null && shared.managedPolicyArns() != null) {
      managed.addAll(shared.managedPolicyArns());
    }
    if (fn.managedPolicyArns() != null) {
      managed.addAll(fn.managedPolicyArns());
    }
    for (String arn : managed) {
      if (!LambdaLimits.MANAGED_POLICY_ARN.matcher(arn).matches()) {
        problems.add(
            label
                + " <managedPolicyArns> entry '"
                + arn
                + "' is not an IAM policy ARN (arn:aws:iam::aws:policy/NAME or arn:aws:iam::ACCOUNT:policy/NAME).");
      }
    }

    if (problems.size() > before
        || arch == null
        || python == null
        || tracing == null
        || lambdasDir == null
        || sourceDir == null) {
      return null;
    }
    return new FunctionSpec(
        name,
        sourceDir,
        lambdasDir,
        blankToNull(c.pick("dependencyGroup", FunctionSettings::dependencyGroup, null)),
        handler,
        description,
        new LambdaRuntime(python, arch),
        memory,
        timeout,
        env,
        tags,
        retention,
        tracing,
        publish,
        alias,
        dlq,
        durable,
        new DurableConfig(execTimeout, retentionPeriod),
        roleName,
        additional,
        powertools,
        excluded,
        layerName,
        includes,
        excludes,
        policies,
        List.copyOf(new LinkedHashSet<>(managed)));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private void validateEnvironment(String label, Map<String, String> env, List<String> problems) {
    int size = 0;
    for (Map.Entry<String, String> e : env.entrySet()) {
      String key = e.getKey();
      String value = e.getValue() == null ? "" : e.getValue();
      if (LambdaLimits.RESERVED_ENVIRONMENT.contains(key)) {
        problems.add(
            label
                + " <environmentVariables> sets the reserved key "
                + key
                + ": Lambda sets it itself and rejects it. Remove it.");
      } else if (!LambdaLimits.ENVIRONMENT_KEY.matcher(key).matches()) {
        problems.add(
            label
                + " <environmentVariables> key '"
                + key
                + "' is invalid: keys start with a letter and contain only letters, digits and underscores.");
      }
      size +=
          key.getBytes(StandardCharsets.UTF_8).length
              + value.getBytes(StandardCharsets.UTF_8).length;
    }
    if (size > 4096) {
      problems.add(
          label
              + " <environmentVariables> total "
              + size
              + " bytes: Lambda allows at most 4 KB (4096 bytes) for all keys and values. Move large values to SSM Parameter Store or Secrets Manager.");
    }
  }

  private static void validateTags(String label, Map<String, String> tags, List<String> problems) {
    if (tags.size() > 49) {
      problems.add(
          label
              + " <tags> has "
              + tags.size()
              + " tags: AWS allows 50 per resource and the plugin adds managed-by. Use at most 49.");
    }
    for (Map.Entry<String, String> e : tags.entrySet()) {
      if (e.getKey().length() > 128
          || e.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
        problems.add(
            label
                + " <tags> key '"
                + e.getKey()
                + "' is invalid: at most 128 characters and no 'aws:' prefix.");
      }
      if (e.getValue() != null && e.getValue().length() > 256) {
        problems.add(
            label + " <tags> value of '" + e.getKey() + "' is longer than 256 characters.");
      }
    }
  }

  private InlinePolicy readPolicy(
      String label, FunctionSettings.PolicySettings p, List<String> problems) {
    if (p.name() == null || !LambdaLimits.INLINE_POLICY_NAME.matcher(p.name()).matches()) {
      problems.add(
          label
              + " <inlinePolicies> entry has name '"
              + p.name()
              + "': give each <inlinePolicy> a <name> of 1 to 128 letters, digits and +=,.@_- characters.");
      return null;
    }
    String doc = p.document();
    String origin = "inline";
    if (p.file() != null) {
      Path file = basedir.resolve(p.file()).normalize();
      origin = file.toString();
      try {
        doc = Files.readString(file);
      } catch (IOException e) {
        problems.add(
            label
                + " <inlinePolicy> '"
                + p.name()
                + "' <file> "
                + file
                + " cannot be read: "
                + e.getMessage());
        return null;
      }
    }
    if (doc == null || doc.isBlank()) {
      problems.add(
          label
              + " <inlinePolicy> '"
              + p.name()
              + "' has neither <document> nor <file>: give the policy JSON inline or in a file.");
      return null;
    }
    try {
      var tree = json.readTree(doc);
      if (tree == null || !tree.isObject() || !tree.has("Statement")) {
        problems.add(
            label
                + " <inlinePolicy> '"
                + p.name()
                + "' ("
                + origin
                + ") is not an IAM policy: it needs a \"Statement\".");
        return null;
      }
    } catch (IOException e) {
      problems.add(
          label
              + " <inlinePolicy> '"
              + p.name()
              + "' ("
              + origin
              + ") is not valid JSON: "
              + e.getMessage().lines().findFirst().orElse(""));
      return null;
    }
    return new InlinePolicy(p.name(), doc, origin);
  }
}
