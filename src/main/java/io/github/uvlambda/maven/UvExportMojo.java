package io.github.uvlambda.maven;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.function.FunctionConfigResolver;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.uv.ExportOptions;
import io.github.uvlambda.uv.ExportedPackage;
import io.github.uvlambda.uv.LockExporter;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.uv.LockSource;
import io.github.uvlambda.wheel.SelectedWheel;
import io.github.uvlambda.wheel.TargetTags;
import io.github.uvlambda.wheel.WheelSelector;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
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
   * Also write, one line per registry package, {@code name==version CHOSEN_WHEEL_FILE} or {@code
   * name==version NO-WHEEL}: the wheels a layer for this target would be built from.
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
    Path dir;
    LambdaRuntime runtime;
    ExportOptions options;
    if (function != null && !function.isBlank()) {
      FunctionSpec f =
          functionSpecs(FunctionConfigResolver.Scope.BUILD).stream()
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
                                  ", ",
                                  functions == null
                                      ? List.of()
                                      : functions.stream()
                                          .map(FunctionConfig::getFunctionName)
                                          .toList())));
      dir = f.lambdasDir();
      runtime = f.runtime();
      options = ExportOptions.forLayer(f.dependencyGroup(), f.excludePackages());
    } else {
      dir = basedir().resolve(lambdasDir == null ? "." : lambdasDir).normalize();
      String arch = architecture == null ? Architecture.DEFAULT.awsName() : architecture;
      Architecture a =
          Architecture.parse(arch)
              .orElseThrow(
                  () ->
                      new UvLambdaException(
                          "-D"
                              + PropertyNames.ARCHITECTURE
                              + " is '"
                              + arch
                              + "': use arm64 or x86_64."));
      String py =
          LambdaRuntime.normalizePythonVersion(
              pythonVersion == null ? LambdaRuntime.DEFAULT_PYTHON_VERSION : pythonVersion);
      if (!LambdaRuntime.PYTHON_VERSIONS.contains(py)) {
        throw new UvLambdaException(
            "-D"
                + PropertyNames.PYTHON_VERSION
                + " is '"
                + py
                + "': Lambda runs Python "
                + String.join(", ", LambdaRuntime.PYTHON_VERSIONS)
                + ".");
      }
      runtime = new LambdaRuntime(py, a);
      options =
          new ExportOptions(
              list(groups),
              list(onlyGroups),
              list(noGroups),
              noDefaultGroups,
              noDev,
              allGroups,
              list(extras),
              allExtras,
              noEmitProject,
              new LinkedHashSet<>(list(noEmitPackages)));
    }
    LockFiles files = prepareLock(dir, uv());
    files.check(buildLog());
    List<ExportedPackage> exported =
        new LockExporter()
            .export(
                files.pyproject(), files.lock(buildLog()), options, runtime.markerEnvironment());
    write(output, LockExporter.lines(exported));
    if (wheelsOutput != null) {
      WheelSelector selector = new WheelSelector(new TargetTags(runtime));
      List<String> lines = new ArrayList<>();
      for (ExportedPackage e : exported) {
        if (e.lockPackage().source().kind() != LockSource.Kind.REGISTRY) {
          continue;
        }
        Optional<SelectedWheel> w = selector.best(e.lockPackage());
        lines.add(e.line() + " " + w.map(s -> s.filename().filename()).orElse("NO-WHEEL"));
      }
      write(wheelsOutput, lines);
    }
    getLog()
        .info(
            "uv-export: "
                + exported.size()
                + " packages for "
                + runtime
                + " from "
                + dir.resolve("uv.lock"));
  }

  private static List<String> list(List<String> l) {
    List<String> out = new ArrayList<>();
    if (l != null) {
      for (String s : l) {
        if (s != null && !s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }

  @SuppressWarnings("SystemOut")
  private static void write(File file, List<String> lines) {
    if (file == null) {
      PrintStream out = System.out;
      lines.forEach(out::println);
      out.flush();
      return;
    }
    try {
      Path p = file.toPath();
      if (p.getParent() != null) {
        Files.createDirectories(p.getParent());
      }
      Files.write(p, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UvLambdaException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
