package io.github.uvlambda.maven;

import io.github.uvlambda.deploy.aws.AwsConnection;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * uv-deploy's AWS settings: where (region, profile, endpoint), as which project (stack), and what a
 * prune may delete. uv-destroy declares the same parameters itself (it builds nothing, so it does
 * not extend the layer goals); their names and meaning are the same.
 */
abstract class AbstractAwsMojo extends AbstractLayerMojo {

  /**
   * Print the plan and change nothing.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
  protected boolean dryRun;

  /**
   * AWS region. Default: the SDK's region chain (AWS_REGION, the profile's region, ...).
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.REGION)
  protected String region;

  /**
   * Named profile of {@code ~/.aws/config}. Default: the SDK's default credential chain.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.PROFILE)
  protected String profile;

  /**
   * One endpoint for every AWS service, for LocalStack or moto, e.g. {@code http://127.0.0.1:5000}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.ENDPOINT_URL)
  protected String endpointUrl;

  /**
   * The SDK's retry mode for throttling and server errors: {@code standard} or {@code adaptive}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.RETRY_MODE, defaultValue = "standard")
  protected String retryMode;

  /**
   * The name that owns the deployed resources: every resource carries the tag {@code
   * uv-lambda:project} with it, and only resources with this project's tag are changed, pruned or
   * destroyed. Default: {@code groupId:artifactId}. Set it to keep two deployments of one project
   * apart, e.g. {@code my-app-staging} and {@code my-app-prod} in one account.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.STACK)
  protected String stack;

  /**
   * Also delete log groups (their logs are lost) when a function is pruned or destroyed; by default
   * they are kept and reported.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.DELETE_LOGS, defaultValue = "false")
  protected boolean deleteLogs;

  /**
   * Also delete dead-letter queues that still hold messages when a function is pruned or destroyed;
   * by default they are kept and reported.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.DELETE_QUEUED_MESSAGES, defaultValue = "false")
  protected boolean deleteQueuedMessages;

  /**
   * How many resources are read and written in parallel.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.DEPLOY_THREADS, defaultValue = "4")
  protected int deployThreads;

  protected AwsConnection connection() {
    return new AwsConnection(region, profile, endpointUrl, retryMode);
  }

  /** {@code <stack>}, or {@code groupId:artifactId}. */
  protected String projectKey() {
    return ProjectKey.of(stack, project);
  }
}
