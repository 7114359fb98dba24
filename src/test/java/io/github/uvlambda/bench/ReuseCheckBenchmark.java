package io.github.uvlambda.bench;

import io.github.uvlambda.archive.BuildRecord;
import io.github.uvlambda.archive.Fingerprint;
import io.github.uvlambda.archive.Hashes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What verifying a reused zip costs on a no-op build (run by bench/reuse-check-benchmark.sh, not by
 * the tests). Three ways to decide that a zip in target/ or in the cache can be reused, per zip
 * size:
 *
 * <ul>
 *   <li>before: compare the fingerprint, then hash the zip for Lambda's CodeSha256 (what the plugin
 *       did before it verified anything: one read of the zip);
 *   <li>hash once (chosen): {@link BuildRecord#check} hashes the zip and its report and hands the
 *       zip's digest back for CodeSha256 (one read of the zip);
 *   <li>size+mtime: trust the recorded digest while size and modification time are unchanged (no
 *       read of the zip).
 * </ul>
 *
 * <p>Arguments: a scratch directory, rounds per measurement.
 */
public final class ReuseCheckBenchmark {
  private ReuseCheckBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path scratch = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Files.createDirectories(scratch);
    System.out.printf(
        Locale.ROOT,
        "%-8s %12s %14s %14s %16s %16s%n",
        "zip",
        "before ms",
        "hash once ms",
        "size+mtime ms",
        "hash once/before",
        "size+mtime/before");
    for (int mb : List.of(1, 10, 50, 200)) {
      Path zip = scratch.resolve(mb + "mb.zip");
      Path report = scratch.resolve(mb + "mb.zip.json");
      write(zip, mb * 1024L * 1024L);
      Files.writeString(report, "{\"files\": 1}\n");
      String fp = new Fingerprint().add("size", String.valueOf(mb)).hex();
      BuildRecord.write(zip, fp, report);
      BasicFileAttributes recorded = Files.readAttributes(zip, BasicFileAttributes.class);
      String recordedSha = Hashes.codeSha256(zip);
      // Warm the page cache and the JIT for every variant.
      for (int i = 0; i < 3; i++) {
        before(zip, fp);
        hashOnce(zip, fp);
        sizeAndMtime(zip, recorded, recordedSha);
      }
      double b = median(rounds, () -> before(zip, fp));
      double h = median(rounds, () -> hashOnce(zip, fp));
      double s = median(rounds, () -> sizeAndMtime(zip, recorded, recordedSha));
      System.out.printf(
          Locale.ROOT,
          "%-8s %12.2f %14.2f %14.3f %16.2f %16.4f%n",
          mb + " MB",
          b,
          h,
          s,
          h / b,
          s / b);
      Files.delete(zip);
    }
  }

  interface Check {
    String run() throws IOException;
  }

  static String before(Path zip, String fp) throws IOException {
    String recorded =
        Files.readAllLines(Fingerprint.fileFor(zip), StandardCharsets.UTF_8).get(0).strip();
    if (!recorded.equals(fp)) {
      throw new IllegalStateException();
    }
    return Hashes.codeSha256(zip);
  }

  static String hashOnce(Path zip, String fp) {
    BuildRecord.Check c = BuildRecord.check(zip, fp);
    if (!c.valid()) {
      throw new IllegalStateException(c.state().toString());
    }
    return Hashes.base64(c.outputSha256());
  }

  static String sizeAndMtime(Path zip, BasicFileAttributes recorded, String recordedSha)
      throws IOException {
    BasicFileAttributes now = Files.readAttributes(zip, BasicFileAttributes.class);
    if (now.size() != recorded.size()
        || !now.lastModifiedTime().equals(recorded.lastModifiedTime())) {
      return Hashes.codeSha256(zip);
    }
    return recordedSha;
  }

  static double median(int rounds, Check check) throws IOException {
    double[] ms = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      check.run();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms[rounds / 2];
  }

  /** Incompressible bytes, like a zip of compressed wheel entries. */
  static void write(Path file, long size) throws IOException {
    Random random = new Random(size);
    byte[] buf = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long done = 0; done < size; done += buf.length) {
        random.nextBytes(buf);
        out.write(buf, 0, (int) Math.min(buf.length, size - done));
      }
    }
  }
}
