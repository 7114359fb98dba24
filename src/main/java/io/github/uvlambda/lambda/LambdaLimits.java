package io.github.uvlambda.lambda;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lambda's, IAM's and CloudWatch's published limits and name rules, in one place: what the
 * configuration is validated against before any work, and what the build and the deploy check the
 * artifacts against. Sources: the Lambda quotas page, the API references of CreateFunction,
 * PublishLayerVersion, CreateRole and PutRetentionPolicy.
 */
public final class LambdaLimits {
  private LambdaLimits() {}

  /** A function and all its layers, unzipped: 250 MB, which Lambda counts as 262,144,000 bytes. */
  public static final long UNZIPPED_SIZE = 262_144_000L;

  /** A zip uploaded in the request itself (ZipFile); larger ones must go through S3. */
  public static final long DIRECT_UPLOAD_SIZE = 50L * 1024 * 1024;

  /** Layers per function. */
  public static final int LAYERS_PER_FUNCTION = 5;

  /** All environment variable keys and values together, in bytes. */
  public static final int ENVIRONMENT_SIZE = 4096;

  public static final int MIN_MEMORY_MB = 128;
  public static final int MAX_MEMORY_MB = 10240;
  public static final int MIN_TIMEOUT_SECONDS = 1;
  public static final int MAX_TIMEOUT_SECONDS = 900;
  public static final int DESCRIPTION_LENGTH = 256;

  /** Durable execution: timeout in seconds and retention in days. */
  public static final int MAX_DURABLE_EXECUTION_TIMEOUT = 31_622_400;

  public static final int MAX_DURABLE_RETENTION_DAYS = 90;

  /** Tags per resource (AWS's limit is 50; the plugin's own tags are counted separately). */
  public static final int TAGS_PER_RESOURCE = 50;

  public static final int TAG_KEY_LENGTH = 128;
  public static final int TAG_VALUE_LENGTH = 256;

  /** CloudWatch Logs' allowed retention values, in days. */
  public static final Set<Integer> LOG_RETENTION_DAYS =
      Set.of(
          1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,
          2922, 3288, 3653);

  /** Environment variables Lambda sets itself and rejects in a function's configuration. */
  public static final Set<String> RESERVED_ENVIRONMENT =
      Set.of(
          "_HANDLER",
          "_X_AMZN_TRACE_ID",
          "AWS_DEFAULT_REGION",
          "AWS_REGION",
          "AWS_EXECUTION_ENV",
          "AWS_LAMBDA_FUNCTION_NAME",
          "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
          "AWS_LAMBDA_FUNCTION_VERSION",
          "AWS_LAMBDA_INITIALIZATION_TYPE",
          "AWS_LAMBDA_LOG_GROUP_NAME",
          "AWS_LAMBDA_LOG_STREAM_NAME",
          "AWS_ACCESS_KEY",
          "AWS_ACCESS_KEY_ID",
          "AWS_SECRET_ACCESS_KEY",
          "AWS_SESSION_TOKEN",
          "AWS_LAMBDA_RUNTIME_API",
          "LAMBDA_TASK_ROOT",
          "LAMBDA_RUNTIME_DIR");

  public static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  public static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
  public static final Pattern ALIAS_NAME = Pattern.compile("(?!^[0-9]+$)[a-zA-Z0-9_-]{1,128}");
  public static final Pattern ENVIRONMENT_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]*");
  public static final Pattern LAYER_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,140}");
  public static final Pattern INLINE_POLICY_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
  public static final Pattern LAYER_VERSION_ARN =
      Pattern.compile(
          "arn:[a-zA-Z0-9-]+:lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:layer:[a-zA-Z0-9_-]+:[0-9]+");
  public static final Pattern MANAGED_POLICY_ARN =
      Pattern.compile("arn:[a-zA-Z0-9-]+:iam::(aws|\\d{12}):policy/.+");
}
