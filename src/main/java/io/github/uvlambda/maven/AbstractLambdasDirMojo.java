package io.github.uvlambda.maven;

import io.github.uvlambda.function.FunctionSettings;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that read the functions' folder (every goal but uv-destroy, which needs only the names
 * of what was deployed): where pyproject.toml, uv.lock and, by default, each function's sources
 * are.
 */
abstract class AbstractLambdasDirMojo extends AbstractUvLambdaMojo {

  /**
   * Folder with the shared {@code pyproject.toml} and {@code uv.lock}, for every function that does
   * not set its own. Relative paths resolve against the project's basedir.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.LAMBDAS_DIR)
  protected String lambdasDir;

  @Override
  protected void shareSettings(FunctionSettings.Builder shared) {
    super.shareSettings(shared);
    shared.set(FunctionSettings.LAMBDAS_DIR, lambdasDir);
  }
}
