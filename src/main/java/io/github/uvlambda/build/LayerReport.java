package io.github.uvlambda.build;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.uvlambda.archive.AtomicFiles;
import io.github.uvlambda.lambda.LambdaLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a dependency layer holds, kept as {@code deps.zip.json} next to the zip so that an
 * up-to-date layer can report its sizes without being opened.
 */
public record LayerReport(
    String runtime, long zipSize, long unzippedSize, int files, List<PackageSize> packages) {

  /** How much of the unzipped layer one package takes. */
  public record PackageSize(String name, String version, long bytes, int files) {}

  /**
   * Written with Jackson's streaming API, when a layer is built. Read without Jackson (an
   * up-to-date build reads this file, and Jackson's first use would cost it about 20 ms).
   */
  private static final class Writer {
    private static final JsonFactory JSON = new JsonFactory();
  }

  public LayerReport {
    packages = List.copyOf(packages);
  }

  public static Path fileFor(Path zip) {
    return zip.resolveSibling(zip.getFileName() + ".json");
  }

  /** Writes {@code <zip>.json} whole or not at all (a temporary file moved into place). */
  public void write(Path zip) throws IOException {
    Path target = fileFor(zip);
    Path temp = AtomicFiles.temporarySibling(target);
    try {
      writeTo(temp);
      AtomicFiles.moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void writeTo(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        JsonGenerator g = Writer.JSON.createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeStringField("runtime", runtime);
      g.writeNumberField("zipSize", zipSize);
      g.writeNumberField("unzippedSize", unzippedSize);
      g.writeNumberField("files", files);
      g.writeArrayFieldStart("packages");
      for (PackageSize p : packages) {
        g.writeStartObject();
        g.writeStringField("name", p.name());
        g.writeStringField("version", p.version());
        g.writeNumberField("bytes", p.bytes());
        g.writeNumberField("files", p.files());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** Reads the report written beside the zip (without Jackson: see {@link JsonValues}). */
  public static LayerReport read(Path zip) throws IOException {
    Path file = fileFor(zip);
    Map<?, ?> report =
        as(Map.class, JsonValues.parse(Files.readString(file, StandardCharsets.UTF_8)), file);
    List<PackageSize> packages = new ArrayList<>();
    for (Object item : as(List.class, report.get("packages"), file)) {
      Map<?, ?> p = as(Map.class, item, file);
      packages.add(
          new PackageSize(
              as(String.class, p.get("name"), file),
              as(String.class, p.get("version"), file),
              as(Long.class, p.get("bytes"), file),
              Math.toIntExact(as(Long.class, p.get("files"), file))));
    }
    return new LayerReport(
        as(String.class, report.get("runtime"), file),
        as(Long.class, report.get("zipSize"), file),
        as(Long.class, report.get("unzippedSize"), file),
        Math.toIntExact(as(Long.class, report.get("files"), file)),
        packages);
  }

  private static <T> T as(Class<T> type, Object value, Path file) throws IOException {
    if (!type.isInstance(value)) {
      throw new IOException(file + " is not a layer report");
    }
    return type.cast(value);
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
