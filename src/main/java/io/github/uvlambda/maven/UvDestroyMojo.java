package io.github.uvlambda.maven;

import io.github.uvlambda.deploy.DestroySettings;
import io.github.uvlambda.deploy.Destroyer;
import io.github.uvlambda.deploy.aws.AwsConnection;
import io.github.uvlambda.function.Purpose;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deletes everything this project deployed: each function with its versions and alias, its role,
 * its dead-letter queue and its layer versions, and the project's functions that already left the
 * POM (found by their {@code uv-lambda:project} tag). Prints the plan first and honours {@code
 * dryRun}. Data is kept unless asked: log groups ({@code deleteLogs}) and queues that still hold
 * messages ({@code deleteQueuedMessages}). Resources without this project's tags are never touched.
 * Running it again finishes an interrupted run; with nothing left it says so and makes no write
 * call. No default phase: {@code mvn uv-lambda:uv-destroy}. It reads only the names in each {@code
 * <function>} ({@code functionName}, {@code roleName}, {@code layerName}): the sources, the lock
 * and the deploy settings may already be gone.
 *
 * <p>The AWS parameters are uv-deploy's, declared here again because this goal builds nothing and
 * so does not share uv-deploy's base class.
 *
 * @since 0.1.0
 */
@Mojo(name = "uv-destroy", threadSafe = true)
public class UvDestroyMojo extends AbstractUvLambdaMojo {

  /**
   * Skip this goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.SKIP_DESTROY, defaultValue = "false")
  private boolean skipDestroy;

  /**
   * Print the plan and delete nothing.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
  private boolean dryRun;

  /**
   * AWS region. Default: the SDK's region chain (AWS_REGION, the profile's region, ...).
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.REGION)
  private String region;

  /**
   * Named profile of {@code ~/.aws/config}. Default: the SDK's default credential chain.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.PROFILE)
  private String profile;

  /**
   * One endpoint for every AWS service, for LocalStack or moto, e.g. {@code http://127.0.0.1:5000}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.ENDPOINT_URL)
  private String endpointUrl;

  /**
   * The SDK's retry mode for throttling and server errors: {@code standard} or {@code adaptive}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.RETRY_MODE, defaultValue = "standard")
  private String retryMode;

  /**
   * The project whose resources are deleted: only resources whose {@code uv-lambda:project} tag has
   * this value are touched. Default: {@code groupId:artifactId}; use the {@code <stack>} the
   * deployment was made with.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.STACK)
  private String stack;

  /**
   * Also delete the functions' log groups (their logs are lost); by default they are kept and
   * reported.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.DELETE_LOGS, defaultValue = "false")
  private boolean deleteLogs;

  /**
   * Also delete dead-letter queues that still hold messages; by default they are kept and reported.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.DELETE_QUEUED_MESSAGES, defaultValue = "false")
  private boolean deleteQueuedMessages;

  /**
   * Where {@code plan.json} is written: uv-deploy's output directory.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = PropertyNames.OUTPUT_DIRECTORY,
      defaultValue = "${project.build.directory}/uv-lambda")
  private File outputDirectory;

  @Override
  protected String goal() {
    return "uv-destroy";
  }

  @Override
  protected boolean goalSkipped() {
    return skipDestroy;
  }

  @Override
  protected String goalSkipProperty() {
    return PropertyNames.SKIP_DESTROY;
  }

  @Override
  protected void run() {
    DestroySettings settings =
        new DestroySettings(
            new AwsConnection(region, profile, endpointUrl, retryMode),
            ProjectKey.of(stack, project),
            dryRun,
            deleteLogs,
            deleteQueuedMessages,
            outputDirectory.toPath());
    new Destroyer(buildLog()).destroy(functionSpecs(Purpose.DESTROY), settings);
  }
}
