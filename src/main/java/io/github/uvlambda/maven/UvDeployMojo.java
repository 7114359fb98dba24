package io.github.uvlambda.maven;

import io.github.uvlambda.build.CodePackager;
import io.github.uvlambda.build.LayerBuilder;
import io.github.uvlambda.deploy.DeploySettings;
import io.github.uvlambda.deploy.Deployer;
import io.github.uvlambda.deploy.FunctionArtifacts;
import io.github.uvlambda.deploy.FunctionOutputs;
import io.github.uvlambda.deploy.SharedLayers;
import io.github.uvlambda.deploy.aws.S3Target;
import io.github.uvlambda.deploy.reconcile.RemovalOptions;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.function.Purpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates or updates every function on AWS: CloudWatch log group, IAM role with least-privilege
 * policies, optional SQS dead-letter queue, dependency layer version, the function itself, and a
 * published version and alias when asked (always with durable execution). It reads what exists,
 * prints a plan, and changes only what differs: a second deploy with nothing changed makes no write
 * call. Missing or stale zips are built first, so {@code mvn uv-lambda:uv-deploy} works on its own.
 * Outputs go to {@code target/uv-lambda/FUNCTION/outputs.json} and to the project properties {@code
 * uv-lambda.output.FUNCTION.NAME}.
 *
 * @since 0.1.0
 */
@Mojo(name = "uv-deploy", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class UvDeployMojo extends AbstractDeployMojo {

  /**
   * Skip this goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.SKIP_DEPLOY, defaultValue = "false")
  private boolean skipDeploy;

  /**
   * S3 bucket for zips over Lambda's 50 MB direct-upload limit (or for all zips with {@code
   * s3UploadAll}). Objects are keyed by content hash and uploaded only once.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.S3_BUCKET)
  private String s3Bucket;

  /**
   * Key prefix inside {@code s3Bucket}, e.g. {@code lambda/}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.S3_KEY_PREFIX)
  private String s3KeyPrefix;

  /**
   * Upload every zip through S3, not only those over 50 MB.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.S3_UPLOAD_ALL, defaultValue = "false")
  private boolean s3UploadAll;

  /**
   * Take over resources that exist without the {@code managed-by=uv-lambda-maven-plugin} tag.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.ADOPT_EXISTING, defaultValue = "false")
  private boolean adoptExisting;

  /**
   * Delete and recreate a function that can only get its configuration at creation (durable
   * execution). Its versions and aliases are lost.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.RECREATE, defaultValue = "false")
  private boolean recreate;

  /**
   * With {@code dryRun}: fail the build when the plan is not empty, naming each change (drift
   * marked), as {@code terraform plan -detailed-exitcode} lets CI ask "is production what main
   * says?". Implies a dry run.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.FAIL_ON_CHANGES, defaultValue = "false")
  private boolean failOnChanges;

  /**
   * Published versions kept per function, and layer versions per layer: after a successful deploy,
   * older ones that no alias and no function's configuration uses are deleted. {@code 0} keeps all.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.KEEP_VERSIONS, defaultValue = "5")
  private int keepVersions;

  /**
   * Delete this project's functions that are no longer in the POM, with their role, versions,
   * alias, queue and layer versions (logs and queued messages are kept unless {@code deleteLogs} /
   * {@code deleteQueuedMessages}). Without it they are listed in the plan as orphans.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.PRUNE, defaultValue = "false")
  private boolean prune;

  @Override
  protected String goal() {
    return "uv-deploy";
  }

  @Override
  protected boolean goalSkipped() {
    return skipDeploy;
  }

  @Override
  protected String goalSkipProperty() {
    return PropertyNames.SKIP_DEPLOY;
  }

  @Override
  protected void run() {
    List<FunctionSpec> specs = functionSpecs(Purpose.DEPLOY);
    SharedLayers.check(specs);
    // Made first: a bad <region> or <endpointUrl> fails before any layer is built.
    DeploySettings settings =
        new DeploySettings(
            connection(),
            projectKey(),
            dryRun,
            failOnChanges,
            new S3Target(s3Bucket, s3KeyPrefix, s3UploadAll),
            adoptExisting,
            recreate,
            keepVersions,
            new RemovalOptions(prune, deleteLogs, deleteQueuedMessages),
            deployThreads,
            outputDirectory.toPath());
    Map<String, LayerBuilder.Result> layers = buildLayers(specs);
    List<FunctionArtifacts> artifacts = new ArrayList<>();
    for (FunctionSpec f : specs) {
      CodePackager.Result code = packageCode(f);
      LayerBuilder.Result layer = layers.get(f.functionName());
      artifacts.add(
          new FunctionArtifacts(f, code.zip(), code.unzippedSize(), layer.zip(), layer.report()));
    }
    List<FunctionOutputs> outputs = new Deployer(buildLog()).deploy(artifacts, settings);
    OutputProperties.publish(project, outputs, getLog());
  }
}
