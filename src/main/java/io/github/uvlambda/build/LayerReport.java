package io.github.uvlambda.build;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.uvlambda.archive.AtomicFiles;
import io.github.uvlambda.lambda.LambdaLimits;
import java.io.IOException;
import java.io.OutputStream;
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

  /**
   * Read and written with Jackson's streaming API rather than its data binding: an up-to-date build
   * reads this file, and loading data binding would cost that build a tenth of a second.
   */
  private static final JsonFactory JSON = new JsonFactory();

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
        JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
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

  public static LayerReport read(Path zip) throws IOException {
    try (JsonParser p = JSON.createParser(Files.readAllBytes(fileFor(zip)))) {
      expect(p, JsonToken.START_OBJECT);
      String runtime = null;
      long zipSize = 0;
      long unzipped = 0;
      int files = 0;
      List<PackageSize> packages = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "runtime" -> runtime = p.getText();
          case "zipSize" -> zipSize = p.getLongValue();
          case "unzippedSize" -> unzipped = p.getLongValue();
          case "files" -> files = p.getIntValue();
          case "packages" -> readPackages(p, value, packages);
          default -> p.skipChildren();
        }
      }
      return new LayerReport(runtime, zipSize, unzipped, files, packages);
    }
  }

  private static void readPackages(JsonParser p, JsonToken start, List<PackageSize> out)
      throws IOException {
    if (start != JsonToken.START_ARRAY) {
      throw new IOException("packages is not a list");
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String name = null;
      String version = null;
      long bytes = 0;
      int files = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "name" -> name = p.getText();
          case "version" -> version = p.getText();
          case "bytes" -> bytes = p.getLongValue();
          case "files" -> files = p.getIntValue();
          default -> p.skipChildren();
        }
      }
      out.add(new PackageSize(name, version, bytes, files));
    }
  }

  private static void expect(JsonParser p, JsonToken token) throws IOException {
    if (p.nextToken() != token) {
      throw new IOException("not a layer report");
    }
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
