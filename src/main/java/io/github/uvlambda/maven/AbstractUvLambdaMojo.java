package io.github.uvlambda.maven;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.function.FunctionConfigResolver;
import io.github.uvlambda.function.FunctionSettings;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.function.Purpose;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal takes: the {@code functions}, and the switch that skips them all. Each goal
 * declares only the parameters it uses (the subclasses), so its help lists exactly those; a
 * plugin-level {@code <configuration>} shared by several goals still works, since Maven gives each
 * goal the parameters it declares and silently passes over the others (Maven 3.9 and 4 warn only
 * about a parameter no goal of the plugin has). See docs/architecture.md for where a new parameter
 * goes.
 */
abstract class AbstractUvLambdaMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true)
  protected MavenSession session;

  /**
   * The Lambda functions, one {@code <function>} each. Every field is optional except {@code
   * functionName}; an unset field takes the plugin-level parameter of the same name (where the goal
   * has one), then the default. Each goal reads only the fields it uses.
   *
   * <p>Every goal:
   *
   * <ul>
   *   <li>{@code functionName}: the Lambda function's name, 1 to 64 letters, digits, hyphens or
   *       underscores. Required.
   *   <li>{@code lambdasDir}: the folder with {@code pyproject.toml} and {@code uv.lock} (not read
   *       by {@code uv-destroy}, which needs only {@code functionName}, {@code roleName} and {@code
   *       layerName}).
   * </ul>
   *
   * <p>code.zip ({@code uv-package}, {@code uv-deploy}):
   *
   * <ul>
   *   <li>{@code sourceDir}: the folder zipped into code.zip. Default {@code
   *       lambdasDir/functionName}.
   *   <li>{@code handler}: the entry point, {@code module.function}; the module must be in
   *       code.zip. Default {@code handler.handler}.
   *   <li>{@code includes}: {@code <include>} Ant patterns of the files taken, relative to {@code
   *       sourceDir}. Default {@code **}.
   *   <li>{@code excludes}: {@code <exclude>} Ant patterns left out, beyond tests, caches, bytecode
   *       and tool folders, which are left out unless {@code useDefaultExcludes} is false.
   *   <li>{@code allowedSecretFiles}: {@code <allowedSecretFile>} Ant patterns of secret-looking
   *       files that ship on purpose, added to the plugin level's (see docs/security.md).
   *   <li>{@code useDefaultExcludes}: leave tests, caches, bytecode and tool folders out. Default
   *       true.
   *   <li>{@code compileCode}: add an unchecked-hash {@code .pyc} for every {@code .py}. Default
   *       false.
   * </ul>
   *
   * <p>deps.zip ({@code uv-layer}, {@code uv-export}, {@code uv-deploy}):
   *
   * <ul>
   *   <li>{@code dependencyGroup}: the dependency group of pyproject.toml ({@code
   *       [dependency-groups]}) whose packages go into the layer, with the project's own
   *       dependencies. Unset: only the project's own dependencies.
   *   <li>{@code architecture}: {@code arm64} or {@code x86_64}. Default {@code arm64}.
   *   <li>{@code pythonVersion}: the Lambda runtime's Python, {@code 3.10} to {@code 3.14}. Default
   *       {@code 3.14}. ({@code uv-package} reads it too, for {@code compileCode}.)
   *   <li>{@code excludePackages}: {@code <excludePackage>} packages left out of the layer ({@code
   *       uv export --no-emit-package}). Default {@code aws-lambda-powertools} when a Powertools
   *       layer is set, else none.
   *   <li>{@code powertoolsLayerArn}: the AWS Lambda Powertools for Python layer version to attach;
   *       its package is then left out of the dependency layer.
   *   <li>{@code compileBytecode}: add an unchecked-hash {@code .pyc} for every {@code .py} of the
   *       layer. Default false.
   *   <li>{@code excludeRuntimePackages}: leave out the packages the runtime already provides.
   *       Default false.
   * </ul>
   *
   * <p>The function on AWS ({@code uv-deploy} only):
   *
   * <ul>
   *   <li>{@code description}: at most 256 characters. Default empty.
   *   <li>{@code memorySize}: MB, 128 to 10240. Default 128.
   *   <li>{@code timeout}: seconds, 1 to 900. Default 30.
   *   <li>{@code environmentVariables}: {@code <KEY>value</KEY>} entries, added to the plugin
   *       level's (the function's win per key); at most 4 KB together.
   *   <li>{@code tags}: {@code <key>value</key>} entries on every resource of the function, added
   *       to the plugin level's the same way.
   *   <li>{@code logRetentionDays}: CloudWatch log retention, one of CloudWatch's values (1, 3, 5,
   *       7, 14, 30, ... 3653). Default 365.
   *   <li>{@code tracingMode}: X-Ray, {@code Active} or {@code PassThrough}. Default {@code
   *       PassThrough}.
   *   <li>{@code publish}: publish a version and point the alias at it. Default false (always on
   *       with durable execution).
   *   <li>{@code aliasName}: the alias a published version gets. Default {@code prod}.
   *   <li>{@code enableDlq}: an SQS dead-letter queue {@code FUNCTION-dlq}. Default false.
   *   <li>{@code enableDurableExecution}: Lambda durable functions (python3.13 and later; only when
   *       the function is created). Default false.
   *   <li>{@code durableConfig}: {@code <executionTimeout>} in seconds (1 to 31622400, default
   *       86400) and {@code <retentionPeriod>} in days (1 to 90, default 7).
   *   <li>{@code roleName}: the IAM role. Default {@code FUNCTION-role}.
   *   <li>{@code layerName}: the dependency layer's name. Default {@code FUNCTION-deps}.
   *   <li>{@code additionalLayers}: {@code <additionalLayer>} layer version ARNs; with the
   *       dependency layer and Powertools at most 5.
   *   <li>{@code inlinePolicies}: extra inline IAM policies, each an {@code <inlinePolicy>} with a
   *       {@code <name>} and either a {@code <document>} (JSON) or a {@code <file>}; added to the
   *       plugin level's.
   *   <li>{@code managedPolicyArns}: {@code <managedPolicyArn>} managed policies attached to the
   *       role; added to the plugin level's.
   * </ul>
   *
   * <pre>{@code
   * <functions>
   *   <function>
   *     <functionName>my-api-handler</functionName>
   *     <dependencyGroup>my-api-handler</dependencyGroup>
   *     <timeout>30</timeout>
   *     <environmentVariables><LOG_LEVEL>INFO</LOG_LEVEL></environmentVariables>
   *   </function>
   * </functions>
   * }</pre>
   *
   * @since 0.1.0
   */
  @Parameter protected List<FunctionConfig> functions;

  /**
   * Skip every goal of this plugin.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
  protected boolean skip;

  private BuildLog buildLog;

  protected final BuildLog buildLog() {
    if (buildLog == null) {
      boolean interactive =
          System.console() != null && (session == null || session.getRequest().isInteractiveMode());
      buildLog = new MavenBuildLog(getLog(), interactive);
    }
    return buildLog;
  }

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || goalSkipped()) {
      String property = skip ? PropertyNames.SKIP : goalSkipProperty();
      getLog().info("Skipping " + goal() + ": " + property + " is true.");
      return;
    }
    try {
      AwsSdkLogging.keepQuiet(buildLog());
      run();
    } catch (RuntimeException e) {
      String message = ErrorMessages.MAVEN.render(e);
      if (ErrorMessages.isUserError(e)) {
        // Maven appends a cause's (or suppressed) message that the message does not contain:
        // keep the core's exception only when it says exactly the same.
        throw message.equals(e.getMessage())
            ? new MojoFailureException(message, e)
            : new MojoFailureException(message);
      }
      throw new MojoExecutionException(message, e);
    }
  }

  protected abstract String goal();

  protected abstract boolean goalSkipped();

  protected abstract String goalSkipProperty();

  protected abstract void run() throws MojoExecutionException, MojoFailureException;

  protected Path basedir() {
    File b = project == null ? null : project.getBasedir();
    return (b == null ? new File(".") : b).toPath().toAbsolutePath();
  }

  /** The plugin-level values this goal has; a subclass adds its own after calling this. */
  protected void shareSettings(FunctionSettings.Builder shared) {}

  /**
   * Every configured function, merged, defaulted and validated before any work, as far as the
   * goal's purpose reads it.
   */
  protected List<FunctionSpec> functionSpecs(Purpose purpose) {
    FunctionSettings.Builder shared = FunctionSettings.builder();
    shareSettings(shared);
    List<FunctionSettings> settings = new ArrayList<>();
    if (functions != null) {
      for (FunctionConfig f : functions) {
        settings.add(f.toSettings());
      }
    }
    return new FunctionConfigResolver(basedir()).resolve(shared.build(), settings, purpose);
  }
}
