package io.github.uvlambda.function;

import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.lambda.TracingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Lambda function, fully resolved and validated: every value the build and the deploy need,
 * with plugin-level values and defaults already applied.
 *
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
    String description,
    LambdaRuntime runtime,
    int memorySize,
    int timeout,
    Map<String, String> environmentVariables,
    Map<String, String> tags,
    int logRetentionDays,
    TracingMode tracingMode,
    boolean publish,
    String aliasName,
    boolean enableDlq,
    boolean enableDurableExecution,
    DurableConfig durableConfig,
    String roleName,
    List<String> additionalLayers,
    String powertoolsLayerArn,
    Set<String> excludePackages,
    String layerName,
    List<String> includes,
    List<String> excludes,
    List<InlinePolicy> inlinePolicies,
    List<String> managedPolicyArns) {

  public FunctionSpec {
    environmentVariables = Map.copyOf(environmentVariables);
    tags = Map.copyOf(tags);
    additionalLayers = List.copyOf(additionalLayers);
    excludePackages = Set.copyOf(excludePackages);
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    inlinePolicies = List.copyOf(inlinePolicies);
    managedPolicyArns = List.copyOf(managedPolicyArns);
  }

  public Architecture architecture() {
    return runtime.architecture();
  }

  public String pythonVersion() {
    return runtime.pythonVersion();
  }

  /**
   * Whether a version is published and the alias moved: asked for, or required by durable
   * execution.
   */
  public boolean publishesVersion() {
    return publish || enableDurableExecution;
  }
}
