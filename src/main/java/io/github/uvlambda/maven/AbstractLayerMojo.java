package io.github.uvlambda.maven;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.build.DependencyGroupCheck;
import io.github.uvlambda.build.LayerBuilder;
import io.github.uvlambda.build.LayerOptions;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.uv.UvExecutable;
import io.github.uvlambda.wheel.WheelCache;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The goals that build dependency layers: uv-layer, and uv-deploy when a layer is missing or stale.
 */
abstract class AbstractLayerMojo extends AbstractLockMojo {

  /**
   * {@code java} (default): build the layer in Java from uv.lock. {@code uv}: run {@code uv export}
   * and {@code uv pip install --target} with a real uv, then zip the result the same reproducible
   * way.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.INSTALLER, defaultValue = "java")
  protected String installer;

  /**
   * A PEP 503 / PEP 691 simple index ({@code https://...}, or {@code file:///...}) to download
   * every wheel from instead of the URLs in uv.lock, e.g. a Nexus or Artifactory PyPI proxy. Each
   * file is still checked against the lock's sha256.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.INDEX_URL)
  protected String indexUrl;

  /**
   * The {@code server} of settings.xml whose username and password authenticate to {@code
   * indexUrl}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.INDEX_SERVER_ID)
  protected String indexServerId;

  /**
   * The wheel and layer cache shared by all builds of the user. Default: {@code
   * $UV_LAMBDA_CACHE_DIR}, else {@code ~/.cache/uv-lambda-maven-plugin} (Linux), {@code
   * ~/Library/Caches/uv-lambda-maven-plugin} (macOS), {@code
   * %LOCALAPPDATA%/uv-lambda-maven-plugin/Cache} (Windows).
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.CACHE_DIRECTORY)
  protected File cacheDirectory;

  /**
   * Parallel downloads.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.DOWNLOAD_THREADS, defaultValue = "8")
  protected int downloadThreads;

  /**
   * Add to each deps.zip an unchecked-hash {@code .pyc} (PEP 552) for every {@code .py}, compiled
   * by a CPython of the function's exact minor version for {@code /opt/python}. Lambda mounts
   * layers read-only, so without bytecode every cold start compiles every imported module again;
   * with it, imports take about half the time (see docs/cold-start.md). The zip stays
   * byte-reproducible. Needs that CPython: {@code pythonExecutable}, {@code python3.X} on PATH, or
   * uv.
   *
   * @since 0.2.0
   */
  @Parameter(property = PropertyNames.COMPILE_BYTECODE, defaultValue = "false")
  protected boolean compileBytecode;

  /**
   * Leave out of each deps.zip the packages the function's runtime already provides (boto3,
   * botocore, s3transfer, jmespath, urllib3, python-dateutil, six) when the runtime's version is at
   * least the locked one and nothing kept needs the locked one; the log says what stays and why.
   *
   * @since 0.2.0
   */
  @Parameter(property = PropertyNames.EXCLUDE_RUNTIME_PACKAGES, defaultValue = "false")
  protected boolean excludeRuntimePackages;

  @Parameter(defaultValue = "${plugin}", readonly = true)
  protected PluginDescriptor plugin;

  @Component protected SettingsDecrypter settingsDecrypter;

  /**
   * Builds (or finds up to date) the layer of every function; functions with identical layer inputs
   * share one build. Returns each function's result, keyed by function name.
   */
  protected Map<String, LayerBuilder.Result> buildLayers(List<FunctionSpec> specs) {
    DependencyGroupCheck.check(specs);
    LayerBuilder.Installer mode = parseInstaller(installer);
    UvExecutable uv = uv();
    Path cache = cacheDirectory != null ? cacheDirectory.toPath() : WheelCache.defaultRoot();
    Map<Path, LockFiles> locks = new HashMap<>();
    Map<String, List<FunctionSpec>> byLayer = new LinkedHashMap<>();
    for (FunctionSpec f : specs) {
      byLayer.computeIfAbsent(layerKey(f), k -> new ArrayList<>()).add(f);
    }
    Map<String, LayerBuilder.Result> results = new LinkedHashMap<>();
    LayerBuilder builder =
        new LayerBuilder(
            buildLog(),
            new LayerOptions(compileBytecode, pythonExecutable, excludeRuntimePackages));
    for (List<FunctionSpec> group : byLayer.values()) {
      FunctionSpec first = group.get(0);
      LockFiles lockFiles = locks.computeIfAbsent(first.lambdasDir(), d -> prepareLock(d, uv));
      String label = String.join(", ", group.stream().map(FunctionSpec::functionName).toList());
      LayerBuilder.Result result =
          builder.build(
              new LayerBuilder.Request(
                  label,
                  lockFiles,
                  first.dependencyGroup(),
                  first.excludePackages(),
                  first.runtime(),
                  functionOutput(first.functionName()).resolve("deps.zip"),
                  zipTimestamp(),
                  MavenFetchSettings.from(
                      session.getSettings(),
                      session.isOffline(),
                      settingsDecrypter,
                      indexUrl,
                      indexServerId,
                      downloadThreads,
                      first.lambdasDir()),
                  cache,
                  mode,
                  uv,
                  plugin == null ? "dev" : plugin.getVersion()));
      for (FunctionSpec f : group) {
        Path zip = functionOutput(f.functionName()).resolve("deps.zip");
        if (f != first) {
          copyLayer(result.zip(), zip);
        }
        results.put(
            f.functionName(),
            new LayerBuilder.Result(zip, result.codeSha256(), result.report(), result.upToDate()));
      }
    }
    return results;
  }

  private static void copyLayer(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      for (String suffix : List.of("", ".json", ".fingerprint")) {
        Path src = from.resolveSibling(from.getFileName() + suffix);
        if (Files.exists(src)) {
          Files.copy(
              src,
              to.resolveSibling(to.getFileName() + suffix),
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UvLambdaException(
          "Cannot copy the shared layer to " + to + ": " + e.getMessage(), e);
    }
  }

  static String layerKey(FunctionSpec f) {
    return f.lambdasDir()
        + "|"
        + f.dependencyGroup()
        + "|"
        + new TreeSet<>(f.excludePackages())
        + "|"
        + f.runtime();
  }

  static LayerBuilder.Installer parseInstaller(String value) {
    try {
      return LayerBuilder.Installer.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UvLambdaException("<installer> is '" + value + "': use java (the default) or uv.");
    }
  }
}
