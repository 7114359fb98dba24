package io.github.uvlambda.function;

import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One Lambda function, fully resolved and validated: every value the build and the deploy need,
 * with plugin-level values and defaults already applied.
 *
 * @param deploy the settings only uv-deploy reads (the defaults in a spec resolved for a build)
 * @param dependencyGroup null exports only the project's top-level dependencies
 * @param excludePackages packages left out of the layer ({@code uv export --no-emit-package})
 * @param includes Ant-style patterns of source files for code.zip, relative to sourceDir
 * @param excludes Ant-style patterns left out of code.zip, besides the usual junk
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
    List<String> includes,
    List<String> excludes,
    DeployConfig deploy) {

  public FunctionSpec {
    excludePackages = Set.copyOf(excludePackages);
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
  }

  public Architecture architecture() {
    return runtime.architecture();
  }

  public String pythonVersion() {
    return runtime.pythonVersion();
  }
}
