package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.archive.AtomicFiles;
import io.github.uvlambda.archive.Fingerprint;
import io.github.uvlambda.archive.Hashes;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import io.github.uvlambda.lambda.LambdaLimits;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.uv.ExportOptions;
import io.github.uvlambda.uv.ExportedPackage;
import io.github.uvlambda.uv.LockExporter;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.uv.UvExecutable;
import io.github.uvlambda.wheel.FetchSettings;
import io.github.uvlambda.wheel.LayerLayout;
import io.github.uvlambda.wheel.SelectedWheel;
import io.github.uvlambda.wheel.TargetTags;
import io.github.uvlambda.wheel.WheelCache;
import io.github.uvlambda.wheel.WheelFetcher;
import io.github.uvlambda.wheel.WheelSelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Builds a function's dependency layer, {@code deps.zip}, from uv.lock alone: export for the Lambda
 * target, choose wheels, fetch and verify them, lay them out under {@code python/} and copy their
 * compressed entries into a reproducible zip. The fingerprint of the inputs decides whether
 * anything needs doing; built layers are also kept in the user cache, so even {@code mvn clean}
 * does not force a rebuild.
 */
public final class LayerBuilder {
  /** Bump when the layer layout changes, so that cached layers are rebuilt. */
  private static final String LAYOUT_VERSION = "layer v1";

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
   */
  public record Result(Path zip, String codeSha256, LayerReport report, boolean upToDate) {}

  private final BuildLog log;

  public LayerBuilder(BuildLog log) {
    this.log = log;
  }

  public String fingerprint(Request r) {
    return new Fingerprint()
        .add("layout", LAYOUT_VERSION)
        .add("plugin", r.pluginVersion())
        .add("pyproject.toml", r.lockFiles().pyprojectBytes())
        .add("uv.lock", r.lockFiles().lockBytes())
        .add("group", r.dependencyGroup())
        .add("exclude", String.join(",", new TreeSet<>(r.excludePackages())))
        .add("runtime", r.runtime().id())
        .add("architecture", r.runtime().architecture().awsName())
        .add("time", r.timestamp().toString())
        .add("installer", r.installer().name())
        .hex();
  }

  public Result build(Request r) {
    String fp = fingerprint(r);
    Path cached = new WheelCache(r.cacheRoot()).layers().resolve(fp + ".zip");
    try {
      if (Fingerprint.isUpToDate(r.output(), fp)
          && Files.isRegularFile(LayerReport.fileFor(r.output()))) {
        LayerReport report = LayerReport.read(r.output());
        log.info(
            r.label()
                + ": layer up to date ("
                + r.runtime()
                + ", inputs unchanged): "
                + r.output());
        return new Result(r.output(), Hashes.codeSha256(r.output()), report, true);
      }
      if (Files.isRegularFile(cached) && Files.isRegularFile(LayerReport.fileFor(cached))) {
        copy(cached, r.output());
        Fingerprint.record(r.output(), fp);
        LayerReport report = LayerReport.read(r.output());
        log.info(
            r.label()
                + ": layer up to date ("
                + r.runtime()
                + ", from the cache "
                + cached.getParent()
                + "): "
                + r.output());
        return new Result(r.output(), Hashes.codeSha256(r.output()), report, true);
      }
      r.lockFiles().check(log);
      LayerReport report = r.installer() == Installer.UV ? buildWithUv(r) : buildInJava(r);
      report.write(r.output());
      Fingerprint.record(r.output(), fp);
      Files.createDirectories(cached.getParent());
      copy(r.output(), cached);
      for (String line : report.format(r.label())) {
        log.info(line);
      }
      return new Result(r.output(), Hashes.codeSha256(r.output()), report, false);
    } catch (IOException e) {
      throw new UvLambdaException(
          r.label() + ": cannot write the layer " + r.output() + ": " + e.getMessage(), e);
    }
  }

  /** Copies a zip and its report next to another location, atomically. */
  private static void copy(Path zip, Path target) throws IOException {
    Path tmp = AtomicFiles.temporarySibling(target);
    Files.copy(zip, tmp, StandardCopyOption.REPLACE_EXISTING);
    AtomicFiles.moveIntoPlace(tmp, target);
    Path tmpReport = AtomicFiles.temporarySibling(LayerReport.fileFor(target));
    Files.copy(LayerReport.fileFor(zip), tmpReport, StandardCopyOption.REPLACE_EXISTING);
    AtomicFiles.moveIntoPlace(tmpReport, LayerReport.fileFor(target));
  }

