package io.github.uvlambda.maven;

import io.github.uvlambda.function.FunctionSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code function} of the {@code functions} list. Every field is optional except {@code
 * functionName}; an unset field takes the plugin-level value, then the default. Each field is
 * documented in the Javadoc of the {@code functions} parameter ({@code AbstractUvLambdaMojo}),
 * which is what {@code mvn uv-lambda:help -Ddetail} and docs/configuration.md show; a new field
 * goes there too (GoalParametersTest checks it).
 */
public class FunctionConfig {
  private String functionName;
  private String sourceDir;
  private String lambdasDir;
  private String dependencyGroup;
  private String handler;
  private String description;
  private String architecture;
  private String pythonVersion;
  private Integer memorySize;
  private Integer timeout;
  private Map<String, String> environmentVariables;
  private Map<String, String> tags;
  private Integer logRetentionDays;
  private String tracingMode;
  private Boolean publish;
  private String aliasName;
  private Boolean enableDlq;
  private Boolean enableDurableExecution;
  private DurableConfigBean durableConfig;
  private String roleName;
  private List<String> additionalLayers;
  private String powertoolsLayerArn;
  private List<String> excludePackages;
  private Boolean compileBytecode;
  private Boolean excludeRuntimePackages;
  private String layerName;
  private List<String> includes;
  private List<String> excludes;
  private List<String> allowedSecretFiles;
  private Boolean useDefaultExcludes;
  private Boolean compileCode;
  private List<InlinePolicyConfig> inlinePolicies;
  private List<String> managedPolicyArns;

  /** Durable execution settings, as in the Terraform module's {@code durable_config}. */
  public static class DurableConfigBean {
    private Integer executionTimeout;
    private Integer retentionPeriod;

    public Integer getExecutionTimeout() {
      return executionTimeout;
    }

    public Integer getRetentionPeriod() {
      return retentionPeriod;
    }
  }

  /**
   * An extra inline policy for the function's role: {@code name} and a {@code document} or {@code
   * file}.
   */
  public static class InlinePolicyConfig {
    private String name;
    private String document;
    private String file;

    FunctionSettings.PolicySettings toSettings() {
      return new FunctionSettings.PolicySettings(name, document, file);
    }
  }

  public String getFunctionName() {
    return functionName;
  }

  /** The policies as the core takes them; null stays null (unset). */
  static List<FunctionSettings.PolicySettings> policies(List<InlinePolicyConfig> configs) {
    if (configs == null) {
      return null;
    }
    List<FunctionSettings.PolicySettings> out = new ArrayList<>();
    for (InlinePolicyConfig p : configs) {
      out.add(p.toSettings());
    }
    return out;
  }

  FunctionSettings toSettings() {
    return FunctionSettings.builder()
        .set(FunctionSettings.FUNCTION_NAME, functionName)
        .set(FunctionSettings.SOURCE_DIR, sourceDir)
        .set(FunctionSettings.LAMBDAS_DIR, lambdasDir)
        .set(FunctionSettings.DEPENDENCY_GROUP, dependencyGroup)
        .set(FunctionSettings.HANDLER, handler)
        .set(FunctionSettings.DESCRIPTION, description)
        .set(FunctionSettings.ARCHITECTURE, architecture)
        .set(FunctionSettings.PYTHON_VERSION, pythonVersion)
        .set(FunctionSettings.MEMORY_SIZE, memorySize)
        .set(FunctionSettings.TIMEOUT, timeout)
        .set(FunctionSettings.ENVIRONMENT_VARIABLES, environmentVariables)
        .set(FunctionSettings.TAGS, tags)
        .set(FunctionSettings.LOG_RETENTION_DAYS, logRetentionDays)
        .set(FunctionSettings.TRACING_MODE, tracingMode)
        .set(FunctionSettings.PUBLISH, publish)
        .set(FunctionSettings.ALIAS_NAME, aliasName)
        .set(FunctionSettings.ENABLE_DLQ, enableDlq)
        .set(FunctionSettings.ENABLE_DURABLE_EXECUTION, enableDurableExecution)
        .set(
            FunctionSettings.DURABLE_EXECUTION_TIMEOUT,
            durableConfig == null ? null : durableConfig.executionTimeout)
        .set(
            FunctionSettings.DURABLE_RETENTION_PERIOD,
            durableConfig == null ? null : durableConfig.retentionPeriod)
        .set(FunctionSettings.ROLE_NAME, roleName)
        .set(FunctionSettings.ADDITIONAL_LAYERS, additionalLayers)
        .set(FunctionSettings.POWERTOOLS_LAYER_ARN, powertoolsLayerArn)
        .set(FunctionSettings.EXCLUDE_PACKAGES, excludePackages)
        .set(FunctionSettings.COMPILE_BYTECODE, compileBytecode)
        .set(FunctionSettings.EXCLUDE_RUNTIME_PACKAGES, excludeRuntimePackages)
        .set(FunctionSettings.LAYER_NAME, layerName)
        .set(FunctionSettings.INCLUDES, includes)
        .set(FunctionSettings.EXCLUDES, excludes)
        .set(FunctionSettings.ALLOWED_SECRET_FILES, allowedSecretFiles)
        .set(FunctionSettings.USE_DEFAULT_EXCLUDES, useDefaultExcludes)
        .set(FunctionSettings.COMPILE_CODE, compileCode)
        .set(FunctionSettings.INLINE_POLICIES, policies(inlinePolicies))
        .set(FunctionSettings.MANAGED_POLICY_ARNS, managedPolicyArns)
        .build();
  }
}
