package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.uv.UvExecutable;
import io.github.uvlambda.wheel.FetchSettings;
import io.github.uvlambda.wheel.FetchStats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds the dependency layer of every function, once per distinct layer: functions with the same
 * lambdas directory, group, excluded packages and runtime share one build, and each function's
 * {@code deps.zip} is that one file (a hard link where the file system allows, see {@link
 * LayerCache#place}).
 */
public final class LayerPlanner {

  /**
   * What every layer of a build shares.
   *
   * @param outputRoot each function's files go to {@code outputRoot/FUNCTION/}
   * @param locks the checked pyproject.toml and uv.lock of a lambdas directory
   * @param fetch how wheels are fetched for a lambdas directory
   * @param pythonExecutable the CPython that compiles a layer's bytecode, or null to look for one
   */
  public record Settings(
      Path outputRoot,
      Instant timestamp,
      Path cacheRoot,
      LayerBuilder.Installer installer,
      UvExecutable uv,
      String pluginVersion,
      Function<Path, LockFiles> locks,
      Function<Path, FetchSettings> fetch,
      String pythonExecutable) {}

  private final BuildLog log;

  public LayerPlanner(BuildLog log) {
    this.log = log;
  }

  /** Each function's layer, keyed by function name, in the order of the specs. */
  public Map<String, LayerBuilder.Result> buildAll(List<FunctionSpec> specs, Settings s) {
    long start = System.nanoTime();
    Map<String, List<FunctionSpec>> byLayer = new LinkedHashMap<>();
    for (FunctionSpec f : specs) {
      byLayer.computeIfAbsent(layerKey(f), k -> new ArrayList<>()).add(f);
    }
    Map<Path, LockFiles> locks = new HashMap<>();
    int built = 0;
    FetchStats fetched = FetchStats.NONE;
    Map<String, LayerBuilder.Result> results = new LinkedHashMap<>();
    // Unknown groups are named for every function before any layer is built; with every layer up
    // to date (their fingerprints cover pyproject.toml) there is nothing to check.
    LayerBuilder builder =
        new LayerBuilder(log).beforeWork(() -> DependencyGroupCheck.check(specs));
    for (List<FunctionSpec> group : byLayer.values()) {
      FunctionSpec first = group.get(0);
      LayerBuilder.Result layer =
          builder.build(
              new LayerBuilder.Request(
                  String.join(", ", group.stream().map(FunctionSpec::functionName).toList()),
                  locks.computeIfAbsent(first.lambdasDir(), s.locks()),
                  first.dependencyGroup(),
                  first.excludePackages(),
                  first.runtime(),
                  depsZip(s, first),
                  s.timestamp(),
                  s.fetch().apply(first.lambdasDir()),
                  s.cacheRoot(),
                  s.installer(),
                  s.uv(),
                  s.pluginVersion()),
              options(first, s));
      for (FunctionSpec f : group) {
        Path zip = depsZip(s, f);
        if (f != first) {
          place(layer.zip(), zip);
        }
        results.put(
            f.functionName(),
            new LayerBuilder.Result(
                zip, layer.codeSha256(), layer.report(), layer.upToDate(), layer.fetched()));
      }
      built += layer.upToDate() ? 0 : 1;
      fetched = fetched.plus(layer.fetched());
    }
    log.info(summary(specs.size(), byLayer.size(), built, fetched, System.nanoTime() - start));
    return results;
  }

  private static void place(Path zip, Path target) {
    try {
      LayerCache.place(zip, target);
    } catch (IOException e) {
      throw new UvLambdaException(
          "Cannot place the shared layer at " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * The goal's closing line, e.g. "Layers: 3 functions, 2 layers (1 built, 1 up to date); 22
   * wheels, 39.5 MB, 0.4 s, 0 from cache".
   */
  static String summary(int functions, int layers, int built, FetchStats f, long nanos) {
    return String.format(
        Locale.ROOT,
        "Layers: %d function%s, %d layer%s (%d built, %d up to date); %d wheel%s, %.1f MB,"
            + " %.1f s, %d from cache",
        functions,
        functions == 1 ? "" : "s",
        layers,
        layers == 1 ? "" : "s",
        built,
        layers - built,
        f.wheels(),
        f.wheels() == 1 ? "" : "s",
        f.downloadedBytes() / 1048576.0,
        nanos / 1e9,
        f.fromCache());
  }

  private static Path depsZip(Settings s, FunctionSpec f) {
    return s.outputRoot().resolve(f.functionName()).resolve("deps.zip");
  }

  /** Functions with equal keys have byte-identical layers. */
  static String layerKey(FunctionSpec f) {
    return f.lambdasDir()
        + "|"
        + f.dependencyGroup()
        + "|"
        + new TreeSet<>(f.excludePackages())
        + "|"
        + f.runtime()
        + "|"
        // The booleans, not the record: its generated toString costs a no-op build a bootstrap.
        + f.layer().compileBytecode()
        + "|"
        + f.layer().excludeRuntimePackages();
  }

  /** The function's bytecode and runtime-package choices, with the build's CPython. */
  private static LayerOptions options(FunctionSpec f, Settings s) {
    return new LayerOptions(
        f.layer().compileBytecode(), s.pythonExecutable(), f.layer().excludeRuntimePackages());
  }
}
