package io.github.uvlambda.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import io.github.uvlambda.function.FunctionConfigResolver;
import io.github.uvlambda.function.FunctionSettings;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.function.Purpose;
import io.github.uvlambda.testing.RecordingLog;
import io.github.uvlambda.testing.TestProject;
import io.github.uvlambda.testing.TestWheel;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.wheel.FetchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Functions with the same layer share one build and one file on disk. */
class LayerPlannerTest {
  @TempDir Path tmp;

  private List<FunctionSpec> specs(Path lambdas, String... namesAndPythons) throws IOException {
    List<FunctionSettings> functions = new java.util.ArrayList<>();
    for (int i = 0; i < namesAndPythons.length; i += 2) {
      Files.createDirectories(lambdas.resolve(namesAndPythons[i]));
      Files.writeString(lambdas.resolve(namesAndPythons[i]).resolve("handler.py"), "");
      functions.add(
          FunctionSettings.builder()
              .set(FunctionSettings.FUNCTION_NAME, namesAndPythons[i])
              .set(FunctionSettings.DEPENDENCY_GROUP, "fn")
              .set(FunctionSettings.PYTHON_VERSION, namesAndPythons[i + 1])
              .build());
    }
    FunctionSettings shared =
        FunctionSettings.builder().set(FunctionSettings.LAMBDAS_DIR, lambdas.toString()).build();
    return new FunctionConfigResolver(tmp).resolve(shared, functions, Purpose.LAYER);
  }

  private final RecordingLog log = new RecordingLog();

  private Map<String, LayerBuilder.Result> build(TestProject p, List<FunctionSpec> specs) {
    return new LayerPlanner(log)
        .buildAll(
            specs,
            new LayerPlanner.Settings(
                tmp.resolve("target"),
                ReproducibleZipWriter.DEFAULT_TIME,
                tmp.resolve("cache"),
                LayerBuilder.Installer.JAVA,
                null,
                "test",
                dir -> LockFiles.prepare(dir, null, false, false, BuildLog.SILENT),
                dir -> FetchSettings.direct(dir).withIndex(p.indexUrl()),
                null));
  }

  @Test
  void functionsWithTheSameLayerShareOneFileAndOthersGetTheirOwn() throws IOException {
    TestProject p =
        new TestProject(tmp.resolve("lambdas"))
            .add("dep", "1.0", new TestWheel("dep", "1.0").file("dep/__init__.py", "X = 1\n"));
    Path lambdas = p.write();
    List<FunctionSpec> specs = specs(lambdas, "a", "3.12", "b", "3.12", "c", "3.13");
    Map<String, LayerBuilder.Result> first = build(p, specs);

    Path a = tmp.resolve("target/a/deps.zip");
    Path b = tmp.resolve("target/b/deps.zip");
    Path c = tmp.resolve("target/c/deps.zip");
    assertThat(first.get("b").zip()).isEqualTo(b);
    assertThat(Files.isSameFile(a, b)).as("one file on disk for a and b").isTrue();
    assertThat(Files.isSameFile(a, c)).as("c has another runtime").isFalse();
    assertThat(first.get("b").codeSha256()).isEqualTo(first.get("a").codeSha256());
    assertThat(first.get("a").upToDate()).isFalse();

    assertThat(log.lines())
        .filteredOn(l -> l.startsWith("INFO Layers: "))
        .singleElement()
        .asString()
        .matches(
            "INFO Layers: 3 functions, 2 layers \\(2 built, 0 up to date\\); 2 wheels, 0\\.0 MB,"
                + " [0-9]+\\.[0-9] s, 1 from cache");
    assertThat(first.get("a").fetched().wheels() + first.get("c").fetched().wheels()).isEqualTo(2);

    Map<Path, String> written = filesOnDisk(tmp.resolve("target"));
    Map<String, LayerBuilder.Result> again = build(p, specs);
    assertThat(again.values()).allMatch(LayerBuilder.Result::upToDate);
    assertThat(filesOnDisk(tmp.resolve("target")))
        .as("a build with nothing to do writes nothing")
        .isEqualTo(written);
    assertThat(Files.isSameFile(a, b)).isTrue();
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    assertThat(LayerReport.fileFor(b)).exists();
    assertThat(log.lines())
        .filteredOn(l -> l.startsWith("INFO Layers: "))
        .last()
        .asString()
        .contains("2 layers (0 built, 2 up to date); 0 wheels, 0.0 MB");

    Files.writeString(LayerReport.fileFor(b), "{}");
    build(p, specs);
    assertThat(LayerReport.fileFor(b)).hasSameBinaryContentAs(LayerReport.fileFor(a));
  }

