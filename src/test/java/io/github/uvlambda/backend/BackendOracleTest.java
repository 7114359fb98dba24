package io.github.uvlambda.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares the Java wheel builder with the real backends: each tree of the corpus was built by its
 * own backend (hatchling, setuptools, flit-core, poetry-core) with pip, and the wheels were
 * committed (src/test/python/generate_backend_oracles.py). The Java build must ship the same files
 * with the same bytes, the same license files and top_level.txt, equivalent METADATA and entry
 * points, and a RECORD that is true of its own content. Each test is named after the rule it
 * exercises.
 */
class BackendOracleTest {
  private static final Path ORACLES = Path.of("src/test/resources/backend-oracle");

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> javaBuildMatchesTheRealBackend() throws IOException {
    JsonNode corpus = new ObjectMapper().readTree(ORACLES.resolve("corpus.json").toFile());
    List<DynamicTest> tests = new ArrayList<>();
    corpus
        .get("cases")
        .fields()
        .forEachRemaining(
            c ->
                tests.add(
                    DynamicTest.dynamicTest(
                        c.getKey() + ": " + c.getValue().get("description").asText(),
                        () -> check(c.getKey(), c.getValue()))));
    assertThat(tests).hasSizeGreaterThanOrEqualTo(12);
    return tests.stream();
  }

  private void check(String name, JsonNode spec) throws IOException {
    Path tree = temp.resolve(name).resolve("tree");
    spec.get("files")
        .fields()
        .forEachRemaining(
            f -> {
              try {
                Path p = tree.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue().asText(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    JavaWheelBuilder.Analysis analysis =
        JavaWheelBuilder.analyse(SourceTree.read(tree, name), null);
    assertThat(analysis.obstacles()).isEmpty();
    Path built = JavaWheelBuilder.build(analysis, temp.resolve(name).resolve("out"));
    Path expected;
    try (Stream<Path> s = Files.list(ORACLES.resolve("wheels").resolve(name))) {
      expected = s.filter(p -> p.toString().endsWith(".whl")).findFirst().orElseThrow();
    }
    Map<String, byte[]> mine = read(built);
    Map<String, byte[]> theirs = read(expected);

    assertThat(mine.keySet()).as("file set").isEqualTo(theirs.keySet());
    for (String entry : theirs.keySet()) {
      boolean metadata =
          entry.contains(".dist-info/")
              && !entry.contains(".dist-info/licenses/")
              && !entry.endsWith("/top_level.txt");
      if (!metadata) {
        assertThat(new String(mine.get(entry), StandardCharsets.UTF_8))
            .as(entry)
            .isEqualTo(new String(theirs.get(entry), StandardCharsets.UTF_8));
      }
    }
    String metadataEntry = key(theirs, "/METADATA");
    boolean poetry = spec.get("backend").asText().equals("poetry");
    assertThat(MetadataFields.of(mine.get(metadataEntry), poetry))
        .as("METADATA")
        .isEqualTo(MetadataFields.of(theirs.get(metadataEntry), poetry));
    String entryPoints = keyOrNull(theirs, "/entry_points.txt");
    if (entryPoints != null) {
      assertThat(entryPoints(mine.get(entryPoints)))
          .isEqualTo(entryPoints(theirs.get(entryPoints)));
    }
    assertRecordIsTrue(mine);
  }

  private static void assertRecordIsTrue(Map<String, byte[]> wheel) {
    String record = key(wheel, "/RECORD");
    Map<String, String> listed = new TreeMap<>();
    for (String line : new String(wheel.get(record), StandardCharsets.UTF_8).split("\n")) {
      int last = line.lastIndexOf(',');
      int first = line.lastIndexOf(',', last - 1);
      listed.put(line.substring(0, first), line.substring(first + 1));
    }
    assertThat(listed.keySet()).isEqualTo(wheel.keySet());
    for (Map.Entry<String, byte[]> e : wheel.entrySet()) {
      if (!e.getKey().equals(record)) {
        assertThat(listed.get(e.getKey()))
            .isEqualTo(
                "sha256=" + WheelArchive.recordHash(e.getValue()) + "," + e.getValue().length);
      }
    }
  }

  private static Map<String, Map<String, String>> entryPoints(byte[] text) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    String group = null;
    for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
      String l = line.strip();
      if (l.startsWith("[")) {
        group = l.substring(1, l.length() - 1);
        out.put(group, new TreeMap<>());
      } else if (l.contains("=")) {
        out.get(group)
            .put(l.substring(0, l.indexOf('=')).strip(), l.substring(l.indexOf('=') + 1).strip());
      }
    }
    return out;
  }

  private static String key(Map<String, byte[]> wheel, String suffix) {
    String k = keyOrNull(wheel, suffix);
    assertThat(k).as(suffix).isNotNull();
    return k;
  }

  private static String keyOrNull(Map<String, byte[]> wheel, String suffix) {
    return wheel.keySet().stream()
        .filter(k -> k.endsWith(suffix) && k.indexOf('/') == k.lastIndexOf('/'))
        .findFirst()
        .orElse(null);
  }

  static Map<String, byte[]> read(Path wheel) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (ZipFile z = new ZipFile(wheel.toFile())) {
      for (ZipEntry e : java.util.Collections.list(z.entries())) {
        if (!e.isDirectory()) {
          try (InputStream in = z.getInputStream(e)) {
            out.put(e.getName(), in.readAllBytes());
          }
        }
      }
    }
    return out;
  }

  /** The METADATA fields that matter to installers and to importlib.metadata, normalized. */
  record MetadataFields(Map<String, TreeSet<String>> fields, String description) {
    private static final List<String> COMPARED =
        List.of(
            "Name",
            "Version",
            "Summary",
            "Requires-Python",
            "Requires-Dist",
            "Provides-Extra",
            "License-Expression",
            "License-File",
            "Project-URL",
            "Author-email",
            "Keywords",
            "Classifier",
            "Description-Content-Type");

    static MetadataFields of(byte[] bytes, boolean poetry) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      int blank = text.indexOf("\n\n");
      String headers = blank < 0 ? text : text.substring(0, blank);
      String body = blank < 0 ? "" : text.substring(blank + 2);
      Map<String, TreeSet<String>> fields = new TreeMap<>();
      for (String line : headers.split("\n")) {
        int colon = line.indexOf(": ");
        if (colon < 0) {
          continue;
        }
        String name = line.substring(0, colon);
        String value = line.substring(colon + 2).strip();
        if (!COMPARED.contains(name) || (poetry && name.equals("Classifier"))) {
          continue;
        }
        if (name.equals("Requires-Dist")) {
          value = value.replaceAll("[\\s()]", "").replace('"', '\'');
        }
        if (name.equals("Keywords")) {
          fields.computeIfAbsent(name, k -> new TreeSet<>()).addAll(List.of(value.split(",")));
          continue;
        }
        fields.computeIfAbsent(name, k -> new TreeSet<>()).add(value);
      }
      return new MetadataFields(fields, body.strip());
    }
  }
}
