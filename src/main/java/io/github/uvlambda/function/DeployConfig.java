package io.github.uvlambda.function;

import io.github.uvlambda.lambda.TracingMode;
import java.util.List;
import java.util.Map;

/**
 * The resolved settings of a function that only {@code uv-deploy} uses (and, of them, uv-destroy
 * the names). The build goals get {@link #defaults}: they neither read nor check these settings.
 */
public record DeployConfig(
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

  public DeployConfig {
    environmentVariables = Map.copyOf(environmentVariables);
    tags = Map.copyOf(tags);
    additionalLayers = List.copyOf(additionalLayers);
    inlinePolicies = List.copyOf(inlinePolicies);
    managedPolicyArns = List.copyOf(managedPolicyArns);
  }

  /**
   * Whether a version is published and the alias moved: asked for, or required by durable
   * execution.
   */
  public boolean publishesVersion() {
    return publish || enableDurableExecution;
  }

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
    return names(functionName, defaultRoleName(functionName), defaultLayerName(functionName));
  }

  /** The defaults with the names a destroy resolved: what it deletes, nothing else read. */
  static DeployConfig names(String functionName, String roleName, String layerName) {
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
        roleName,
        List.of(),
        layerName,
        List.of(),
        List.of());
  }
}
