package io.github.uvlambda.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodePackagerTest {

  static void sources(Path dir, FileTime mtime) throws IOException {
    write(dir.resolve("my_worker/__init__.py"), "", mtime);
    write(dir.resolve("my_worker/handler.py"), "def handler(e, c):\n    return 1\n", mtime);
    write(dir.resolve("my_worker/__pycache__/handler.cpython-311.pyc"), "junk", mtime);
    write(dir.resolve("my_worker/stale.pyc"), "junk", mtime);
    write(dir.resolve("tests/test_handler.py"), "def test(): pass\n", mtime);
    write(dir.resolve("my_worker/tests/test_inner.py"), "", mtime);
    write(dir.resolve(".pytest_cache/v/x"), "", mtime);
    write(dir.resolve("README.md"), "docs\n", mtime);
  }

  static void write(Path p, String content, FileTime mtime) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    Files.setLastModifiedTime(p, mtime);
  }

  private static CodePackager.Request request(Path src, Path out) {
    return new CodePackager.Request(
        "my-worker",
        src,
        "my_worker.handler.handler",
        SourceSelection.Rules.of(List.of("**"), List.of()),
        out,
        ReproducibleZipWriter.DEFAULT_TIME);
  }

  @Test
  void sameSourcesFromTwoCheckoutsWithDifferentMtimesGiveTheSameBytes(@TempDir Path tmp)
      throws IOException {
    Path a = tmp.resolve("checkout-one/lambdas/my-worker");
    Path b = tmp.resolve("elsewhere/entirely/my-worker");
    sources(a, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    sources(b, FileTime.from(Instant.parse("2026-06-15T12:34:56Z")));
    CodePackager p = new CodePackager(BuildLog.SILENT);
    var ra = p.packageCode(request(a, tmp.resolve("a.zip")));
    var rb = p.packageCode(request(b, tmp.resolve("b.zip")));
    assertThat(Files.readAllBytes(tmp.resolve("b.zip")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("a.zip")));
    assertThat(rb.codeSha256()).isEqualTo(ra.codeSha256());
  }

  @Test
  void leavesOutTestsCachesAndBytecode(@TempDir Path tmp) throws IOException {
    Path src = tmp.resolve("src");
    sources(src, FileTime.from(Instant.now()));
    new CodePackager(BuildLog.SILENT).packageCode(request(src, tmp.resolve("code.zip")));
    try (ZipFile z = new ZipFile(tmp.resolve("code.zip").toFile())) {
      assertThat(Collections.list(z.entries()).stream().map(ZipEntry::getName).toList())
          .containsExactly("README.md", "my_worker/__init__.py", "my_worker/handler.py");
    }
  }

  @Test
  void unchangedSourcesAreNotRebuilt(@TempDir Path tmp) throws IOException {
    Path src = tmp.resolve("src");
    sources(src, FileTime.from(Instant.now()));
    CodePackager p = new CodePackager(BuildLog.SILENT);
    assertThat(p.packageCode(request(src, tmp.resolve("code.zip"))).upToDate()).isFalse();
    FileTime built = Files.getLastModifiedTime(tmp.resolve("code.zip"));
    assertThat(p.packageCode(request(src, tmp.resolve("code.zip"))).upToDate()).isTrue();
    assertThat(Files.getLastModifiedTime(tmp.resolve("code.zip"))).isEqualTo(built);
    Files.writeString(src.resolve("my_worker/handler.py"), "def handler(e, c):\n    return 2\n");
    assertThat(p.packageCode(request(src, tmp.resolve("code.zip"))).upToDate()).isFalse();
  }

  @Test
  void handlerModuleMustBeInTheZip(@TempDir Path tmp) throws IOException {
    Path src = tmp.resolve("src");
    sources(src, FileTime.from(Instant.now()));
    var r =
        new CodePackager.Request(
            "my-worker",
            src,
            "my_worker.handler.handler",
            SourceSelection.Rules.of(List.of("**"), List.of("my_worker/handler.py")),
            tmp.resolve("code.zip"),
            ReproducibleZipWriter.DEFAULT_TIME);
    assertThatThrownBy(() -> new CodePackager(BuildLog.SILENT).packageCode(r))
        .isInstanceOf(UvLambdaException.class)
        .hasMessageContaining("my_worker/handler.py or my_worker/handler/__init__.py")
        .hasMessageContaining("<includes>/<excludes> leave it out");
    assertThat(tmp.resolve("code.zip")).doesNotExist();
  }

  @Test
  void handlerPackageWithInitCounts(@TempDir Path tmp) throws IOException {
    Path src = tmp.resolve("src");
    write(
        src.resolve("app/handler/__init__.py"),
        "def handler(e, c): pass\n",
        FileTime.from(Instant.now()));
    var r =
        new CodePackager.Request(
            "f",
            src,
            "app.handler.handler",
            SourceSelection.Rules.of(List.of("**"), List.of()),
            tmp.resolve("code.zip"),
            ReproducibleZipWriter.DEFAULT_TIME);
    assertThat(new CodePackager(BuildLog.SILENT).packageCode(r).files()).isEqualTo(1);
  }
}