  /** Each file under the folder with its identity and modification time on disk. */
  private static Map<Path, String> filesOnDisk(Path dir) throws IOException {
    Map<Path, String> files = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        java.nio.file.attribute.BasicFileAttributes a =
            Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class);
        files.put(f, a.fileKey() + " " + a.lastModifiedTime().toInstant());
      }
    }
    return files;
  }

  @Test
  void theSummaryLineUsesDotsForDecimalsWhateverTheLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      assertThat(
              LayerPlanner.summary(
                  1, 1, 1, new io.github.uvlambda.wheel.FetchStats(22, 0, 41_418_752), 400_000_000))
          .isEqualTo(
              "Layers: 1 function, 1 layer (1 built, 0 up to date); 22 wheels, 39.5 MB, 0.4 s,"
                  + " 0 from cache");
    } finally {
      java.util.Locale.setDefault(before);
    }
  }

  /** A layer setting on one function gives it its own layer; the others still share theirs. */
  @Test
  void aFunctionThatLeavesOutTheRuntimesSdkGetsALayerOfItsOwn() throws IOException {
    TestProject p = RuntimePackageExclusionTest.sdk(tmp.resolve("lambdas"), "1.27.1", "1.30.1");
    Path lambdas = p.write();
    List<FunctionSettings> functions = new ArrayList<>();
    for (String name : List.of("lean", "full", "also-full")) {
      Files.createDirectories(lambdas.resolve(name));
      functions.add(
          FunctionSettings.builder()
              .set(FunctionSettings.FUNCTION_NAME, name)
              .set(FunctionSettings.DEPENDENCY_GROUP, "fn")
              .set(FunctionSettings.PYTHON_VERSION, "3.11")
              .set(FunctionSettings.EXCLUDE_RUNTIME_PACKAGES, name.equals("lean") ? true : null)
              .build());
    }
    FunctionSettings shared =
        FunctionSettings.builder()
            .set(FunctionSettings.LAMBDAS_DIR, lambdas.toString())
            .set(FunctionSettings.EXCLUDE_RUNTIME_PACKAGES, false)
            .build();
    List<FunctionSpec> specs =
        new FunctionConfigResolver(tmp).resolve(shared, functions, Purpose.LAYER);
    build(p, specs);

    Path lean = tmp.resolve("target/lean/deps.zip");
    Path full = tmp.resolve("target/full/deps.zip");
    assertThat(Files.isSameFile(full, tmp.resolve("target/also-full/deps.zip"))).isTrue();
    assertThat(Files.isSameFile(lean, full)).isFalse();
    assertThat(names(full)).contains("python/boto3/__init__.py", "python/botocore/__init__.py");
    assertThat(names(lean))
        .contains("python/s3transfer/__init__.py")
        .noneMatch(n -> n.startsWith("python/boto3/") || n.startsWith("python/botocore/"));
    assertThat(log.all()).contains("Layers: 3 functions, 2 layers (2 built, 0 up to date)");
  }

  private static List<String> names(Path zip) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      return Collections.list(z.entries()).stream().map(ZipEntry::getName).toList();
    }
  }
}
