package io.github.uvlambda.maven;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.build.BuildTimestamp;
import io.github.uvlambda.build.CodePackager;
import io.github.uvlambda.build.PythonInterpreter;
import io.github.uvlambda.build.SourceSelection;
import io.github.uvlambda.function.FunctionConfigResolver;
import io.github.uvlambda.function.FunctionSettings;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.uv.UvExecutable;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The configuration every goal shares: the {@code functions} list and the plugin-level values that
 * apply to each function that does not set its own. Subclasses bind their own parameters, call the
 * core and let {@link #execute()} turn its errors into Maven failures without a stack trace.
 */
abstract class AbstractUvLambdaMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true)
  protected MavenSession session;

  /**
   * The Lambda functions, one {@code function} each. Each takes the fields of the Terraform module
   * it replaces, in camelCase: {@code functionName} (required), {@code sourceDir} (default {@code
   * lambdasDir/functionName}), {@code lambdasDir}, {@code dependencyGroup} (unset = the project's
   * top-level dependencies), {@code handler}, {@code description}, {@code architecture}, {@code
   * pythonVersion}, {@code memorySize}, {@code timeout}, {@code environmentVariables}, {@code
   * tags}, {@code logRetentionDays}, {@code tracingMode}, {@code publish}, {@code aliasName},
   * {@code enableDlq}, {@code enableDurableExecution}, {@code durableConfig} ({@code
   * executionTimeout}, {@code retentionPeriod}), {@code roleName} (default {@code FUNCTION-role}),
   * {@code additionalLayers}, {@code powertoolsLayerArn}; and beyond the module: {@code
   * excludePackages}, {@code layerName} (default {@code FUNCTION-deps}), {@code includes}, {@code
   * excludes}, {@code inlinePolicies}, {@code managedPolicyArns}.
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
   * Folder with the shared {@code pyproject.toml} and {@code uv.lock}, for every function that does
   * not set its own. Relative paths resolve against the project's basedir.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.LAMBDAS_DIR)
  protected String lambdasDir;

  /**
   * Handler entry point, {@code module.function}. Default {@code handler.handler}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.HANDLER)
  protected String handler;

  /**
   * Function description. Default empty.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.DESCRIPTION)
  protected String description;

  /**
   * CPU architecture: {@code arm64} or {@code x86_64}. Default {@code arm64}. The layer's wheels
   * are chosen for it, whatever machine builds them.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.ARCHITECTURE)
  protected String architecture;

  /**
   * Python version of the Lambda runtime, {@code 3.10} to {@code 3.14}. Default {@code 3.14}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.PYTHON_VERSION)
  protected String pythonVersion;

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
   * Durable execution settings: {@code executionTimeout} in seconds (default 86400) and {@code
   * retentionPeriod} in days (default 7).
   *
   * @since 0.1.0
   */
  @Parameter protected FunctionConfig.DurableConfigBean durableConfig;

  /**
   * Durable execution timeout in seconds, as a property; {@code durableConfig} wins.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.DURABLE_EXECUTION_TIMEOUT)
  protected Integer durableExecutionTimeout;

  /**
   * Durable execution retention in days, as a property; {@code durableConfig} wins.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.DURABLE_RETENTION_PERIOD)
  protected Integer durableRetentionPeriod;

  /**
   * Extra layer version ARNs for every function (comma-separated as a property).
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.ADDITIONAL_LAYERS)
  protected List<String> additionalLayers;

  /**
   * ARN of the AWS Lambda Powertools for Python layer to attach. When set, {@code
   * aws-lambda-powertools} is left out of the dependency layer.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.POWERTOOLS_LAYER_ARN)
  protected String powertoolsLayerArn;

  /**
   * Packages left out of every dependency layer ({@code uv export --no-emit-package}). Default
   * {@code aws-lambda-powertools} when a Powertools layer ARN is set, else none.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.EXCLUDE_PACKAGES)
  protected List<String> excludePackages;

  /**
   * Extra inline IAM policies for every function's role.
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

  /**
   * Where the zips and outputs go: {@code target/uv-lambda/FUNCTION/}.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = PropertyNames.OUTPUT_DIRECTORY,
      defaultValue = "${project.build.directory}/uv-lambda")
  protected File outputDirectory;

  /**
   * Entry time of every zip entry. Maven's reproducible-build property; when unset the plugin uses
   * 1980-01-01T00:00:00Z.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.outputTimestamp}")
  protected String outputTimestamp;

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
   * Skip every goal of this plugin.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
  protected boolean skip;

  private BuildLog buildLog;

  protected final BuildLog buildLog() {
    if (buildLog == null) {
      buildLog = new MavenBuildLog(getLog());
    }
    return buildLog;
  }

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping " + goal() + ": " + PropertyNames.SKIP + " is true.");
      return;
    }
    if (goalSkipped()) {
      getLog().info("Skipping " + goal() + ": " + goalSkipProperty() + " is true.");
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

  protected Instant zipTimestamp() {
    return BuildTimestamp.parse(outputTimestamp);
  }

  protected Path functionOutput(String functionName) {
    return outputDirectory.toPath().resolve(functionName);
  }

  /** The plugin-level settings that apply to every function. */
  protected FunctionSettings sharedSettings() {
    Integer execTimeout =
        durableConfig != null && durableConfig.getExecutionTimeout() != null
            ? durableConfig.getExecutionTimeout()
            : durableExecutionTimeout;
    Integer retention =
        durableConfig != null && durableConfig.getRetentionPeriod() != null
            ? durableConfig.getRetentionPeriod()
            : durableRetentionPeriod;
    return FunctionSettings.builder()
        .set(FunctionSettings.LAMBDAS_DIR, lambdasDir)
        .set(FunctionSettings.HANDLER, handler)
        .set(FunctionSettings.DESCRIPTION, description)
        .set(FunctionSettings.ARCHITECTURE, architecture)
        .set(FunctionSettings.PYTHON_VERSION, pythonVersion)
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
        .set(FunctionSettings.DURABLE_EXECUTION_TIMEOUT, execTimeout)
        .set(FunctionSettings.DURABLE_RETENTION_PERIOD, retention)
        .set(FunctionSettings.ADDITIONAL_LAYERS, additionalLayers)
        .set(FunctionSettings.POWERTOOLS_LAYER_ARN, powertoolsLayerArn)
        .set(FunctionSettings.EXCLUDE_PACKAGES, excludePackages)
        .set(FunctionSettings.INLINE_POLICIES, FunctionConfig.policies(inlinePolicies))
        .set(FunctionSettings.MANAGED_POLICY_ARNS, managedPolicyArns)
        .build();
  }

  /**
   * Add to each code.zip an unchecked-hash {@code .pyc} for every {@code .py}, compiled for {@code
   * /var/task} by a CPython of the function's minor version (see {@code compileBytecode}).
   *
   * @since 0.2.0
   */
  @Parameter(property = PropertyNames.COMPILE_CODE, defaultValue = "false")
  protected boolean compileCode;

  /**
   * The CPython that compiles bytecode ({@code compileBytecode}, {@code compileCode}); it must be
   * the function's minor version. Default: {@code python3.X} on PATH, else {@code uv python find
   * 3.X}.
   *
   * @since 0.2.0
   */
  @Parameter(property = PropertyNames.PYTHON_EXECUTABLE)
  protected String pythonExecutable;

  /** Builds (or finds up to date) a function's code.zip. */
  protected CodePackager.Result packageCode(FunctionSpec f) {
    CodePackager.Request r =
        CodePackager.Request.of(
            f,
            new SourceSelection.Rules(
                f.includes(),
                f.excludes(),
                useDefaultExcludes,
                allowedSecretFiles == null ? List.of() : allowedSecretFiles),
            functionOutput(f.functionName()).resolve("code.zip"),
            zipTimestamp());
    if (compileCode) {
      r =
          r.withBytecode(
              PythonInterpreter.find(
                  f.functionName(),
                  "compileCode",
                  f.pythonVersion(),
                  pythonExecutable,
                  UvExecutable.find(null),
                  buildLog()));
    }
    return new CodePackager(buildLog()).packageCode(r);
  }

  /**
   * Every configured function, merged, defaulted and validated before any work; a build scope
   * leaves the deploy-only settings alone.
   */
  protected List<FunctionSpec> functionSpecs(FunctionConfigResolver.Scope scope) {
    List<FunctionSettings> settings = new ArrayList<>();
    if (functions != null) {
      for (FunctionConfig f : functions) {
        settings.add(f.toSettings());
      }
    }
    return new FunctionConfigResolver(basedir()).resolve(sharedSettings(), settings, scope);
  }
}
