package io.github.uvlambda.function;

import static io.github.uvlambda.function.FunctionSettings.ADDITIONAL_LAYERS;
import static io.github.uvlambda.function.FunctionSettings.ALIAS_NAME;
import static io.github.uvlambda.function.FunctionSettings.DESCRIPTION;
import static io.github.uvlambda.function.FunctionSettings.DURABLE_EXECUTION_TIMEOUT;
import static io.github.uvlambda.function.FunctionSettings.DURABLE_RETENTION_PERIOD;
import static io.github.uvlambda.function.FunctionSettings.ENABLE_DLQ;
import static io.github.uvlambda.function.FunctionSettings.ENABLE_DURABLE_EXECUTION;
import static io.github.uvlambda.function.FunctionSettings.ENVIRONMENT_VARIABLES;
import static io.github.uvlambda.function.FunctionSettings.INLINE_POLICIES;
import static io.github.uvlambda.function.FunctionSettings.LAYER_NAME;
import static io.github.uvlambda.function.FunctionSettings.LOG_RETENTION_DAYS;
import static io.github.uvlambda.function.FunctionSettings.MANAGED_POLICY_ARNS;
import static io.github.uvlambda.function.FunctionSettings.MEMORY_SIZE;
import static io.github.uvlambda.function.FunctionSettings.PUBLISH;
import static io.github.uvlambda.function.FunctionSettings.ROLE_NAME;
import static io.github.uvlambda.function.FunctionSettings.TAGS;
import static io.github.uvlambda.function.FunctionSettings.TIMEOUT;
import static io.github.uvlambda.function.FunctionSettings.TRACING_MODE;

import io.github.uvlambda.lambda.LambdaLimits;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.lambda.TracingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Resolves and checks the settings only {@code uv-deploy} uses against Lambda's, IAM's and
 * CloudWatch's limits ({@link LambdaLimits}); each problem names the setting, where its value came
 * from and the fix.
 */
final class DeployConfigResolver {
  private final InlinePolicyLoader policies;

  DeployConfigResolver(InlinePolicyLoader policies) {
    this.policies = policies;
  }

  /**
   * @param runtime the function's runtime, or null when it is invalid (reported already)
   * @param powertoolsLayerArn the Powertools layer, or null
   */
  DeployConfig resolve(
      Inheritance s,
      String functionName,
      LambdaRuntime runtime,
      String powertoolsLayerArn,
      FunctionProblems problems) {
    Inherited<String> description = s.pick(DESCRIPTION, DeployConfig.DESCRIPTION);
    if (description.value().length() > LambdaLimits.DESCRIPTION_LENGTH) {
      problems.invalid(
          DESCRIPTION.parameter(),
          description.origin(),
          description.value().substring(0, 40) + "...",
          "Lambda allows at most 256 characters.");
    }
    Map<String, String> env = s.merged(ENVIRONMENT_VARIABLES);
    EnvironmentAndTags.checkEnvironment(env, problems);
    Map<String, String> tags = s.merged(TAGS);
    EnvironmentAndTags.checkTags(tags, problems);
    boolean durable = s.pick(ENABLE_DURABLE_EXECUTION, false).value();
    if (durable && runtime != null && runtime.minor() < 13) {
      problems.about(
          ENABLE_DURABLE_EXECUTION.parameter(),
          "is true with Python "
              + runtime.pythonVersion()
              + ": Lambda durable functions need python3.13 or later. Set <pythonVersion>3.13</pythonVersion> or higher, or turn durable execution off.");
    }
    List<String> additional = s.pick(ADDITIONAL_LAYERS, List.of()).value();
    checkLayers(s, powertoolsLayerArn, problems);
    return new DeployConfig(
        description.value(),
        inRange(s.pick(MEMORY_SIZE, DeployConfig.MEMORY_SIZE), MEMORY_SIZE, problems),
        inRange(s.pick(TIMEOUT, DeployConfig.TIMEOUT), TIMEOUT, problems),
        env,
        tags,
        logRetention(s, problems),
        tracingMode(s, problems),
        s.pick(PUBLISH, false).value(),
        matching(s.pick(ALIAS_NAME, DeployConfig.ALIAS_NAME), ALIAS_NAME, problems),
        s.pick(ENABLE_DLQ, false).value(),
        durable,
        new DurableConfig(
            inRange(
                s.pick(DURABLE_EXECUTION_TIMEOUT, DurableConfig.DEFAULT.executionTimeout()),
                DURABLE_EXECUTION_TIMEOUT,
                problems),
            inRange(
                s.pick(DURABLE_RETENTION_PERIOD, DurableConfig.DEFAULT.retentionPeriod()),
                DURABLE_RETENTION_PERIOD,
                problems)),
        matching(
            s.pick(ROLE_NAME, DeployConfig.defaultRoleName(functionName)), ROLE_NAME, problems),
        additional,
        matching(
            s.pick(LAYER_NAME, DeployConfig.defaultLayerName(functionName)), LAYER_NAME, problems),
        inlinePolicies(s, problems),
        managedPolicies(s, problems));
  }

