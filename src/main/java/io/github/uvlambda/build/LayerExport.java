package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.backend.LocalPackages;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.uv.ExportOptions;
import io.github.uvlambda.uv.ExportedPackage;
import io.github.uvlambda.uv.LockExporter;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.uv.LockPackage;
import io.github.uvlambda.wheel.SelectedWheel;
import io.github.uvlambda.wheel.TargetTags;
import io.github.uvlambda.wheel.WheelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a layer would contain, without building it: the pinned requirements {@code uv export}
 * selects for a Lambda target, the wheel each index package would be installed from, and which
 * packages are built from local sources (nothing is built or fetched here).
 */
public final class LayerExport {
  private LayerExport() {}

  /** The wheels line of a package the index has no wheel of for the target. */
  public static final String NO_WHEEL = "NO-WHEEL";

  /** The wheels line of a package built from this machine's tree, archive or git checkout. */
  public static final String LOCAL = "LOCAL";

  /**
   * @param requirements one line per package as {@code uv export} writes it, markers already
   *     evaluated
   * @param wheels one line per package a layer installs: {@code name==version WHEEL_FILE} (or
   *     {@code NO-WHEEL}) for a package from an index or a URL; {@code name==version LOCAL <source
   *     kind> <source>} (e.g. {@code common==0.1.0 LOCAL editable libs/common}) for a workspace
   *     member, directory, path or git source, whose wheel the layer build makes
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
      LockPackage p = e.lockPackage();
      if (LocalPackages.isLocal(p)) {
        wheels.add(
            pinned(p) + " " + LOCAL + " " + p.source().kind().key() + " " + p.source().value());
      } else {
        Optional<SelectedWheel> w = selector.best(p);
        wheels.add(pinned(p) + " " + w.map(s -> s.filename().filename()).orElse(NO_WHEEL));
      }
    }
    return new Result(LockExporter.lines(exported), wheels);
  }

  /** {@code name==version}, or the name alone for a local package whose lock has no version. */
  private static String pinned(LockPackage p) {
    return p.version() == null ? p.name().value() : p.name().value() + "==" + p.version();
  }
}
