package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.backend.LocalPackages;
import io.github.uvlambda.uv.ExportOptions;
import io.github.uvlambda.uv.ExportedPackage;
import io.github.uvlambda.uv.LockExporter;
import io.github.uvlambda.uv.PackageId;
import io.github.uvlambda.wheel.FetchStats;
import io.github.uvlambda.wheel.LayerLayout;
import io.github.uvlambda.wheel.SelectedWheel;
import io.github.uvlambda.wheel.TargetTags;
import io.github.uvlambda.wheel.WheelCache;
import io.github.uvlambda.wheel.WheelFetcher;
import io.github.uvlambda.wheel.WheelSelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The default installer, in Java from uv.lock alone: export the packages for the Lambda target,
 * choose one wheel each, fetch and verify them, and lay their entries out under {@code python/}.
 * Nothing is extracted: each entry is copied compressed from its wheel when the zip is written.
 */
public final class JavaLayerInstaller implements LayerInstaller {
  private final BuildLog log;
  private FetchStats fetched = FetchStats.NONE;

  public JavaLayerInstaller(BuildLog log) {
    this.log = log;
  }

  @Override
  public LayerContents install(LayerBuilder.Request r) {
    List<ExportedPackage> exported = export(r);
    // Local packages are built (or refused) before anything is downloaded.
    Map<PackageId, SelectedWheel> local =
        new LocalPackages(r.lockFiles().directory(), r.cacheRoot(), r.uv(), log)
            .build(exported, context(r));
    List<SelectedWheel> wheels = select(r, exported, local);
    WheelFetcher fetcher = new WheelFetcher(WheelCache.open(r.cacheRoot(), log), r.fetch(), log);
    Map<String, Path> files = fetcher.fetchAll(wheels);
    fetched = fetcher.stats();
    LayerLayout layout = LayerLayout.plan(wheels, files, LayerBuilder.PREFIX, r.runtime(), log);
    List<LayerEntry> entries = new ArrayList<>();
    for (LayerLayout.Entry e : layout.entries()) {
      LayerEntry.Content content =
          e.generated() != null
              ? new LayerEntry.Generated(e.generated())
              : new LayerEntry.WheelEntry(e.source(), e.info());
      entries.add(
          new LayerEntry(
              e.name(),
              e.owner().name().value(),
              e.owner().version() == null ? "" : e.owner().version(),
              e.size(),
              e.executable(),
              content));
    }
    return new LayerContents(entries, layout);
  }

  /** Where the layer's packages come from, for messages: "group fn". */
  static String context(LayerBuilder.Request r) {
    return r.dependencyGroup() == null
        ? "the project's dependencies"
        : "group " + r.dependencyGroup();
  }

  @Override
  public FetchStats fetched() {
    return fetched;
  }

  /** The packages of the function's group for the Lambda target, as {@code uv export} would. */
  List<ExportedPackage> export(LayerBuilder.Request r) {
    return new LockExporter()
        .export(
            r.lockFiles().pyproject(),
            r.lockFiles().lock(log),
            ExportOptions.forLayer(r.dependencyGroup(), r.excludePackages()),
            r.runtime().markerEnvironment());
  }

  /** The best wheel of each package for the runtime; warns about wheels with no glibc promise. */
  List<SelectedWheel> select(
      LayerBuilder.Request r, List<ExportedPackage> exported, Map<PackageId, SelectedWheel> local) {
    List<SelectedWheel> wheels =
        new WheelSelector(new TargetTags(r.runtime())).selectAll(exported, context(r), local);
    for (SelectedWheel w : wheels) {
      if (w.isPlainLinux()) {
        log.warn(
            r.label()
                + ": "
                + w.lockPackage().label()
                + " is installed from "
                + w.filename().filename()
                + ", tagged only linux_"
                + r.runtime().architecture().platformMachine()
                + ": it makes no promise about glibc and may not load on "
                + r.runtime().operatingSystem()
                + ".");
      }
    }
    return wheels;
  }
}
