package io.github.uvlambda.maven;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.build.CodePackager;
import io.github.uvlambda.function.FunctionSettings;
import io.github.uvlambda.function.FunctionSpec;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * uv-deploy's plugin-level values for every function that does not set its own: what code.zip is
 * made of (as uv-package) and the function's configuration on AWS, which only a deploy reads. (AWS
 * connection and deploy behaviour are in {@link AbstractAwsMojo} and {@link UvDeployMojo}.)
 */
abstract class AbstractDeployMojo extends AbstractAwsMojo {

  /**
   * Handler entry point, {@code module.function}. Default {@code handler.handler}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.HANDLER)
  protected String handler;

  /**
   * Files that look like secrets ({@code .env*}, {@code *.pem}, {@code *.key}, {@code id_rsa*},
   * {@code .aws/}, ...) are refused in code.zip; list here, as Ant patterns relative to each
   * function's {@code sourceDir}, those that are meant to ship, e.g. {@code
   * <allowedSecretFiles><allowedSecretFile>certs/rds-ca.pem</allowedSecretFile></allowedSecretFiles>}.
   * See docs/security.md.
   *
   * @since 0.1.0
   */
  @Parameter protected List<String> allowedSecretFiles;

  /**
   * Leave tests, caches, bytecode and tool folders ({@code tests/}, {@code __pycache__/}, {@code
   * .venv/}, {@code .idea/}, {@code node_modules/}, ...) out of code.zip without a word. Set to
   * false to take them too (a function's {@code excludes} still apply). See docs/security.md.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.USE_DEFAULT_EXCLUDES, defaultValue = "true")
  protected boolean useDefaultExcludes = true;

  /**
   * Add to each code.zip an unchecked-hash {@code .pyc} for every {@code .py}, compiled for {@code
   * /var/task} by a CPython of the function's minor version (see {@code compileBytecode}).
   *
   * @since 0.2.0
   */
  @Parameter(property = PropertyNames.COMPILE_CODE, defaultValue = "false")
  protected boolean compileCode;

  /**
   * Function description. Default empty.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.DESCRIPTION)
  protected String description;

  /**
   * Memory in MB, 128 to 10240. Default 128.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.MEMORY_SIZE)
  protected Integer memorySize;

  /**
   * Timeout in seconds, 1 to 900. Default 30.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.TIMEOUT)
  protected Integer timeout;

  /**
   * Environment variables for every function; a function's own entries win per key.
   *
   * @since 0.1.0
   */
  @Parameter protected Map<String, String> environmentVariables;

  /**
   * Tags for every resource of every function; a function's own entries win per key. The plugin
   * adds {@code managed-by=uv-lambda-maven-plugin}.
   *
   * @since 0.1.0
   */
  @Parameter protected Map<String, String> tags;

  /**
   * CloudWatch log retention in days (one of CloudWatch's allowed values). Default 365.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.LOG_RETENTION_DAYS)
  protected Integer logRetentionDays;

  /**
   * X-Ray tracing: {@code Active} or {@code PassThrough}. Default {@code PassThrough}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.TRACING_MODE)
  protected String tracingMode;

  /**
   * Publish a version and point the alias at it. Default false (always on with durable execution).
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.PUBLISH)
  protected Boolean publish;

  /**
   * Alias name used when publishing. Default {@code prod}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.ALIAS_NAME)
  protected String aliasName;

  /**
   * Create an SQS dead-letter queue {@code FUNCTION-dlq}. Default false.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.ENABLE_DLQ)
  protected Boolean enableDlq;

  /**
   * Enable durable execution (python3.13+, only when the function is created). Default false.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.ENABLE_DURABLE_EXECUTION)
  protected Boolean enableDurableExecution;

  /**
   * Durable execution settings: {@code executionTimeout} in seconds (1 to 31622400, default 86400)
   * and {@code retentionPeriod} in days (1 to 90, default 7). As properties: {@code
   * uv-lambda.durableExecutionTimeout} and {@code uv-lambda.durableRetentionPeriod}.
   *
   * @since 0.1.0
   */
  @Parameter protected FunctionConfig.DurableConfigBean durableConfig;

  /**
   * Extra layer version ARNs for every function (comma-separated as a property).
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.ADDITIONAL_LAYERS)
  protected List<String> additionalLayers;

  /**
   * Extra inline IAM policies for every function's role: each an {@code <inlinePolicy>} with a
   * {@code <name>} and either a {@code <document>} (JSON) or a {@code <file>}.
   *
   * @since 0.1.0
   */
  @Parameter protected List<FunctionConfig.InlinePolicyConfig> inlinePolicies;

  /**
   * Managed policy ARNs attached to every function's role.
   *
   * @since 0.1.0
   */
  @Parameter protected List<String> managedPolicyArns;

  @Override
  protected void shareSettings(FunctionSettings.Builder shared) {
    super.shareSettings(shared);
    UserProperties properties = new UserProperties(session, project, getLog());
    shared
        .set(FunctionSettings.HANDLER, handler)
        .set(FunctionSettings.ALLOWED_SECRET_FILES, allowedSecretFiles)
        .set(FunctionSettings.USE_DEFAULT_EXCLUDES, useDefaultExcludes)
        .set(FunctionSettings.COMPILE_CODE, compileCode)
        .set(FunctionSettings.DESCRIPTION, description)
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
            durable(
                durableConfig == null ? null : durableConfig.getExecutionTimeout(),
                properties,
                PropertyNames.DURABLE_EXECUTION_TIMEOUT,
                PropertyNames.DEPRECATED_DURABLE_EXECUTION_TIMEOUT))
        .set(
            FunctionSettings.DURABLE_RETENTION_PERIOD,
            durable(
                durableConfig == null ? null : durableConfig.getRetentionPeriod(),
                properties,
                PropertyNames.DURABLE_RETENTION_PERIOD,
                PropertyNames.DEPRECATED_DURABLE_RETENTION_PERIOD))
        .set(FunctionSettings.ADDITIONAL_LAYERS, additionalLayers)
        .set(FunctionSettings.INLINE_POLICIES, FunctionConfig.policies(inlinePolicies))
        .set(FunctionSettings.MANAGED_POLICY_ARNS, managedPolicyArns);
  }

  /** Builds (or finds up to date) a function's code.zip. */
  protected CodePackager.Result packageCode(FunctionSpec f) {
    return zipOutputs()
        .packageCode(f, new ZipOutputs.CodeSettings(pythonExecutable, uvExecutable), buildLog());
  }

  /** The POM's {@code <durableConfig>} value, else its flattened property (or the old spelling). */
  private static Integer durable(
      Integer pom, UserProperties properties, String property, String deprecated) {
    if (pom != null) {
      return pom;
    }
    String text = properties.get(property, deprecated).orElse(null);
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      throw new UvLambdaException(
          "-D"
              + property
              + " is '"
              + text
              + "': give a whole number, e.g. -D"
              + property
              + "=3600.");
    }
  }
}