  /** For a destroy: the role's and the layer's names (checked), the defaults for the rest. */
  static DeployConfig names(Inheritance s, String functionName, FunctionProblems problems) {
    return DeployConfig.names(
        functionName,
        matching(
            s.pick(ROLE_NAME, DeployConfig.defaultRoleName(functionName)), ROLE_NAME, problems),
        matching(
            s.pick(LAYER_NAME, DeployConfig.defaultLayerName(functionName)), LAYER_NAME, problems));
  }

  /** The allowed range and its message for each numeric setting. */
  private record Range(int min, int max, String fix) {}

  private static final Map<String, Range> RANGES =
      Map.of(
          MEMORY_SIZE.parameter(),
          new Range(
              LambdaLimits.MIN_MEMORY_MB,
              LambdaLimits.MAX_MEMORY_MB,
              "Lambda memory is 128 to 10240 MB."),
          TIMEOUT.parameter(),
          new Range(
              LambdaLimits.MIN_TIMEOUT_SECONDS,
              LambdaLimits.MAX_TIMEOUT_SECONDS,
              "a Lambda timeout is 1 to 900 seconds."),
          DURABLE_EXECUTION_TIMEOUT.parameter(),
          new Range(
              1,
              LambdaLimits.MAX_DURABLE_EXECUTION_TIMEOUT,
              "the durable execution timeout is 1 to 31622400 seconds (366 days)."),
          DURABLE_RETENTION_PERIOD.parameter(),
          new Range(
              1,
              LambdaLimits.MAX_DURABLE_RETENTION_DAYS,
              "the durable retention period is 1 to 90 days."));

  private static int inRange(
      Inherited<Integer> value, FunctionSettings.Field<Integer> field, FunctionProblems problems) {
    Range r = RANGES.get(field.parameter());
    if (value.value() < r.min() || value.value() > r.max()) {
      problems.invalid(field, value, r.fix());
    }
    return value.value();
  }

  /** The name rule and its message for each AWS name setting. */
  private record NameRule(Pattern pattern, String fix) {}

  private static final Map<String, NameRule> NAME_RULES =
      Map.of(
          ALIAS_NAME.parameter(),
          new NameRule(
              LambdaLimits.ALIAS_NAME,
              "an alias name has 1 to 128 letters, digits, hyphens or underscores and is not only digits."),
          ROLE_NAME.parameter(),
          new NameRule(
              LambdaLimits.ROLE_NAME,
              "an IAM role name has 1 to 64 letters, digits and +=,.@_- characters."),
          LAYER_NAME.parameter(),
          new NameRule(
              LambdaLimits.LAYER_NAME,
              "a layer name has 1 to 140 letters, digits, hyphens or underscores."));

