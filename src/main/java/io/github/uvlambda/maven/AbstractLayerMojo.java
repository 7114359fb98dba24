package io.github.uvlambda.maven;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.build.LayerBuilder;
import io.github.uvlambda.build.LayerPlanner;
import io.github.uvlambda.function.FunctionSettings;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.uv.UvExecutable;
import io.github.uvlambda.wheel.WheelCache;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The goals that build dependency layers: uv-layer, and uv-deploy when a layer is missing or stale.
 * Layer parameters (how wheels are fetched and installed, what the layer gets) go here.
 */
abstract class AbstractLayerMojo extends AbstractLockMojo {

  /**
   * Where the zips go: {@code OUTPUT_DIRECTORY/FUNCTION/deps.zip} (and {@code code.zip}).
   *
   * @since 0.1.0
   */
  @Parameter(
      property = PropertyNames.OUTPUT_DIRECTORY,
      defaultValue = "${project.build.directory}/uv-lambda")
  protected File outputDirectory;

  /**
   * Entry time of every zip entry: Maven's reproducible-build property (ISO-8601 or seconds since
   * the epoch). Unset: 1980-01-01T00:00:00Z.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.outputTimestamp}")
  protected String outputTimestamp;

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

  /**
   * The CPython that compiles bytecode ({@code compileBytecode}, {@code compileCode}); it must be
   * the function's minor version. Default: {@code python3.X} on PATH, else {@code uv python find
   * 3.X}.
   *
   * @since 0.2.0
   */
  @Parameter(property = PropertyNames.PYTHON_EXECUTABLE)
  protected String pythonExecutable;

  @Parameter(defaultValue = "${plugin}", readonly = true)
  protected PluginDescriptor plugin;

  @Component protected SettingsDecrypter settingsDecrypter;

  protected ZipOutputs zipOutputs() {
    return new ZipOutputs(outputDirectory, outputTimestamp);
  }

  /**
   * Builds (or finds up to date) the layer of every function; functions with identical layer inputs
   * share one build. Returns each function's result, keyed by function name.
   */
  protected Map<String, LayerBuilder.Result> buildLayers(List<FunctionSpec> specs) {
    UvExecutable uv = uv();
    return new LayerPlanner(buildLog())
        .buildAll(
            specs,
            new LayerPlanner.Settings(
                outputDirectory.toPath(),
                zipOutputs().timestamp(),
                cacheDirectory != null ? cacheDirectory.toPath() : WheelCache.defaultRoot(),
                parseInstaller(installer),
                uv,
                plugin == null ? "dev" : plugin.getVersion(),
                dir -> prepareLock(dir, uv),
                dir ->
                    MavenFetchSettings.from(
                        session.getSettings(),
                        session.isOffline(),
                        settingsDecrypter,
                        indexUrl,
                        indexServerId,
                        downloadThreads,
                        dir),
                pythonExecutable));
  }

  @Override
  protected void shareSettings(FunctionSettings.Builder shared) {
    super.shareSettings(shared);
    shared
        .set(FunctionSettings.COMPILE_BYTECODE, compileBytecode)
        .set(FunctionSettings.EXCLUDE_RUNTIME_PACKAGES, excludeRuntimePackages);
  }

  static LayerBuilder.Installer parseInstaller(String value) {
    try {
      return LayerBuilder.Installer.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UvLambdaException("<installer> is '" + value + "': use java (the default) or uv.");
    }
  }
}
