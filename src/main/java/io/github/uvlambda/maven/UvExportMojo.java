package io.github.uvlambda.maven;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.build.LayerExport;
import io.github.uvlambda.function.FunctionConfigResolver;
import io.github.uvlambda.function.FunctionSettings;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.function.Purpose;
import io.github.uvlambda.uv.ExportOptions;
import java.io.File;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints what a layer would contain: the pinned requirements {@code uv export} selects for a Lambda
 * target, one {@code name==version} line per package (markers already evaluated, so none is
 * printed), without uv. Each flag means what the {@code uv export} flag of the same name means.
 * Works without a pom:
 *
 * <pre>
 * mvn io.github.uvlambda:uv-lambda-maven-plugin:0.1.0:uv-export -Duv-lambda.lambdasDir=lambdas \
 *     -Duv-lambda.architecture=x86_64 -Duv-lambda.pythonVersion=3.13 -Duv-lambda.groups=my-worker
 * </pre>
 *
 * Inside a project that configures functions, {@code -Duv-lambda.function=NAME} exports exactly
 * that function's layer.
 *
 * @since 0.1.0
 */
@Mojo(name = "uv-export", requiresProject = false, threadSafe = true)
public class UvExportMojo extends AbstractLockMojo {

  /**
   * Skip this goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.SKIP_EXPORT, defaultValue = "false")
  private boolean skipExport;

  /**
   * Export the layer of this configured function (its group, runtime and excluded packages).
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.FUNCTION)
  private String function;

  /**
   * {@code --group}: include these dependency groups.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.GROUPS)
  private List<String> groups;

  /**
   * {@code --only-group}: only these groups, without the project's dependencies.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.ONLY_GROUPS)
  private List<String> onlyGroups;

  /**
   * {@code --no-group}: exclude these groups (exclusion always wins).
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.NO_GROUPS)
  private List<String> noGroups;

  /**
   * {@code --no-default-groups}: ignore {@code tool.uv.default-groups}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.NO_DEFAULT_GROUPS, defaultValue = "false")
  private boolean noDefaultGroups;

  /**
   * {@code --no-dev}: exclude the {@code dev} group.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.NO_DEV, defaultValue = "false")
  private boolean noDev;

  /**
   * {@code --all-groups}: include every group.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.ALL_GROUPS, defaultValue = "false")
  private boolean allGroups;

  /**
   * {@code --extra}: include these extras of the project.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.EXTRAS)
  private List<String> extras;

  /**
   * {@code --all-extras}: include every extra of the project.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.ALL_EXTRAS, defaultValue = "false")
  private boolean allExtras;

  /**
   * {@code --no-emit-package}: leave these packages' own lines out (their dependencies stay).
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.NO_EMIT_PACKAGES)
  private List<String> noEmitPackages;

  /**
   * {@code --no-emit-project}: leave the project itself out.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.NO_EMIT_PROJECT, defaultValue = "false")
  private boolean noEmitProject;

  /**
   * Write the requirements here instead of to standard output.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.OUTPUT)
  private File output;

  /**
   * Also write, one line per package, {@code name==version CHOSEN_WHEEL_FILE} or {@code
   * name==version NO-WHEEL}: the wheels a layer for this target would be built from; a workspace
   * member, directory, path or git package as {@code name==version LOCAL <source kind> <source>}
   * (its wheel is built when the layer is).
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.WHEELS_OUTPUT)
  private File wheelsOutput;

  @Override
  protected String goal() {
    return "uv-export";
  }

  @Override
  protected boolean goalSkipped() {
    return skipExport;
  }

  @Override
  protected String goalSkipProperty() {
    return PropertyNames.SKIP_EXPORT;
  }

  @Override
  protected void run() {
    boolean configured = function != null && !function.isBlank();
    FunctionSpec f = configured ? configuredFunction() : adHocTarget();
    ExportOptions options =
        configured ? ExportOptions.forLayer(f.dependencyGroup(), f.excludePackages()) : flags();
    LayerExport.Result r =
        LayerExport.of(prepareLock(f.lambdasDir(), uv()), f.runtime(), options, buildLog());
    TextLines.write(output, r.requirements());
    if (wheelsOutput != null) {
      TextLines.write(wheelsOutput, r.wheels());
    }
    getLog()
        .info(
            "uv-export: "
                + r.requirements().size()
                + " packages for "
                + f.runtime()
                + " from "
                + f.lambdasDir().resolve("uv.lock"));
  }

  /** The configured function named by {@code -Duv-lambda.function}. */
  private FunctionSpec configuredFunction() {
    List<FunctionSpec> specs = functionSpecs(Purpose.LAYER);
    return specs.stream()
        .filter(s -> s.functionName().equals(function))
        .findFirst()
        .orElseThrow(
            () ->
                new UvLambdaException(
                    "-D"
                        + PropertyNames.FUNCTION
                        + "="
                        + function
                        + " names no configured <function>. Configured: "
                        + String.join(
                            ", ", specs.stream().map(FunctionSpec::functionName).toList())));
  }

  /**
   * The target the plugin-level values describe, resolved and checked like a function's: {@code
   * lambdasDir} (default the current folder), {@code architecture}, {@code pythonVersion}.
   */
  private FunctionSpec adHocTarget() {
    FunctionSettings.Builder shared = FunctionSettings.builder();
    shareSettings(shared);
    shared.set(FunctionSettings.LAMBDAS_DIR, lambdasDir == null ? "." : lambdasDir);
    FunctionSettings target =
        FunctionSettings.builder().set(FunctionSettings.FUNCTION_NAME, goal()).build();
    return new FunctionConfigResolver(basedir())
        .resolve(shared.build(), List.of(target), Purpose.LAYER)
        .get(0);
  }

  /** The {@code uv export} flags given as parameters. */
  private ExportOptions flags() {
    return new ExportOptions(
        TextLines.clean(groups),
        TextLines.clean(onlyGroups),
        TextLines.clean(noGroups),
        noDefaultGroups,
        noDev,
        allGroups,
        TextLines.clean(extras),
        allExtras,
        noEmitProject,
        new LinkedHashSet<>(TextLines.clean(noEmitPackages)));
  }
}
