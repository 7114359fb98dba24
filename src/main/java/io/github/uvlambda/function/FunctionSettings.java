package io.github.uvlambda.function;

import java.util.List;
import java.util.Map;

/**
 * The configuration of one function — or of the plugin level, whose values apply to every function
 * that does not set its own — exactly as the user wrote it: unset values are null, nothing is
 * parsed or checked yet. {@link FunctionConfigResolver} turns these into {@link FunctionSpec}s.
 */
public record FunctionSettings(
    String functionName,
    String sourceDir,
    String lambdasDir,
    String dependencyGroup,
    String handler,
    String description,
    String architecture,
    String pythonVersion,
    Integer memorySize,
    Integer timeout,
    Map<String, String> environmentVariables,
    Map<String, String> tags,
    Integer logRetentionDays,
    String tracingMode,
    Boolean publish,
    String aliasName,
    Boolean enableDlq,
    Boolean enableDurableExecution,
    Integer durableExecutionTimeout,
    Integer durableRetentionPeriod,
    String roleName,
    List<String> additionalLayers,
    String powertoolsLayerArn,
    List<String> excludePackages,
    String layerName,
    List<String> includes,
    List<String> excludes,
    List<PolicySettings> inlinePolicies,
    List<String> managedPolicyArns) {

  /** An inline policy as written: a name and either an inline JSON document or a file. */
  public record PolicySettings(String name, String document, String file) {}

  public static FunctionSettings empty() {
    return new FunctionSettings(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
