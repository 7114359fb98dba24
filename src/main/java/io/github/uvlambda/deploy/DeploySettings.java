package io.github.uvlambda.deploy;

import java.nio.file.Path;

/**
 * How and where to deploy.
 *
 * @param region null: the SDK's default region chain (AWS_REGION, profile, ...)
 * @param profile a named profile of ~/.aws/config, or null for the default credential chain
 * @param endpointUrl one endpoint for every service (LocalStack, moto), or null
 * @param retryMode {@code standard} or {@code adaptive}: the SDK's retries of throttling and 5xx
 * @param s3Bucket where zips over 50 MB (or all, with s3UploadAll) are uploaded, or null
 * @param adoptExisting take over resources that exist without the plugin's managed-by tag
 * @param recreate delete and create again a function that must be recreated (durable execution)
 * @param threads how many functions deploy in parallel
 */
public record DeploySettings(
    String region,
    String profile,
    String endpointUrl,
    String retryMode,
    boolean dryRun,
    String s3Bucket,
    String s3KeyPrefix,
    boolean s3UploadAll,
    boolean adoptExisting,
    boolean recreate,
    int threads,
    Path outputDirectory) {

  /** The tag every resource the plugin creates carries, and that marks it as the plugin's. */
  public static final String MANAGED_BY_KEY = "managed-by";

  public static final String MANAGED_BY_VALUE = "uv-lambda-maven-plugin";
}
