package io.github.uvlambda.maven;

import io.github.uvlambda.build.CodePackager;
import io.github.uvlambda.function.FunctionSettings;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.function.Purpose;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds {@code target/uv-lambda/FUNCTION/code.zip} for every function: the function's source
 * directory without tests, caches and bytecode, in a byte-reproducible zip, attached to the project
 * with the classifier {@code FUNCTION-code}. Reads only what code.zip needs: a mistake in a deploy
 * setting (memory, policies, ...) fails {@code uv-deploy}, not packaging.
 *
 * @since 0.1.0
 */
@Mojo(name = "uv-package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class UvPackageMojo extends AbstractLambdasDirMojo {

  /**
   * Skip this goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.SKIP_PACKAGE, defaultValue = "false")
  private boolean skipPackage;

  /**
   * Attach each code.zip to the project so that {@code mvn install} and {@code mvn deploy} publish
   * it as {@code ARTIFACT-VERSION-FUNCTION-code.zip}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.ATTACH, defaultValue = "true")
  private boolean attach;

  /**
   * Handler entry point, {@code module.function}, for every function that does not set its own.
   * Default {@code handler.handler}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.HANDLER)
  private String handler;

  /**
   * Files that look like secrets ({@code .env*}, {@code *.pem}, {@code *.key}, {@code id_rsa*},
   * {@code .aws/}, ...) are refused in code.zip; list here, as Ant patterns relative to each
   * function's {@code sourceDir}, those that are meant to ship, e.g. {@code
   * <allowedSecretFiles><allowedSecretFile>certs/rds-ca.pem</allowedSecretFile></allowedSecretFiles>}.
   * See docs/security.md.
   *
   * @since 0.1.0
   */
  @Parameter private List<String> allowedSecretFiles;

  /**
   * Leave tests, caches, bytecode and tool folders ({@code tests/}, {@code __pycache__/}, {@code
   * .venv/}, {@code .idea/}, {@code node_modules/}, ...) out of code.zip without a word. Set to
   * false to take them too (a function's {@code excludes} still apply). See docs/security.md.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.USE_DEFAULT_EXCLUDES, defaultValue = "true")
  private boolean useDefaultExcludes = true;

  /**
   * Add to each code.zip an unchecked-hash {@code .pyc} for every {@code .py}, compiled for {@code
   * /var/task} by a CPython of the function's minor version (see {@code compileBytecode}).
   *
   * @since 0.2.0
   */
  @Parameter(property = PropertyNames.COMPILE_CODE, defaultValue = "false")
  private boolean compileCode;

  /**
   * The CPython that compiles bytecode ({@code compileBytecode}, {@code compileCode}); it must be
   * the function's minor version. Default: {@code python3.X} on PATH, else {@code uv python find
   * 3.X}.
   *
   * @since 0.2.0
   */
  @Parameter(property = PropertyNames.PYTHON_EXECUTABLE)
  private String pythonExecutable;

  /**
   * The uv executable to use. Default: {@code uv} on PATH when there is one; the plugin never needs
   * it.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.UV_EXECUTABLE)
  private String uvExecutable;

  /**
   * Python version of the Lambda runtime, {@code 3.10} to {@code 3.14}, for every function that
   * does not set its own. Default {@code 3.14}. Packaging uses it only to compile bytecode ({@code
   * compileCode}).
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.PYTHON_VERSION)
  private String pythonVersion;

  /**
   * Where the zips go: {@code OUTPUT_DIRECTORY/FUNCTION/code.zip}.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = PropertyNames.OUTPUT_DIRECTORY,
      defaultValue = "${project.build.directory}/uv-lambda")
  private File outputDirectory;

  /**
   * Entry time of every zip entry: Maven's reproducible-build property (ISO-8601 or seconds since
   * the epoch). Unset: 1980-01-01T00:00:00Z.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.outputTimestamp}")
  private String outputTimestamp;

  @Component private MavenProjectHelper projectHelper;

  @Override
  protected String goal() {
    return "uv-package";
  }

  @Override
  protected boolean goalSkipped() {
    return skipPackage;
  }

  @Override
  protected String goalSkipProperty() {
    return PropertyNames.SKIP_PACKAGE;
  }

  @Override
  protected void shareSettings(FunctionSettings.Builder shared) {
    super.shareSettings(shared);
    shared
        .set(FunctionSettings.HANDLER, handler)
        .set(FunctionSettings.PYTHON_VERSION, pythonVersion)
        .set(FunctionSettings.ALLOWED_SECRET_FILES, allowedSecretFiles)
        .set(FunctionSettings.USE_DEFAULT_EXCLUDES, useDefaultExcludes)
        .set(FunctionSettings.COMPILE_CODE, compileCode);
  }

  @Override
  protected void run() {
    ZipOutputs zips = new ZipOutputs(outputDirectory, outputTimestamp);
    ZipOutputs.CodeSettings code = new ZipOutputs.CodeSettings(pythonExecutable, uvExecutable);
    for (FunctionSpec f : functionSpecs(Purpose.CODE)) {
      CodePackager.Result r = zips.packageCode(f, code, buildLog());
      if (attach && projectHelper != null) {
        projectHelper.attachArtifact(
            project, "zip", f.functionName() + "-code", new File(r.zip().toString()));
      }
    }
  }
}