  /** The selection step alone: export and choose wheels, nothing downloaded. */
  public List<SelectedWheel> select(Request r, List<ExportedPackage> exported) {
    String context =
        r.dependencyGroup() == null ? "the project's dependencies" : "group " + r.dependencyGroup();
    List<SelectedWheel> wheels =
        new WheelSelector(new TargetTags(r.runtime())).selectAll(exported, context);
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

  public List<ExportedPackage> export(Request r) {
    return new LockExporter()
        .export(
            r.lockFiles().pyproject(),
            r.lockFiles().lock(log),
            ExportOptions.forLayer(r.dependencyGroup(), r.excludePackages()),
            r.runtime().markerEnvironment());
  }

  private LayerReport buildInJava(Request r) throws IOException {
    List<SelectedWheel> wheels = select(r, export(r));
    Map<String, Path> files =
        new WheelFetcher(new WheelCache(r.cacheRoot()), r.fetch(), log).fetchAll(wheels);
    try (LayerLayout layout = LayerLayout.plan(wheels, files, "python/", r.runtime(), log)) {
      long unzipped = layout.unzippedSize();
      LayerReport preview =
          new LayerReport(
              r.runtime().toString(), 0, unzipped, layout.entries().size(), layout.packageSizes());
      if (unzipped > LambdaLimits.UNZIPPED_SIZE) {
        throw new UvLambdaException(
            r.label()
                + ": the dependency layer would be "
                + LayerReport.mb(unzipped)
                + " unzipped, more than Lambda's 250 MB for a function and all its layers:\n"
                + preview.table()
                + "Move large packages out of the group, or deploy as a container image.");
      }
      Path temp = AtomicFiles.temporarySibling(r.output());
      try {
        try (ReproducibleZipWriter zip = new ReproducibleZipWriter(temp, r.timestamp())) {
          for (LayerLayout.Entry e : layout.entries()) {
            if (e.generated() != null) {
              zip.add(e.name(), e.generated(), e.executable());
            } else {
              zip.addRaw(e.name(), e.source(), e.info(), e.executable());
            }
          }
        }
        AtomicFiles.moveIntoPlace(temp, r.output());
      } finally {
        Files.deleteIfExists(temp);
      }
      return new LayerReport(
          r.runtime().toString(),
          Files.size(r.output()),
          unzipped,
          layout.entries().size(),
          layout.packageSizes());
    }
  }

  /** The Terraform module's literal pipeline, with a real uv, zipped the same reproducible way. */
  private LayerReport buildWithUv(Request r) throws IOException {
    if (r.uv() == null) {
      throw new UvLambdaException(
          "<installer> is uv, but no uv executable was found on PATH. Install uv, set <uvExecutable>, or use <installer>java</installer>.");
    }
    Path work = Files.createTempDirectory("uv-lambda-layer");
    try {
      Path requirements = work.resolve("requirements.txt");
      List<String> export =
          new ArrayList<>(
              List.of(
                  "export",
                  "--frozen",
                  "--format",
                  "requirements-txt",
                  "--no-emit-project",
                  "--no-default-groups"));
      if (r.dependencyGroup() != null) {
        export.add("--group");
        export.add(r.dependencyGroup());
      }
      for (String p : new TreeSet<>(r.excludePackages())) {
        export.add("--no-emit-package");
        export.add(p);
      }
      export.add("-o");
      export.add(requirements.toString());
      r.uv().run(r.lockFiles().directory(), export, log);
      Path target = work.resolve("target");
      r.uv()
          .run(
              r.lockFiles().directory(),
              List.of(
                  "pip",
                  "install",
                  "-r",
                  requirements.toString(),
                  "--only-binary=:all:",
                  "--python-platform",
                  r.runtime().architecture().platformMachine()
                      + "-manylinux_2_"
                      + r.runtime().glibcMinor(),
                  "--python-version",
                  r.runtime().pythonVersion(),
                  "--target",
                  target.toString(),
                  "--no-installer-metadata",
                  "--no-compile-bytecode"),
              log);
      List<Path> files = new ArrayList<>();
      if (Files.isDirectory(target)) {
        try (Stream<Path> walk = Files.walk(target)) {
          walk.filter(Files::isRegularFile).forEach(files::add);
        }
      }
      files.sort(
          (a, b) ->
              target
                  .relativize(a)
                  .toString()
                  .replace('\\', '/')
                  .compareTo(target.relativize(b).toString().replace('\\', '/')));
      long unzipped = 0;
      Map<String, long[]> byTop = new java.util.TreeMap<>();
      Path temp = AtomicFiles.temporarySibling(r.output());
      try {
        try (ReproducibleZipWriter zip = new ReproducibleZipWriter(temp, r.timestamp())) {
          for (Path f : files) {
            String rel = target.relativize(f).toString().replace('\\', '/');
            byte[] data = Files.readAllBytes(f);
            unzipped += data.length;
            long[] s = byTop.computeIfAbsent(rel.split("/")[0], k -> new long[2]);
            s[0] += data.length;
            s[1]++;
            zip.add("python/" + rel, data, Files.isExecutable(f));
          }
        }
        AtomicFiles.moveIntoPlace(temp, r.output());
      } finally {
        Files.deleteIfExists(temp);
      }
      List<LayerLayout.PackageSize> sizes = new ArrayList<>();
      byTop.forEach((k, v) -> sizes.add(new LayerLayout.PackageSize(k, "", v[0], (int) v[1])));
      return new LayerReport(
          r.runtime().toString(), Files.size(r.output()), unzipped, files.size(), sizes);
    } finally {
      try (Stream<Path> walk = Files.walk(work)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
