package io.github.uvlambda.maven;

import io.github.uvlambda.deploy.DestroySettings;
import io.github.uvlambda.deploy.Destroyer;
import io.github.uvlambda.function.Purpose;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deletes everything this project deployed: each function with its versions and alias, its role,
 * its dead-letter queue and its layer versions, and the project's functions that already left the
 * POM (found by their {@code uv-lambda:project} tag). Prints the plan first and honours {@code
 * dryRun}. Data is kept unless asked: log groups ({@code deleteLogs}) and queues that still hold
 * messages ({@code deleteQueuedMessages}). Resources without this project's tags are never touched.
 * Running it again finishes an interrupted run; with nothing left it says so and makes no write
 * call. No default phase: {@code mvn uv-lambda:uv-destroy}.
 *
 * @since 0.1.0
 */
@Mojo(name = "uv-destroy", threadSafe = true)
public class UvDestroyMojo extends AbstractAwsMojo {

  /**
   * Skip this goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.SKIP_DESTROY, defaultValue = "false")
  private boolean skipDestroy;

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
            connection(),
            projectKey(),
            dryRun,
            deleteLogs,
            deleteQueuedMessages,
            outputDirectory.toPath());
    new Destroyer(buildLog()).destroy(functionSpecs(Purpose.DEPLOY), settings);
  }
}
