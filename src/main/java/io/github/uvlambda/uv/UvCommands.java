package io.github.uvlambda.uv;

import io.github.uvlambda.lambda.LambdaRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every command line the plugin gives a real uv, in one place: the Terraform module's {@code uv
 * lock}, {@code uv export} and {@code uv pip install --target} steps, the install of the local
 * packages' wheels, and {@code uv build --wheel} for a local package Java cannot build.
 */
public final class UvCommands {
  private UvCommands() {}

  /** {@code uv lock}, or {@code uv lock --locked}, which fails instead of changing the lock. */
  public static List<String> lock(boolean locked) {
    return locked ? List.of("lock", "--locked") : List.of("lock");
  }

  /**
   * {@code uv export} of one dependency group (null: the project's own dependencies) as a
   * requirements file, without the project itself and without the excluded packages. The local
   * packages (workspace members, path and git sources) are excluded here too: the plugin builds
   * their wheels itself ({@link #pipInstallWheels}), and {@code --no-emit-package} leaves their
   * dependencies in the export.
   */
  public static List<String> export(String dependencyGroup, Set<String> excluded, Path output) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "export",
                "--frozen",
                "--format",
                "requirements-txt",
                "--no-emit-project",
                "--no-default-groups"));
    if (dependencyGroup != null) {
      args.add("--group");
      args.add(dependencyGroup);
    }
    for (String p : new TreeSet<>(excluded)) {
      args.add("--no-emit-package");
      args.add(p);
    }
    args.add("-o");
    args.add(output.toString());
    return List.copyOf(args);
  }

  /**
   * {@code uv pip install --target}: wheels only, chosen for the Lambda runtime rather than for the
   * machine, no installer metadata and no bytecode, as the Terraform module ran it.
   */
  public static List<String> pipInstall(Path requirements, LambdaRuntime runtime, Path target) {
    List<String> args =
        new ArrayList<>(
            List.of("pip", "install", "-r", requirements.toString(), "--only-binary=:all:"));
    args.addAll(lambdaTarget(runtime, target));
    return List.copyOf(args);
  }

  /**
   * {@code uv pip install --no-deps} of wheel files already built (the local packages) into the
   * same {@code --target}: no resolution, no index, the same platform check and the same files as
   * {@link #pipInstall}. Their dependencies come from the exported requirements.
   */
  public static List<String> pipInstallWheels(
      List<Path> wheels, LambdaRuntime runtime, Path target) {
    List<String> args = new ArrayList<>(List.of("pip", "install", "--no-deps", "--no-index"));
    args.addAll(lambdaTarget(runtime, target));
    wheels.forEach(w -> args.add(w.toString()));
    return List.copyOf(args);
  }

  /** Where and for what every {@code uv pip install} installs: the Lambda target's folder. */
  private static List<String> lambdaTarget(LambdaRuntime runtime, Path target) {
    return List.of(
        "--python-platform",
        PythonPlatform.forRuntime(runtime).value(),
        "--python-version",
        runtime.pythonVersion(),
        "--target",
        target.toString(),
        "--no-installer-metadata",
        "--no-compile-bytecode");
  }

  /** {@code uv build --wheel} of one source tree into a folder of its own. */
  public static List<String> buildWheel(Path outDir, Path sourceTree) {
    return List.of("build", "--wheel", "--out-dir", outDir.toString(), sourceTree.toString());
  }
}
