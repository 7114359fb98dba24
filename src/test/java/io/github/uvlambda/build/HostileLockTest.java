package io.github.uvlambda.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.testing.TestProject;
import io.github.uvlambda.testing.TestWheel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11, hole 4: lock values are data, not paths. A hostile uv.lock is refused while it is
 * read, naming the package and the line, and touches nothing outside the cache.
 */
class HostileLockTest {
  @TempDir Path tmp;
  TestProject project;
  Path lockFile;
  String lock;
  String sha;
  Path cache;
  Path victim;

  @BeforeEach
  void project() throws IOException {
    project =
        new TestProject(tmp.resolve("lambdas"))
            .add("demo", "1.0", new TestWheel("demo", "1.0").file("demo/__init__.py", "V = 1\n"));
    project.write();
    lockFile = project.dir().resolve("uv.lock");
    lock = Files.readString(lockFile);
    Matcher m = Pattern.compile("sha256:([0-9a-f]{64})").matcher(lock);
    assertThat(m.find()).isTrue();
    sha = m.group(1);
    cache = tmp.resolve("cache");
    // What a "sha256:../victim" used to reach: a file beside the cache's wheel folders.
    victim = tmp.resolve("victim/demo-1.0-py3-none-any.whl");
    Files.createDirectories(victim.getParent());
    Files.writeString(victim, "precious\n");
  }

  private void build() {
    new LayerBuilder(BuildLog.SILENT)
        .build(TestRequests.layer(project, tmp.resolve("target/deps.zip"), cache));
  }

  private int lineOf(String text) {
    return lock.substring(0, lock.indexOf(text)).split("\n", -1).length;
  }

  private void assertRefusedWithoutTouchingAnything(String... fragments) throws IOException {
    assertThatThrownBy(this::build)
        .isInstanceOf(UvLambdaException.class)
        .hasMessageContainingAll(fragments)
        .hasMessageContaining("Regenerate");
    assertThat(victim).hasContent("precious\n");
    assertThat(tmp.resolve("target/deps.zip")).doesNotExist();
    if (Files.exists(cache)) {
      try (Stream<Path> files = Files.walk(cache)) {
        assertThat(files.filter(Files::isRegularFile)).isEmpty();
      }
    }
  }

  @Test
  void aHashThatClimbsOutOfTheCacheIsRefused() throws IOException {
    String hostile = "sha256:../../victim";
    lock = lock.replace("sha256:" + sha, hostile);
    Files.writeString(lockFile, lock);
    assertRefusedWithoutTouchingAnything(
        lockFile
            + " line "
            + lineOf(hostile)
            + ": [[package]] demo 1.0, wheel has the hash '"
            + hostile
            + "'",
        "64 digits");
  }

  @Test
  void aHashOfTheWrongLengthOrCaseIsRefused() throws IOException {
    lock = lock.replace("sha256:" + sha, "sha256:" + sha.toUpperCase());
    Files.writeString(lockFile, lock);
    assertRefusedWithoutTouchingAnything("[[package]] demo 1.0, wheel has the hash 'sha256:");
    lock = lock.replace("sha256:" + sha.toUpperCase(), "sha256:" + sha.substring(1));
    Files.writeString(lockFile, lock);
    assertRefusedWithoutTouchingAnything("lowercase hex");
  }

  @Test
  void aFileNameWithAPathIsRefused() throws IOException {
    String hostile = "../../victim/demo-1.0-py3-none-any.whl";
    lock =
        lock.replace(
            "{ url = \"https://files.example.invalid/packages/demo-1.0-py3-none-any.whl\"",
            "{ url = \"https://files.example.invalid/packages/x.whl\", filename = \""
                + hostile
                + "\"");
    Files.writeString(lockFile, lock);
    assertRefusedWithoutTouchingAnything(
        "line " + lineOf(hostile) + ": [[package]] demo 1.0, wheel has the file name '" + hostile,
        "without any path");
  }

  @Test
  void aFileNameWithASlashFromTheUrlIsRefused() throws IOException {
    lock =
        lock.replace(
            "packages/demo-1.0-py3-none-any.whl", "packages/..%2Fdemo-1.0-py3-none-any.whl");
    Files.writeString(lockFile, lock);
    assertRefusedWithoutTouchingAnything(
        "[[package]] demo 1.0, wheel has the file name '../demo-1.0-py3-none-any.whl'");
  }

  @Test
  void aWellFormedHashOfAnotherAlgorithmNamesThePackage() throws IOException {
    lock = lock.replace("sha256:" + sha, "sha512:" + sha + sha);
    Files.writeString(lockFile, lock);
    assertRefusedWithoutTouchingAnything(
        "uv.lock has no sha256 hash for demo 1.0 (demo-1.0-py3-none-any.whl: only a sha512 hash)");
  }
}
