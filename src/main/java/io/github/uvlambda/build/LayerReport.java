package io.github.uvlambda.build;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.uvlambda.lambda.LambdaLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a dependency layer holds, kept as {@code deps.zip.json} next to the zip so that an
 * up-to-date layer can report its sizes without being opened.
 */
public record LayerReport(
    String runtime, long zipSize, long unzippedSize, int files, List<PackageSize> packages) {

  /** How much of the unzipped layer one package takes. */
  public record PackageSize(String name, String version, long bytes, int files) {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public LayerReport {
    packages = List.copyOf(packages);
  }

  public static Path fileFor(Path zip) {
    return zip.resolveSibling(zip.getFileName() + ".json");
  }

  public void write(Path zip) throws IOException {
    Files.write(fileFor(zip), JSON.writeValueAsBytes(this));
  }

  public static LayerReport read(Path zip) throws IOException {
    return JSON.readValue(fileFor(zip).toFile(), LayerReport.class);
  }

  public boolean hasNoPackages() {
    return packages.isEmpty();
  }

  /**
   * Above this, uv-layer warns: a layer this large leaves little of Lambda's 250 MB to code.zip and
   * the function's other layers, which only uv-deploy can see.
   */
  public static final long WARNING_SIZE = 200L * 1024 * 1024;

  public static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
  }

  /** The INFO lines: sizes, the 10 largest packages, the headroom under Lambda's unzipped limit. */
  public List<String> format(String label) {
    List<String> lines = new ArrayList<>();
    long headroom = LambdaLimits.UNZIPPED_SIZE - unzippedSize;
    lines.add(
        label
            + ": deps.zip for "
            + runtime
            + ": "
            + packages.size()
            + " packages, "
            + files
            + " files, "
            + mb(zipSize)
            + " zipped, "
            + mb(unzippedSize)
            + " unzipped; headroom under Lambda's 250 MB unzipped"
            + " limit (function + layers): "
            + mb(headroom));
    List<PackageSize> largest = new ArrayList<>(packages);
    largest.sort(Comparator.comparingLong(PackageSize::bytes).reversed());
    StringBuilder b = new StringBuilder("  largest:");
    for (int i = 0; i < Math.min(10, largest.size()); i++) {
      PackageSize p = largest.get(i);
      b.append(i == 0 ? " " : ", ")
          .append(p.name())
          .append(' ')
          .append(p.version())
          .append(' ')
          .append(mb(p.bytes()));
    }
    if (!largest.isEmpty()) {
      lines.add(b.toString());
    }
    return lines;
  }

  /** The table printed when a layer is too large. */
  public String table() {
    StringBuilder b =
        new StringBuilder(
            String.format(Locale.ROOT, "%-40s %12s %8s%n", "package", "unzipped", "files"));
    List<PackageSize> largest = new ArrayList<>(packages);
    largest.sort(Comparator.comparingLong(PackageSize::bytes).reversed());
    for (PackageSize p : largest) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-40s %12s %8d%n",
              p.name() + " " + p.version(),
              mb(p.bytes()),
              p.files()));
    }
    b.append(String.format(Locale.ROOT, "%-40s %12s %8d%n", "total", mb(unzippedSize), files));
    return b.toString();
  }
}
