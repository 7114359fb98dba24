package io.github.uvlambda.uv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.PackageName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockReaderTest {
  @TempDir Path dir;

  private UvLock read(String toml) throws Exception {
    Path f = dir.resolve("uv.lock");
    Files.writeString(f, toml, StandardCharsets.UTF_8);
    return new LockReader(BuildLog.SILENT).read(f);
  }

  @Test
  void readsOldSpellingsAndMissingRevision() throws Exception {
    UvLock lock =
        read(
            """
            version = 1
            requires-python = ">=3.9"

            [[distribution]]
            name = "App"
            source = { editable = "." }
            dependencies = [{ name = "Typing_Extensions" }]

            [distribution.dependency-groups]
            Dev_Tools = [{ name = "pytest" }]

            [distribution.metadata]
            requires-dist = [{ name = "typing-extensions" }]

            [distribution.metadata.dependency-groups]
            dev-tools = [{ name = "pytest" }]

            [[distribution]]
            name = "typing-extensions"
            version = "4.12.2"
            source = { registry = "https://pypi.org/simple" }

            [[distribution]]
            name = "pytest"
            version = "8.3.3"
            source = { registry = "https://pypi.org/simple" }
            """);
    assertThat(lock.revision()).isZero();
    LockPackage app = lock.root().orElseThrow();
    assertThat(app.version()).isNull();
    assertThat(app.dependencyGroups()).containsKey("dev-tools");
    assertThat(app.metadata().requiresDev()).containsKey("dev-tools");
    assertThat(app.metadata().providesExtras()).isNull();
    assertThat(app.dependencies().get(0).target().name())
        .isEqualTo(PackageName.of("typing-extensions"));
  }

  @Test
  void malformedTomlNamesTheFileAndLine() {
    assertThatThrownBy(() -> read("version = 1\n\n[[package]\nname = \"x\"\n"))
        .isInstanceOf(UvLambdaException.class)
        .hasMessageContaining("uv.lock is not valid TOML near line 4")
        .hasMessageContaining("Fix it, or regenerate it with `uv lock`");
  }

  @Test
  void anotherSchemaVersionIsRefused() {
    assertThatThrownBy(() -> read("version = 2\n"))
        .hasMessageContaining("has lock schema version 2")
        .hasMessageContaining("reads version 1");
  }

  @Test
  void aMissingLockSaysToRunUvLock() {
    assertThatThrownBy(() -> new LockReader(BuildLog.SILENT).read(dir.resolve("uv.lock")))
        .hasMessageContaining("uv.lock does not exist")
        .hasMessageContaining("Run `uv lock` in " + dir);
  }

  @Test
  void edgesMustPointToExactlyOnePackage() {
    String base =
        """
        version = 1
        revision = 3
        requires-python = ">=3.9"

        [[package]]
        name = "a"
        version = "1.0"
        source = { registry = "https://pypi.org/simple" }
        dependencies = [{ name = "b" }]
        """;
    assertThatThrownBy(() -> read(base))
        .hasMessageContaining(
            "[[package]] a 1.0 (dependencies) depends on b, which the lock does not contain");
    assertThatThrownBy(
            () ->
                read(
                    base
                        + """

                        [[package]]
                        name = "b"
                        version = "1.0"
                        source = { registry = "https://pypi.org/simple" }

                        [[package]]
                        name = "b"
                        version = "2.0"
                        source = { registry = "https://pypi.org/simple" }
                        """))
        .hasMessageContaining("depends on b, which matches 2 locked packages");
  }

  @Test
  void newerRevisionsAreReadWithAWarning() throws Exception {
    List<String> warnings = new ArrayList<>();
    BuildLog log =
        new BuildLog() {
          @Override
          public void debug(String m) {}

          @Override
          public void info(String m) {}

          @Override
          public void warn(String m) {
            warnings.add(m);
          }
        };
    Path f = dir.resolve("uv.lock");
    Files.writeString(f, "version = 1\nrevision = 7\nrequires-python = \">=3.9\"\n");
    new LockReader(log).read(f);
    assertThat(warnings).singleElement().asString().contains("lock revision 7");
  }
}
