package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.archive.AtomicFiles;
import io.github.uvlambda.archive.BuildRecord;
import io.github.uvlambda.archive.Fingerprint;
import io.github.uvlambda.archive.Hashes;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import io.github.uvlambda.backend.LocalPackages;
import io.github.uvlambda.lambda.LambdaLimits;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.uv.UvExecutable;
import io.github.uvlambda.wheel.FetchSettings;
import io.github.uvlambda.wheel.FetchStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a function's dependency layer, {@code deps.zip}. The fingerprint of the inputs decides
 * whether anything needs doing: an up-to-date output is kept, a layer in the {@link LayerCache} is
 * copied; otherwise the lock is checked, a {@link LayerInstaller} produces the files, the size is
 * checked against Lambda's limit, and the zip is written once, reproducibly, for either installer.
 */
public final class LayerBuilder {
  /** Bump when the layer layout changes, so that cached layers are rebuilt. */
  private static final String LAYOUT_VERSION = "layer v1";

  /** Where a Python layer's packages go: Lambda puts {@code /opt/python} on the path. */
  public static final String PREFIX = "python/";

  private static final java.util.regex.Pattern LOCAL_SOURCE =
      java.util.regex.Pattern.compile("source = \\{ (editable|directory|path|git) = ");

  public enum Installer {
    JAVA,
    UV
  }

  /**
   * @param label the functions that share this layer, for messages
   * @param lockFiles the lambdas directory's pyproject.toml and uv.lock, already checked
   */
  public record Request(
      String label,
      LockFiles lockFiles,
      String dependencyGroup,
      Set<String> excludePackages,
      LambdaRuntime runtime,
      Path output,
      Instant timestamp,
      FetchSettings fetch,
      Path cacheRoot,
      Installer installer,
      UvExecutable uv,
      String pluginVersion) {}

  /**
   * @param upToDate true when nothing was built (the output or the cache already had it)
   * @param fetched the wheels this build fetched (none when up to date)
   */
  public record Result(
      Path zip, String codeSha256, LayerReport report, boolean upToDate, FetchStats fetched) {
    public Result(Path zip, String codeSha256, LayerReport report, boolean upToDate) {
      this(zip, codeSha256, report, upToDate, FetchStats.NONE);
    }
  }

  private final BuildLog log;
  private final LayerOptions options;

  public LayerBuilder(BuildLog log) {
    this(log, LayerOptions.NONE);
  }

  /** A builder whose layers all get these options (bytecode, runtime-provided packages). */
  public LayerBuilder(BuildLog log, LayerOptions options) {
    this.log = log;
    this.options = options;
  }

  /** Run once, before the first layer that is not up to date is built (a check of its inputs). */
  private Runnable beforeWork = () -> {};

  /**
   * A check of the inputs that need not run when every layer is up to date (their fingerprints
   * cover those inputs), so that a build with nothing to do stays fast; it runs once, before any
   * layer is built.
   */
  public LayerBuilder beforeWork(Runnable check) {
    boolean[] done = {false};
    this.beforeWork =
        () -> {
          if (!done[0]) {
            done[0] = true;
            check.run();
          }
        };
    return this;
  }

  public String fingerprint(Request r) {
    return fingerprint(r, new LayerTuning(r, options, log));
  }

  private String fingerprint(Request r, LayerTuning tuning) {
    Fingerprint f =
        new Fingerprint()
            .add("layout", LAYOUT_VERSION)
            .add("plugin", r.pluginVersion())
            .add("pyproject.toml", r.lockFiles().pyprojectBytes())
            .add("uv.lock", r.lockFiles().lockBytes())
            .add("group", r.dependencyGroup())
            .add("exclude", String.join(",", new TreeSet<>(r.excludePackages())))
            .add("runtime", r.runtime().id())
            .add("architecture", r.runtime().architecture().awsName())
            .add("time", r.timestamp().toString())
            .add("installer", r.installer().name());
    localPackageDigests(r).forEach((name, digest) -> f.add("local " + name, digest));
    tuning.addTo(f);
    return f.hex();
  }

  /**
   * The content digest of every local package (workspace member, path or git source) the layer
   * holds, so that editing one rebuilds exactly the layers that contain it. Locks without such
   * sources are not even exported here.
   */
  private java.util.SortedMap<String, String> localPackageDigests(Request r) {
    String lock = new String(r.lockFiles().lockBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!LOCAL_SOURCE.matcher(lock).find()) {
      return new java.util.TreeMap<>();
    }
    return new LocalPackages(r.lockFiles().directory(), r.cacheRoot(), r.uv(), log)
        .fingerprints(new JavaLayerInstaller(log).export(r));
  }

  public Result build(Request r) {
    return build(r, options);
  }

