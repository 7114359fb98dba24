package io.github.uvlambda.maven;

import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.uv.UvExecutable;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that read uv.lock (uv-export, uv-layer, uv-deploy): how the lock is brought up to date
 * with a uv executable, or checked against pyproject.toml without one.
 */
abstract class AbstractLockMojo extends AbstractUvLambdaMojo {

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

  /** The configured or found uv executable, or null without one. */
  protected UvExecutable uv() {
    return UvExecutable.find(uvExecutable).orElse(null);
  }

  /** The pyproject.toml and uv.lock of a lambdas directory, after {@code uv lock} when uv runs. */
  protected LockFiles prepareLock(Path lambdasDir, UvExecutable uv) {
    return LockFiles.prepare(lambdasDir, uv, locked, skipLockCheck, buildLog());
  }
}
