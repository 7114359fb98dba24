package io.github.uvlambda.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.testing.TestProject;
import io.github.uvlambda.testing.TestWheel;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11, hole 5: produced files get the permissions any new file gets under the umask (0644
 * under 022), not 0600, so that a cache shared between users works; {@code .part}/{@code .tmp}
 * files left by a killed build are removed when the cache is opened, once they are an hour old.
 */
class FileModesAndStaleFilesTest {
  @TempDir Path tmp;
  TestProject project;
  Path cache;

  @BeforeEach
  void project() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    project =
        new TestProject(tmp.resolve("lambdas"))
            .add("demo", "1.0", new TestWheel("demo", "1.0").file("demo/__init__.py", "V = 1\n"));
    project.write();
    cache = tmp.resolve("cache");
  }

  private void buildLayer(Path output) {
    new LayerBuilder(BuildLog.SILENT).build(TestRequests.layer(project, output, cache));
  }

  /** What the umask gives a new file in this folder (0644 under the usual 022). */
  private static Set<PosixFilePermission> umaskMode(Path dir) throws IOException {
    Path probe = Files.createFile(dir.resolve("probe-" + System.nanoTime()));
    try {
      return Files.getPosixFilePermissions(probe);
    } finally {
      Files.delete(probe);
    }
  }

  @Test
  void zipsAndCachedFilesGetTheUmasksPermissions() throws IOException {
    Path out = tmp.resolve("target/uv-lambda/fn/deps.zip");
    buildLayer(out);
    Path src = tmp.resolve("src");
    Files.createDirectories(src);
    Files.writeString(src.resolve("handler.py"), "def handler(e, c): pass\n");
    Path code = tmp.resolve("target/uv-lambda/fn/code.zip");
    new CodePackager(BuildLog.SILENT).packageCode(TestRequests.code(src, "handler.handler", code));
    Set<PosixFilePermission> expected = umaskMode(tmp);
    assertThat(expected).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    List<Path> produced;
    try (Stream<Path> files = Stream.concat(Files.walk(cache), Files.walk(tmp.resolve("target")))) {
      produced = files.filter(Files::isRegularFile).toList();
    }
    assertThat(produced)
        .extracting(p -> p.getFileName().toString())
        .contains(
            "deps.zip",
            "deps.zip.json",
            "deps.zip.fingerprint",
            "code.zip",
            "code.zip.fingerprint",
            "demo-1.0-py3-none-any.whl");
    for (Path p : produced) {
      assertThat(Files.getPosixFilePermissions(p)).as(p.toString()).isEqualTo(expected);
    }
  }

  @Test
  void staleTemporaryFilesAreRemovedWhenTheCacheIsOpened() throws IOException {
    FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
    Path oldPart = cache.resolve("tmp/numpy-2.1.0-cp312-cp312-manylinux_2_17_aarch64.whl.x1.part");
    Path oldTmp = cache.resolve("layers/." + "0".repeat(64) + ".zipx2.tmp");
    Path youngPart = cache.resolve("tmp/demo-1.0-py3-none-any.whl.x3.part");
    Path unrelated = cache.resolve("tmp/notes.txt");
    for (Path p : List.of(oldPart, oldTmp, youngPart, unrelated)) {
      Files.createDirectories(p.getParent());
      Files.writeString(p, "partial");
    }
    Files.setLastModifiedTime(oldPart, twoHoursAgo);
    Files.setLastModifiedTime(oldTmp, twoHoursAgo);
    Files.setLastModifiedTime(unrelated, twoHoursAgo);

    buildLayer(tmp.resolve("target/deps.zip"));

    assertThat(oldPart).doesNotExist();
    assertThat(oldTmp).doesNotExist();
    assertThat(youngPart).exists(); // may belong to a build running now
    assertThat(unrelated).exists();
  }
}