  /**
   * Builds with these options instead of the builder's: a function's own bytecode and
   * runtime-package choices. The options are part of the fingerprint.
   */
  public Result build(Request r, LayerOptions options) {
    LayerTuning tuning = new LayerTuning(r, options, log);
    String fp = fingerprint(r, tuning);
    LayerCache cache = LayerCache.open(r.cacheRoot(), log);
    Path report = LayerReport.fileFor(r.output());
    try {
      BuildRecord.Check built = BuildRecord.check(r.output(), fp);
      if (built.valid()) {
        log.info(
            r.label()
                + ": layer up to date ("
                + r.runtime()
                + ", inputs unchanged): "
                + r.output());
        return done(r, built.outputSha256(), LayerReport.read(r.output()), true, FetchStats.NONE);
      }
      warnIfChanged(r, built, "");
      Optional<byte[]> fromCache = reuseCached(r, cache, fp);
      if (fromCache.isPresent()) {
        log.info(
            r.label()
                + ": layer up to date ("
                + r.runtime()
                + ", from the cache "
                + cache.directory()
                + "): "
                + r.output());
        return done(r, fromCache.get(), LayerReport.read(r.output()), true, FetchStats.NONE);
      }
      beforeWork.run();
      r.lockFiles().check(log);
      LayerReport layer;
      LayerInstaller installer = installer(r.installer());
      try (LayerContents installed = installer.install(r)) {
        LayerContents contents = tuning.apply(installed);
        checkUnzippedSize(r, contents);
        layer = writeZip(r, contents);
      }
      layer.write(r.output());
      byte[] sha = BuildRecord.write(r.output(), fp, report);
      cache.store(fp, r.output());
      List<String> lines = layer.format(r.label());
      log.info(lines.get(0));
      lines.subList(1, lines.size()).forEach(log::debug);
      return done(r, sha, layer, false, installer.fetched());
    } catch (IOException e) {
      throw new UvLambdaException(
          r.label() + ": cannot write the layer " + r.output() + ": " + e.getMessage(), e);
    }
  }

  private Result done(
      Request r, byte[] sha256, LayerReport report, boolean upToDate, FetchStats fetched) {
    LayerTuning.warnIfLarge(r.label(), report, log);
    return new Result(r.output(), Hashes.base64(sha256), report, upToDate, fetched);
  }

  /**
   * Copies the cached layer of these inputs to the output when the cache has one whose files still
   * have the digests recorded when it was stored; returns the output's SHA-256.
   */
  private Optional<byte[]> reuseCached(Request r, LayerCache cache, String fp) throws IOException {
    BuildRecord.Check cached = cache.check(fp);
    warnIfChanged(r, cached, " in the cache");
    if (!cached.valid()) {
      return Optional.empty();
    }
    LayerCache.copy(cache.zipFor(fp), r.output());
    byte[] sha = BuildRecord.write(r.output(), fp, LayerReport.fileFor(r.output()));
    // The copy is what gets deployed: it must be the file that was just verified.
    return java.util.Arrays.equals(sha, cached.outputSha256())
        ? Optional.of(sha)
        : Optional.empty();
  }

  private void warnIfChanged(Request r, BuildRecord.Check check, String where) {
    if (check.state() == BuildRecord.State.CHANGED) {
      log.warn(
          r.label()
              + ": "
              + check.changedFile()
              + where
              + " is not what was built: truncated, edited, replaced or deleted since (its SHA-256"
              + " no longer matches the one recorded). Building the layer again.");
    }
  }

  private LayerInstaller installer(Installer kind) {
    return kind == Installer.UV ? new UvLayerInstaller(log) : new JavaLayerInstaller(log);
  }

  /** Fails before anything is written when the layer alone is over Lambda's unzipped limit. */
  private static void checkUnzippedSize(Request r, LayerContents contents) {
    long unzipped = contents.unzippedSize();
    if (unzipped > LambdaLimits.UNZIPPED_SIZE) {
      LayerReport preview =
          new LayerReport(
              r.runtime().toString(),
              0,
              unzipped,
              contents.entries().size(),
              contents.packageSizes());
      throw new UvLambdaException(
          r.label()
              + ": the dependency layer would be "
              + LayerReport.mb(unzipped)
              + " unzipped, more than Lambda's 250 MB for a function and all its layers:\n"
              + preview.table()
              + "Move large packages out of the group, or deploy as a container image.");
    }
  }

  /** Writes the entries into {@code r.output()} through a temporary file; returns the report. */
  private static LayerReport writeZip(Request r, LayerContents contents) throws IOException {
    Path temp = AtomicFiles.temporarySibling(r.output());
    try {
      try (ReproducibleZipWriter zip = new ReproducibleZipWriter(temp, r.timestamp())) {
        for (LayerEntry e : contents.entries()) {
          e.writeTo(zip);
        }
      }
      AtomicFiles.moveIntoPlace(temp, r.output());
    } finally {
      Files.deleteIfExists(temp);
    }
    return new LayerReport(
        r.runtime().toString(),
        Files.size(r.output()),
        contents.unzippedSize(),
        contents.entries().size(),
        contents.packageSizes());
  }
}
