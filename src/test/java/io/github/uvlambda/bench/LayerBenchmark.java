package io.github.uvlambda.bench;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import io.github.uvlambda.build.LayerBuilder;
import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.testing.TestProject;
import io.github.uvlambda.testing.TestWheel;
import io.github.uvlambda.uv.ExportOptions;
import io.github.uvlambda.uv.LockExporter;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.wheel.FetchSettings;
import io.github.uvlambda.wheel.TargetTags;
import io.github.uvlambda.wheel.WheelSelector;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The layer benchmark (run by bench/layer-benchmark.sh, not by the tests): a realistic layer built
 * cold (empty cache) and warm, against {@code pip install --target} + {@code zip -X -r} of the same
 * pinned wheels from the same mirror; then a 200 MB layer for the plugin's peak heap.
 *
 * <p>Arguments: the lambdas folder (made by bench/make_bench_project.py), the mirror index URL, a
 * scratch directory.
 */
public final class LayerBenchmark {
  private static final LambdaRuntime PY311 = new LambdaRuntime("3.11", Architecture.X86_64);

  private LayerBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path lambdas = Path.of(args[0]);
    String index = args[1];
    Path scratch = Path.of(args[2]);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;

    System.out.println("== glibc rule: cryptography 50.0.2 ships only manylinux_2_34 wheels");
    var files = LockFiles.read(lambdas);
    for (String py : List.of("3.11", "3.12")) {
      LambdaRuntime rt = new LambdaRuntime(py, Architecture.X86_64);
      var exported =
          new LockExporter()
              .export(
                  files.pyproject(),
                  files.lock(BuildLog.SILENT),
                  ExportOptions.forLayer("crypto", Set.of()),
                  rt.markerEnvironment());
      var selector = new WheelSelector(new TargetTags(rt));
      for (var e : exported) {
        if (e.lockPackage().name().value().equals("cryptography")) {
          System.out.printf(
              "  %-18s %s%n",
              rt,
              selector
                  .best(e.lockPackage())
                  .map(w -> w.filename().filename())
                  .orElse(
                      "refused: no wheel for "
                          + rt.operatingSystem()
                          + " (glibc 2."
                          + rt.glibcMinor()
                          + ")"));
        }
      }
    }

    List<Double> cold = new ArrayList<>();
    List<Double> warm = new ArrayList<>();
    List<Double> pip = new ArrayList<>();
    List<String> wheels = new ArrayList<>();
    long peak = 0;
    for (int round = 0; round < rounds; round++) {
      Path dir = scratch.resolve("round" + round);
      Path out = dir.resolve("plugin/deps.zip");
      resetPeaks();
      long t0 = System.nanoTime();
      LayerBuilder.Result r = build(lambdas, index, out, dir.resolve("cache"));
      cold.add(seconds(t0));
      peak = Math.max(peak, heapPeak());
      long t1 = System.nanoTime();
      LayerBuilder.Result again = build(lambdas, index, out, dir.resolve("cache"));
      warm.add(seconds(t1));
      if (!again.upToDate()) {
        throw new IllegalStateException("the warm build was not up to date");
      }
      if (round == 0) {
        System.out.printf(
            "== realistic layer: %d packages, %s zipped, %s unzipped%n",
            r.report().packages().size(), mb(Files.size(r.zip())), mb(r.report().unzippedSize()));
        for (var e :
            new LockExporter()
                .export(
                    files.pyproject(),
                    files.lock(BuildLog.SILENT),
                    ExportOptions.forLayer("bench", Set.of()),
                    PY311.markerEnvironment())) {
          new WheelSelector(new TargetTags(PY311))
              .best(e.lockPackage())
              .ifPresent(w -> wheels.add(e.line()));
        }
      }
      pip.add(pipAndZip(index, wheels, dir.resolve("pip")));
    }
    double c = median(cold);
    double w = median(warm);
    double p = median(pip);
    System.out.printf(
        Locale.ROOT,
        "== layer build, median of %d rounds (python3.11/x86_64, same wheels, same mirror)%n",
        rounds);
    System.out.printf(Locale.ROOT, "  pip install --target + zip -X -r : %7.3f s%n", p);
    System.out.printf(
        Locale.ROOT,
        "  uv-lambda cold (empty cache)     : %7.3f s   %.1fx faster than pip + zip (target >= 3x)%n",
        c,
        p / c);
    System.out.printf(
        Locale.ROOT, "  uv-lambda warm (up to date)      : %7.3f s   (target < 0.2 s)%n", w);
    System.out.printf(Locale.ROOT, "  uv-lambda peak heap, cold build  : %s%n", mb(peak));

