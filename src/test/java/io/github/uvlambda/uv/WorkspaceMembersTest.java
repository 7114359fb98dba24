package io.github.uvlambda.uv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.BuildLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workspace membership as uv finds it: members/exclude globs against the file system. */
class WorkspaceMembersTest {
  @TempDir Path root;

  private void write(String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private void member(String dir, String name) throws IOException {
    write(dir + "/pyproject.toml", "[project]\nname = \"" + name + "\"\nversion = \"1.0\"\n");
  }

  private com.fasterxml.jackson.databind.JsonNode workspace(String toml) throws IOException {
    write("pyproject.toml", toml);
    return TomlFiles.path(
        TomlFiles.read(root.resolve("pyproject.toml"), "", ""), "tool", "uv", "workspace");
  }

  @Test
  void membersGlobsAreExpandedMinusExcludesAndUnmanagedMembers() throws IOException {
    member("libs/Common_Lib", "Common_Lib");
    member("libs/models", "models");
    member("libs/scratch", "scratch");
    member("services/api", "api");
    write("libs/old/pyproject.toml", "[project]\nname = \"old\"\n\n[tool.uv]\nmanaged = false\n");
    var ws =
        workspace(
            "[tool.uv.workspace]\nmembers = [\"libs/*\", \"services/api\"]\nexclude = [\"libs/scratch\"]\n");
    assertThat(WorkspaceMembers.of(root, ws))
        .containsExactly(
            java.util.Map.entry("api", "services/api"),
            java.util.Map.entry("common-lib", "libs/Common_Lib"),
            java.util.Map.entry("models", "libs/models"));
  }

  @Test
  void aMatchedDirectoryWithoutPyprojectIsAnError() throws IOException {
    member("libs/a", "a");
    Files.createDirectories(root.resolve("libs/notes"));
    var ws = workspace("[tool.uv.workspace]\nmembers = [\"libs/*\"]\n");
    assertThatThrownBy(() -> WorkspaceMembers.of(root, ws))
        .hasMessageContaining("Workspace member libs/notes")
        .hasMessageContaining("has no pyproject.toml")
        .hasMessageContaining("exclude");
  }

  @Test
  void aNewMemberOnDiskMakesTheLockStale() throws IOException {
    member("libs/a", "a");
    member("libs/b", "b");
    workspace(
        "[project]\nname = \"root\"\nversion = \"0.1.0\"\ndependencies = []\n\n"
            + "[tool.uv.workspace]\nmembers = [\"libs/*\"]\n");
    write(
        "uv.lock",
        "version = 1\nrevision = 3\nrequires-python = \">=3.11\"\n\n[manifest]\nmembers = [\"a\", \"root\"]\n\n"
            + "[[package]]\nname = \"a\"\nversion = \"1.0\"\nsource = { editable = \"libs/a\" }\n\n"
            + "[[package]]\nname = \"root\"\nversion = \"0.1.0\"\nsource = { virtual = \".\" }\n");
    var diffs =
        new LockChecker()
            .differences(
                PyProject.read(root.resolve("pyproject.toml")),
                new LockReader(BuildLog.SILENT)
                    .read(root.resolve("uv.lock"), Files.readAllBytes(root.resolve("uv.lock"))));
    assertThat(diffs)
        .contains("workspace member 'b' (libs/b) is not in uv.lock's [manifest] members");
  }
}
