package io.github.uvlambda.deploy;

import io.github.uvlambda.deploy.aws.AwsConnection;
import io.github.uvlambda.deploy.aws.S3Target;
import io.github.uvlambda.deploy.reconcile.RemovalOptions;
import java.nio.file.Path;

/**
 * How and where to deploy.
 *
 * @param project the owning project, {@code groupId:artifactId} or a stack name: the value of the
 *     {@code uv-lambda:project} tag on every resource
 * @param failOnChanges with a dry run: fail when the plan is not empty
 * @param adoptExisting take over resources that exist without this project's tags
 * @param recreate delete and create again a function that must be recreated (durable execution)
 * @param keepVersions published versions and layer versions kept per function and layer; 0 = all
 * @param removal what goes when it is no longer configured
 * @param threads how many resources are read and written in parallel
 */
public record DeploySettings(
    AwsConnection connection,
    String project,
    boolean dryRun,
    boolean failOnChanges,
    S3Target s3,
    boolean adoptExisting,
    boolean recreate,
    int keepVersions,
    RemovalOptions removal,
    int threads,
    Path outputDirectory) {

  public static final int DEFAULT_KEEP_VERSIONS = 5;
}
