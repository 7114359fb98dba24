package io.github.uvlambda.function;

import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import java.nio.file.Path;
import java.util.Set;

/**
 * One Lambda function, fully resolved and validated: every value the build and the deploy need,
 * with plugin-level values and defaults already applied.
 *
 * @param deploy the settings only uv-deploy reads (the defaults in a spec resolved for a build)
 * @param dependencyGroup null exports only the project's top-level dependencies
 * @param excludePackages packages left out of the layer ({@code uv export --no-emit-package})
 * @param layer what deps.zip holds beyond the lock's packages, or leaves out
 * @param code what goes into code.zip
 */
public record FunctionSpec(
    String functionName,
    Path sourceDir,
    Path lambdasDir,
    String dependencyGroup,
    String handler,
    LambdaRuntime runtime,
    String powertoolsLayerArn,
    Set<String> excludePackages,
    LayerConfig layer,
    CodeConfig code,
    DeployConfig deploy) {

  public FunctionSpec {
    excludePackages = Set.copyOf(excludePackages);
  }

  public Architecture architecture() {
    return runtime.architecture();
  }

  public String pythonVersion() {
    return runtime.pythonVersion();
  }
}