    bigLayer(scratch.resolve("big"));
  }

  private static LayerBuilder.Result build(Path lambdas, String index, Path out, Path cache) {
    return new LayerBuilder(BuildLog.SILENT)
        .build(
            new LayerBuilder.Request(
                "bench",
                LockFiles.prepare(lambdas, null, false, false, BuildLog.SILENT),
                "bench",
                Set.of(),
                PY311,
                out,
                ReproducibleZipWriter.DEFAULT_TIME,
                FetchSettings.direct(lambdas).withIndex(index),
                cache,
                LayerBuilder.Installer.JAVA,
                null,
                "bench"));
  }

  /** pip's equivalent of the layer step, timed as a whole, then {@code zip -X -r}. */
  private static double pipAndZip(String index, List<String> pins, Path dir)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "python3",
                "-m",
                "pip",
                "install",
                "--quiet",
                "--no-cache-dir",
                "--disable-pip-version-check",
                "--root-user-action=ignore",
                "--target",
                dir.resolve("python").toString(),
                "--platform",
                "manylinux2014_x86_64",
                "--python-version",
                "3.11",
                "--implementation",
                "cp",
                "--only-binary=:all:",
                "--no-deps",
                "--index-url",
                index));
    cmd.addAll(pins);
    long t0 = System.nanoTime();
    run(cmd, dir);
    run(List.of("zip", "-q", "-X", "-r", "deps.zip", "python"), dir);
    return seconds(t0);
  }

  private static void run(List<String> cmd, Path dir) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO();
    pb.environment().remove("PIP_FIND_LINKS");
    pb.environment().remove("PIP_CONSTRAINT");
    pb.environment().put("PIP_CONFIG_FILE", "/dev/null");
    Process p = pb.start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed");
    }
  }

  /**
   * A 200 MB layer of incompressible generated wheels: the plugin streams it, whatever its size.
   */
  private static void bigLayer(Path dir) throws IOException {
    String index = writeBigProject(dir);
    Path lambdas = dir.resolve("lambdas");
    System.gc();
    resetPeaks();
    long t0 = System.nanoTime();
    LayerBuilder.Result r =
        new LayerBuilder(BuildLog.SILENT)
            .build(
                new LayerBuilder.Request(
                    "big",
                    LockFiles.read(lambdas),
                    "fn",
                    Set.of(),
                    PY311,
                    dir.resolve("deps.zip"),
                    ReproducibleZipWriter.DEFAULT_TIME,
                    FetchSettings.direct(lambdas).withIndex(index),
                    dir.resolve("cache"),
                    LayerBuilder.Installer.JAVA,
                    null,
                    "bench"));
    double s = seconds(t0);
    System.out.printf(
        Locale.ROOT,
        "== %s layer (%d generated wheels): built in %.2f s, peak heap %s (target < 256 MB; JVM -Xmx%s)%n",
        mb(r.report().unzippedSize()),
        BIG_WHEELS,
        s,
        mb(heapPeak()),
        mb(Runtime.getRuntime().maxMemory()));
  }

  private static final int BIG_WHEELS = 21;

  /** Writes the generated project and its index; nothing of it stays in memory. */
  private static String writeBigProject(Path dir) throws IOException {
    TestProject p = new TestProject(dir.resolve("lambdas"));
    byte[] blob = new byte[1_000_000];
    new Random(42).nextBytes(blob);
    for (int i = 0; i < BIG_WHEELS; i++) {
      TestWheel w = new TestWheel("big" + i, "1.0");
      for (int f = 0; f < 10; f++) {
        // Incompressible, and shared: the fixture itself must fit in the benchmark's small heap.
        w.file("big" + i + "/blob" + f + ".bin", blob);
      }
      p.add("big" + i, "1.0", w);
    }
    p.write();
    return p.indexUrl();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    return s.get(s.size() / 2);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
  }
}
