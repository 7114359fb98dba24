package io.github.uvlambda.maven;

import io.github.uvlambda.function.FunctionSettings;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.uv.UvExecutable;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that read uv.lock for a Lambda target (uv-export, uv-layer, uv-deploy): the target and
 * the packages every layer leaves out, and how the lock is brought up to date with a uv executable,
 * or checked against pyproject.toml without one.
 */
abstract class AbstractLockMojo extends AbstractLambdasDirMojo {

  /**
   * CPU architecture of every function that does not set its own: {@code arm64} or {@code x86_64}.
   * Default {@code arm64}. The layer's wheels are chosen for it, whatever machine builds them.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.ARCHITECTURE)
  protected String architecture;

  /**
   * Python version of the Lambda runtime, {@code 3.10} to {@code 3.14}, for every function that
   * does not set its own. Default {@code 3.14}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.PYTHON_VERSION)
  protected String pythonVersion;

  /**
   * Packages left out of every dependency layer ({@code uv export --no-emit-package}). Default
   * {@code aws-lambda-powertools} when a Powertools layer ARN is set, else none.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.EXCLUDE_PACKAGES)
  protected List<String> excludePackages;

  /**
   * ARN of the AWS Lambda Powertools for Python layer to attach to every function. When set, {@code
   * aws-lambda-powertools} is left out of the dependency layer.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.POWERTOOLS_LAYER_ARN)
  protected String powertoolsLayerArn;

  /**
   * Use a stale uv.lock without failing (a warning is logged). For emergencies only.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.SKIP_LOCK_CHECK, defaultValue = "false")
  protected boolean skipLockCheck;

  /**
   * With a uv executable available, run {@code uv lock --locked} (fail when the lock is stale)
   * instead of {@code uv lock} (update it). For CI.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.LOCKED, defaultValue = "false")
  protected boolean locked;

  /**
   * The uv executable to use. Default: {@code uv} on PATH when there is one; the plugin never needs
   * it.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.UV_EXECUTABLE)
  protected String uvExecutable;

  @Override
  protected void shareSettings(FunctionSettings.Builder shared) {
    super.shareSettings(shared);
    shared
        .set(FunctionSettings.ARCHITECTURE, architecture)
        .set(FunctionSettings.PYTHON_VERSION, pythonVersion)
        .set(FunctionSettings.EXCLUDE_PACKAGES, excludePackages)
        .set(FunctionSettings.POWERTOOLS_LAYER_ARN, powertoolsLayerArn);
  }

  /** The configured or found uv executable, or null without one. */
  protected UvExecutable uv() {
    return UvExecutable.find(uvExecutable).orElse(null);
  }

  /** The pyproject.toml and uv.lock of a lambdas directory, after {@code uv lock} when uv runs. */
  protected LockFiles prepareLock(Path lambdasDir, UvExecutable uv) {
    return LockFiles.prepare(lambdasDir, uv, locked, skipLockCheck, buildLog());
  }
}
