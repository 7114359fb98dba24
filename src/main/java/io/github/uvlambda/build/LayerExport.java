package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.uv.ExportOptions;
import io.github.uvlambda.uv.ExportedPackage;
import io.github.uvlambda.uv.LockExporter;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.uv.LockSource;
import io.github.uvlambda.wheel.SelectedWheel;
import io.github.uvlambda.wheel.TargetTags;
import io.github.uvlambda.wheel.WheelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a layer would contain, without building it: the pinned requirements {@code uv export}
 * selects for a Lambda target, and the wheel each registry package would be installed from.
 */
public final class LayerExport {
  private LayerExport() {}

  /**
   * @param requirements one {@code name==version} line per package, markers already evaluated
   * @param wheels {@code name==version WHEEL_FILE} (or {@code NO-WHEEL}) per registry package
   */
  public record Result(List<String> requirements, List<String> wheels) {}

  /** Checks the lock against pyproject.toml, then exports it for the runtime. */
  public static Result of(
      LockFiles files, LambdaRuntime runtime, ExportOptions options, BuildLog log) {
    files.check(log);
    List<ExportedPackage> exported =
        new LockExporter()
            .export(files.pyproject(), files.lock(log), options, runtime.markerEnvironment());
    WheelSelector selector = new WheelSelector(new TargetTags(runtime));
    List<String> wheels = new ArrayList<>();
    for (ExportedPackage e : exported) {
      if (e.lockPackage().source().kind() == LockSource.Kind.REGISTRY) {
        Optional<SelectedWheel> w = selector.best(e.lockPackage());
        wheels.add(e.line() + " " + w.map(s -> s.filename().filename()).orElse("NO-WHEEL"));
      }
    }
    return new Result(LockExporter.lines(exported), wheels);
  }
}
