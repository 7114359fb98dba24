package io.github.uvlambda.backend;

import io.github.uvlambda.archive.AtomicFiles;
import io.github.uvlambda.archive.Hashes;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes a pure-Python wheel (PEP 427, https://packaging.python.org/specifications/
 * binary-distribution-format/): the files, then {@code <name>-<version>.dist-info/} with METADATA,
 * WHEEL ({@code py3-none-any}, purelib), {@code entry_points.txt}, {@code top_level.txt} when the
 * backend writes one, {@code licenses/}, and RECORD with each file's urlsafe-base64 SHA-256 and
 * size. Entries are sorted and time-stamped alike, so the same tree gives the same bytes.
 */
final class WheelArchive {
  static final String GENERATOR = "uv-lambda-maven-plugin";

  record Contents(
      String distribution,
      String version,
      SortedMap<String, Path> files,
      String metadata,
      String entryPoints,
      List<String> topLevel,
      SortedMap<String, Path> licenses) {

    String distInfo() {
      return distribution + "-" + version + ".dist-info";
    }

    String filename() {
      return distribution + "-" + version + "-py3-none-any.whl";
    }
  }

  private WheelArchive() {}

  /** Writes the wheel into {@code directory}; returns its path. */
  static Path write(Contents c, Path directory) throws IOException {
    SortedMap<String, byte[]> entries = new TreeMap<>();
    for (Map.Entry<String, Path> f : c.files().entrySet()) {
      entries.put(f.getKey(), Files.readAllBytes(f.getValue()));
    }
    String info = c.distInfo();
    for (Map.Entry<String, Path> l : c.licenses().entrySet()) {
      entries.put(info + "/licenses/" + l.getKey(), Files.readAllBytes(l.getValue()));
    }
    entries.put(info + "/METADATA", utf8(c.metadata()));
    entries.put(
        info + "/WHEEL",
        utf8(
            "Wheel-Version: 1.0\nGenerator: "
                + GENERATOR
                + "\nRoot-Is-Purelib: true\nTag: py3-none-any\n"));
    if (c.entryPoints() != null) {
      entries.put(info + "/entry_points.txt", utf8(c.entryPoints()));
    }
    if (c.topLevel() != null) {
      entries.put(info + "/top_level.txt", utf8(String.join("\n", c.topLevel()) + "\n"));
    }
    StringBuilder record = new StringBuilder();
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      record.append(csv(e.getKey())).append(",sha256=").append(recordHash(e.getValue()));
      record.append(',').append(e.getValue().length).append('\n');
    }
    record.append(csv(info + "/RECORD")).append(",,\n");
    entries.put(info + "/RECORD", utf8(record.toString()));

    Files.createDirectories(directory);
    Path target = directory.resolve(c.filename());
    Path temp = AtomicFiles.temporarySibling(target);
    try {
      try (ReproducibleZipWriter zip =
          new ReproducibleZipWriter(temp, ReproducibleZipWriter.DEFAULT_TIME)) {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          zip.add(e.getKey(), e.getValue(), false);
        }
      }
      AtomicFiles.moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }

  /** RECORD's hash form: urlsafe base64 of the SHA-256, without padding. */
  static String recordHash(byte[] data) {
    byte[] digest = Hashes.sha256().digest(data);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  private static String csv(String path) {
    return path.contains(",") || path.contains("\"")
        ? "\"" + path.replace("\"", "\"\"") + "\""
        : path;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code entry_points.txt} from [project] scripts, gui-scripts and entry-points, or null. */
  static String entryPoints(SourceTree tree) {
    StringBuilder b = new StringBuilder();
    section(b, "console_scripts", tree.get("project", "scripts"));
    section(b, "gui_scripts", tree.get("project", "gui-scripts"));
    io.github.uvlambda.uv.TomlFiles.fields(tree.get("project", "entry-points"))
        .forEach((group, entries) -> section(b, group, entries));
    return b.length() == 0 ? null : b.toString();
  }

  private static void section(
      StringBuilder b, String group, com.fasterxml.jackson.databind.JsonNode entries) {
    if (entries == null || entries.size() == 0) {
      return;
    }
    if (b.length() > 0) {
      b.append('\n');
    }
    b.append('[').append(group).append("]\n");
    io.github.uvlambda.uv.TomlFiles.fields(entries)
        .forEach((k, v) -> b.append(k).append(" = ").append(v.asText()).append('\n'));
  }
}
