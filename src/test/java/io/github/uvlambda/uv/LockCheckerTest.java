package io.github.uvlambda.uv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uvlambda.BuildLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of change to pyproject.toml that `uv lock --check` notices, and how it is reported. */
class LockCheckerTest {
  @TempDir Path dir;

  private List<String> afterEditing(UnaryOperator<String> edit) throws IOException {
    Path src = LockExporterTest.DIR;
    Files.copy(
        src.resolve("uv.lock"),
        dir.resolve("uv.lock"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(
        dir.resolve("pyproject.toml"), edit.apply(Files.readString(src.resolve("pyproject.toml"))));
    return new LockChecker()
        .differences(
            PyProject.read(dir.resolve("pyproject.toml")),
            new LockReader(BuildLog.SILENT).read(dir.resolve("uv.lock")));
  }

  @Test
  void unchangedIsClean() throws IOException {
    assertThat(afterEditing(s -> s)).isEmpty();
  }

  @Test
  void spellingAndOrderDoNotMatter() throws IOException {
    assertThat(
            afterEditing(
                s ->
                    s.replace("\"numpy>=1.26\"", "\"NumPy >= 1.26.0\"")
                        .replace(
                            "\"winonly ; sys_platform == 'win32'\"",
                            "\"winonly; \\\"win32\\\" == sys_platform\"")))
        .isEmpty();
    assertThat(afterEditing(s -> s.replace("\"numpy>=1.26\"", "\"numpy>1.26\"")))
        .containsExactly(
            "pyproject declares numpy>1.26 in [project.dependencies] of proj; uv.lock was made from numpy>=1.26");
  }

  @Test
  void requirementChangesAreNamedWithTheirGroupOrExtra() throws IOException {
    assertThat(afterEditing(s -> s.replace("gpu = [\"torch==2.0.0\"]", "gpu = [\"torch==2.1.0\"]")))
        .containsExactly(
            "pyproject declares torch==2.1.0 in group gpu of proj; uv.lock was made from torch==2.0.0");
    assertThat(afterEditing(s -> s.replace("web = [\"httpx[http2]\"]", "web = [\"httpx\"]")))
        .containsExactly(
            "pyproject declares httpx in extra web of proj; uv.lock was made from httpx[http2] ; extra == 'web'");
    assertThat(afterEditing(s -> s.replace("dev = [\"pytest\"]", "dev = [\"pytest\", \"ruff\"]")))
        .containsExactly(
            "pyproject declares ruff in group dev of proj, which uv.lock does not have");
    assertThat(afterEditing(s -> s.replace("\"anyio\", ", "")))
        .containsExactly(
            "uv.lock was made with anyio in [project.dependencies] of proj, which pyproject.toml no longer declares");
  }

  @Test
  void groupsExtrasVersionAndRequiresPython() throws IOException {
    assertThat(afterEditing(s -> s.replace("gpu = [\"torch==2.0.0\"]\n", "")))
        .contains(
            "uv.lock has dependency group 'gpu' of proj, which pyproject.toml no longer defines");
    assertThat(afterEditing(s -> s.replace("version = \"1.0.0\"", "version = \"1.1.0\"")))
        .containsExactly("pyproject.toml gives proj version 1.1.0; uv.lock has version 1.0.0");
    assertThat(
            afterEditing(
                s -> s.replace("requires-python = \">=3.11\"", "requires-python = \">=3.12\"")))
        .containsExactly(
            "requires-python is >=3.12 in pyproject.toml; uv.lock was made for >=3.11");
    assertThat(
            afterEditing(
                s -> s.replace("conflicts = [[{ extra = \"cpu\" }, { group = \"gpu\" }]]", "")))
        .singleElement()
        .asString()
        .startsWith("tool.uv.conflicts is []");
  }

  @Test
  void aRequirementThatCanNeverApplyIsIgnoredAsUvDoes() throws IOException {
    // requires-python >= 3.11: a requirement only for older Pythons is not in the lock, and need
    // not be.
    assertThat(
            afterEditing(
                s ->
                    s.replace(
                        "dev = [\"pytest\"]",
                        "dev = [\"pytest\", \"tomli ; python_version < '3.11'\"]")))
        .isEmpty();
  }
}