  private static String matching(
      Inherited<String> value, FunctionSettings.Field<String> field, FunctionProblems problems) {
    NameRule rule = NAME_RULES.get(field.parameter());
    // A default derived from an invalid function name is not a second mistake of the user's.
    boolean derived = value.origin() == Origin.DEFAULT && !field.equals(ALIAS_NAME);
    if (!derived && !rule.pattern().matcher(value.value()).matches()) {
      problems.invalid(field, value, rule.fix());
    }
    return value.value();
  }

  private static int logRetention(Inheritance s, FunctionProblems problems) {
    Inherited<Integer> days = s.pick(LOG_RETENTION_DAYS, DeployConfig.LOG_RETENTION_DAYS);
    if (!LambdaLimits.LOG_RETENTION_DAYS.contains(days.value())) {
      problems.invalid(
          LOG_RETENTION_DAYS,
          days,
          "CloudWatch Logs accepts " + new TreeSet<>(LambdaLimits.LOG_RETENTION_DAYS) + ".");
    }
    return days.value();
  }

  private static TracingMode tracingMode(Inheritance s, FunctionProblems problems) {
    Inherited<String> raw = s.pick(TRACING_MODE, DeployConfig.TRACING_MODE);
    TracingMode mode = TracingMode.parse(raw.value()).orElse(null);
    if (mode == null) {
      problems.invalid(TRACING_MODE, raw, "use Active or PassThrough.");
      return TracingMode.PASS_THROUGH;
    }
    return mode;
  }

  /** Layer ARNs, and Lambda's limit of five layers per function. */
  private static void checkLayers(
      Inheritance s, String powertoolsLayerArn, FunctionProblems problems) {
    if (powertoolsLayerArn != null
        && !LambdaLimits.LAYER_VERSION_ARN.matcher(powertoolsLayerArn).matches()) {
      problems.invalid(
          FunctionSettings.POWERTOOLS_LAYER_ARN,
          s.pick(FunctionSettings.POWERTOOLS_LAYER_ARN, null),
          "expected a layer version ARN such as arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python313-arm64:27.");
    }
    Inherited<List<String>> additional = s.pick(ADDITIONAL_LAYERS, List.of());
    for (String arn : additional.value()) {
      if (!LambdaLimits.LAYER_VERSION_ARN.matcher(arn).matches()) {
        problems.invalid(
            ADDITIONAL_LAYERS.parameter(),
            additional.origin(),
            arn,
            "each entry must be a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION).");
      }
    }
    int count = 1 + (powertoolsLayerArn == null ? 0 : 1) + additional.value().size();
    if (count > LambdaLimits.LAYERS_PER_FUNCTION) {
      problems.about(
          null,
          "uses "
              + count
              + " layers (its dependency layer"
              + (powertoolsLayerArn == null ? "" : ", the Powertools layer")
              + " and "
              + additional.value().size()
              + " <additionalLayers>): Lambda allows at most 5. Remove entries from <additionalLayers>.");
    }
  }

  private List<InlinePolicy> inlinePolicies(Inheritance s, FunctionProblems problems) {
    List<InlinePolicy> out = new ArrayList<>();
    for (FunctionSettings.PolicySettings p : s.concatenated(INLINE_POLICIES)) {
      policies.load(p, problems).ifPresent(out::add);
    }
    return out;
  }

  private static List<String> managedPolicies(Inheritance s, FunctionProblems problems) {
    List<String> managed = s.concatenated(MANAGED_POLICY_ARNS);
    for (String arn : managed) {
      if (!LambdaLimits.MANAGED_POLICY_ARN.matcher(arn).matches()) {
        problems.about(
            MANAGED_POLICY_ARNS.parameter(),
            "entry '"
                + arn
                + "' is not an IAM policy ARN (arn:aws:iam::aws:policy/NAME or arn:aws:iam::ACCOUNT:policy/NAME).");
      }
    }
    return List.copyOf(new LinkedHashSet<>(managed));
  }
}
