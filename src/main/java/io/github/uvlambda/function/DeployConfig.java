package io.github.uvlambda.function;

import io.github.uvlambda.lambda.TracingMode;
import java.util.List;
import java.util.Map;

/**
 * The resolved settings of a function that only {@code uv-deploy} uses. The build goals get {@link
 * #defaults}: they neither read nor check these settings.
 */
record DeployConfig(
    String description,
    int memorySize,
    int timeout,
    Map<String, String> environmentVariables,
    Map<String, String> tags,
    int logRetentionDays,
    TracingMode tracingMode,
    boolean publish,
    String aliasName,
    boolean enableDlq,
    boolean enableDurableExecution,
    DurableConfig durableConfig,
    String roleName,
    List<String> additionalLayers,
    String layerName,
    List<InlinePolicy> inlinePolicies,
    List<String> managedPolicyArns) {

  // The Terraform module's defaults.
  static final String DESCRIPTION = "";
  static final int MEMORY_SIZE = 128;
  static final int TIMEOUT = 30;
  static final int LOG_RETENTION_DAYS = 365;
  static final String TRACING_MODE = TracingMode.PASS_THROUGH.awsName();
  static final String ALIAS_NAME = "prod";

  static String defaultRoleName(String functionName) {
    return functionName + "-role";
  }

  static String defaultLayerName(String functionName) {
    return functionName + "-deps";
  }

  /** What a build goal's specs carry: the defaults, nothing read from the configuration. */
  static DeployConfig defaults(String functionName) {
    return new DeployConfig(
        DESCRIPTION,
        MEMORY_SIZE,
        TIMEOUT,
        Map.of(),
        Map.of(),
        LOG_RETENTION_DAYS,
        TracingMode.PASS_THROUGH,
        false,
        ALIAS_NAME,
        false,
        false,
        DurableConfig.DEFAULT,
        defaultRoleName(functionName),
        List.of(),
        defaultLayerName(functionName),
        List.of(),
        List.of());
  }

  /** The defaults with the names a destroy resolved: what it deletes, nothing else read. */
  static DeployConfig names(String functionName, String roleName, String layerName) {
    DeployConfig d = defaults(functionName);
    return new DeployConfig(
        d.description(),
        d.memorySize(),
        d.timeout(),
        d.environmentVariables(),
        d.tags(),
        d.logRetentionDays(),
        d.tracingMode(),
        d.publish(),
        d.aliasName(),
        d.enableDlq(),
        d.enableDurableExecution(),
        d.durableConfig(),
        roleName,
        d.additionalLayers(),
        layerName,
        d.inlinePolicies(),
        d.managedPolicyArns());
  }
}
