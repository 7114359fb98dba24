package io.github.uvlambda.maven;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every user property of the plugin, in one place. All share the {@code uv-lambda.} prefix; a
 * plugin-level parameter {@code foo} is {@code -Duv-lambda.foo}.
 */
public final class PropertyNames {
  private PropertyNames() {}

  public static final String PREFIX = "uv-lambda.";

  /** Where uv-deploy puts its outputs: {@code uv-lambda.output.FUNCTION.NAME}. */
  public static final String OUTPUT_PREFIX = "uv-lambda.output.";

  // Skips
  public static final String SKIP = "uv-lambda.skip";
  public static final String SKIP_LAYER = "uv-lambda.skipLayer";
  public static final String SKIP_PACKAGE = "uv-lambda.skipPackage";
  public static final String SKIP_DEPLOY = "uv-lambda.skipDeploy";
  public static final String SKIP_DESTROY = "uv-lambda.skipDestroy";
  public static final String SKIP_EXPORT = "uv-lambda.skipExport";
  public static final String SKIP_LOCK_CHECK = "uv-lambda.skipLockCheck";

  // Shared function settings (the Terraform module's inputs)
  public static final String LAMBDAS_DIR = "uv-lambda.lambdasDir";
  public static final String HANDLER = "uv-lambda.handler";
  public static final String DESCRIPTION = "uv-lambda.description";
  public static final String ARCHITECTURE = "uv-lambda.architecture";
  public static final String PYTHON_VERSION = "uv-lambda.pythonVersion";
  public static final String MEMORY_SIZE = "uv-lambda.memorySize";
  public static final String TIMEOUT = "uv-lambda.timeout";
  public static final String LOG_RETENTION_DAYS = "uv-lambda.logRetentionDays";
  public static final String TRACING_MODE = "uv-lambda.tracingMode";
  public static final String PUBLISH = "uv-lambda.publish";
  public static final String ALIAS_NAME = "uv-lambda.aliasName";
  public static final String ENABLE_DLQ = "uv-lambda.enableDlq";
  public static final String ENABLE_DURABLE_EXECUTION = "uv-lambda.enableDurableExecution";
  // <durableConfig> is a nested parameter: its fields have flattened properties, read by name.
  public static final String DURABLE_EXECUTION_TIMEOUT = "uv-lambda.durableExecutionTimeout";
  public static final String DURABLE_RETENTION_PERIOD = "uv-lambda.durableRetentionPeriod";
  public static final String ADDITIONAL_LAYERS = "uv-lambda.additionalLayers";
  public static final String POWERTOOLS_LAYER_ARN = "uv-lambda.powertoolsLayerArn";
  public static final String EXCLUDE_PACKAGES = "uv-lambda.excludePackages";

  // Build
  public static final String OUTPUT_DIRECTORY = "uv-lambda.outputDirectory";
  public static final String USE_DEFAULT_EXCLUDES = "uv-lambda.useDefaultExcludes";
  public static final String CACHE_DIRECTORY = "uv-lambda.cacheDirectory";
  public static final String INDEX_URL = "uv-lambda.indexUrl";
  public static final String INDEX_SERVER_ID = "uv-lambda.indexServerId";
  public static final String INSTALLER = "uv-lambda.installer";
  public static final String UV_EXECUTABLE = "uv-lambda.uvExecutable";
  public static final String LOCKED = "uv-lambda.locked";
  public static final String DOWNLOAD_THREADS = "uv-lambda.downloadThreads";
  public static final String ATTACH = "uv-lambda.attach";

  // Cold start and size (docs/cold-start.md)
  public static final String COMPILE_BYTECODE = "uv-lambda.compileBytecode";
  public static final String COMPILE_CODE = "uv-lambda.compileCode";
  public static final String PYTHON_EXECUTABLE = "uv-lambda.pythonExecutable";
  public static final String EXCLUDE_RUNTIME_PACKAGES = "uv-lambda.excludeRuntimePackages";

  // Export
  public static final String FUNCTION = "uv-lambda.function";
  public static final String GROUPS = "uv-lambda.groups";
  public static final String ONLY_GROUPS = "uv-lambda.onlyGroups";
  public static final String NO_GROUPS = "uv-lambda.noGroups";
  public static final String NO_DEFAULT_GROUPS = "uv-lambda.noDefaultGroups";
  public static final String NO_DEV = "uv-lambda.noDev";
  public static final String ALL_GROUPS = "uv-lambda.allGroups";
  public static final String EXTRAS = "uv-lambda.extras";
  public static final String ALL_EXTRAS = "uv-lambda.allExtras";
  public static final String NO_EMIT_PACKAGES = "uv-lambda.noEmitPackages";
  public static final String NO_EMIT_PROJECT = "uv-lambda.noEmitProject";
  public static final String OUTPUT = "uv-lambda.output";
  public static final String WHEELS_OUTPUT = "uv-lambda.wheelsOutput";

  // Deploy
  public static final String DRY_RUN = "uv-lambda.dryRun";
  public static final String REGION = "uv-lambda.region";
  public static final String PROFILE = "uv-lambda.profile";
  public static final String ENDPOINT_URL = "uv-lambda.endpointUrl";
  public static final String S3_BUCKET = "uv-lambda.s3Bucket";
  public static final String S3_KEY_PREFIX = "uv-lambda.s3KeyPrefix";
  public static final String S3_UPLOAD_ALL = "uv-lambda.s3UploadAll";
  public static final String ADOPT_EXISTING = "uv-lambda.adoptExisting";
  public static final String RECREATE = "uv-lambda.recreate";
  public static final String DEPLOY_THREADS = "uv-lambda.deployThreads";
  public static final String RETRY_MODE = "uv-lambda.retryMode";
  public static final String STACK = "uv-lambda.stack";
  public static final String FAIL_ON_CHANGES = "uv-lambda.failOnChanges";
  public static final String KEEP_VERSIONS = "uv-lambda.keepVersions";
  public static final String PRUNE = "uv-lambda.prune";
  public static final String DELETE_LOGS = "uv-lambda.deleteLogs";
  public static final String DELETE_QUEUED_MESSAGES = "uv-lambda.deleteQueuedMessages";

  // Deprecated spellings, still read for one release with a warning (see UserProperties).
  public static final String DEPRECATED_DURABLE_EXECUTION_TIMEOUT =
      "uv-lambda.durableConfig.executionTimeout";
  public static final String DEPRECATED_DURABLE_RETENTION_PERIOD =
      "uv-lambda.durableConfig.retentionPeriod";

  /** Nested settings (as the core names them) whose property flattens the path. */
  private static final Map<String, String> NESTED =
      Map.of(
          "durableConfig/executionTimeout", DURABLE_EXECUTION_TIMEOUT,
          "durableConfig/retentionPeriod", DURABLE_RETENTION_PERIOD);

  private static final Map<String, String> BY_PARAMETER = byParameter();

  private static Map<String, String> byParameter() {
    Map<String, String> out = new HashMap<>(NESTED);
    for (Field f : PropertyNames.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())
          && f.getType() == String.class
          && !f.getName().startsWith("DEPRECATED_")) {
        try {
          String value = (String) f.get(null);
          if (value != null && value.startsWith(PREFIX) && !value.endsWith(".")) {
            out.putIfAbsent(value.substring(PREFIX.length()), value);
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Map.copyOf(out);
  }

  /**
   * The user property of a setting the core names by its parameter ({@code memorySize}, {@code
   * durableConfig/executionTimeout}), when it has one.
   */
  public static Optional<String> forParameter(String parameter) {
    return Optional.ofNullable(BY_PARAMETER.get(parameter));
  }
}
