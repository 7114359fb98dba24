package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.backend.LocalPackages;
import io.github.uvlambda.uv.ExportedPackage;
import io.github.uvlambda.uv.LockPackage;
import io.github.uvlambda.uv.PackageId;
import io.github.uvlambda.uv.UvLock;
import io.github.uvlambda.wheel.SelectedWheel;
import io.github.uvlambda.wheel.TargetTags;
import io.github.uvlambda.wheel.WheelCache;
import io.github.uvlambda.wheel.WheelSelector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The local packages of an {@code installer=uv} layer — workspace members, directory, path and git
 * sources. uv's export would write them as editables pointing at this machine, or as directories
 * that {@code --only-binary=:all:} refuses to build; so they are left out of the export by name,
 * and their wheels are built the way the Java installer builds them ({@link LocalPackages}: in
 * Java, or with {@code uv build --wheel}), checked against the Lambda target, and installed by
 * {@code uv pip install --no-deps} into the same folder.
 *
 * @param names every local package of the lock except the project itself: what {@code uv export}
 *     must not emit
 * @param wheels the built wheel of each local package the layer holds, from the wheel cache
 */
record UvLocalPackages(Set<String> names, List<Path> wheels) {
  static final UvLocalPackages NONE = new UvLocalPackages(Set.of(), List.of());

  UvLocalPackages {
    names = Set.copyOf(names);
    wheels = List.copyOf(wheels);
  }

  static UvLocalPackages prepare(LayerBuilder.Request r, BuildLog log) {
    UvLock lock = r.lockFiles().lock(log);
    Optional<PackageId> project = lock.root().map(LockPackage::id);
    Set<String> names = new TreeSet<>();
    for (LockPackage p : lock.packages()) {
      if (LocalPackages.isLocal(p) && !project.equals(Optional.of(p.id()))) {
        names.add(p.name().value());
      }
    }
    if (names.isEmpty()) {
      return NONE;
    }
    // Which of them this layer holds is decided for the Lambda target, as the Java installer does.
    List<ExportedPackage> local =
        new JavaLayerInstaller(log)
            .export(r).stream().filter(e -> LocalPackages.isLocal(e.lockPackage())).toList();
    String context = JavaLayerInstaller.context(r);
    Map<PackageId, SelectedWheel> built =
        new LocalPackages(r.lockFiles().directory(), r.cacheRoot(), r.uv(), log)
            .build(local, context);
    List<SelectedWheel> suited =
        new WheelSelector(new TargetTags(r.runtime())).selectAll(local, context, built);
    WheelCache cache = new WheelCache(r.cacheRoot());
    List<Path> wheels =
        suited.stream()
            .map(
                w ->
                    cache
                        .lookup(w.sha256(), w.filename().filename())
                        .orElseThrow(
                            () ->
                                new UvLambdaException(
                                    r.label()
                                        + ": the wheel built for "
                                        + w.lockPackage().label()
                                        + " is gone from the cache "
                                        + cache.root()
                                        + ". Build again.")))
            .toList();
    return new UvLocalPackages(names, wheels);
  }
}
