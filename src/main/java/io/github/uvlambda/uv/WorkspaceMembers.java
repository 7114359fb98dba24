package io.github.uvlambda.uv;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.PackageName;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The members of a uv workspace as uv finds them: the {@code [tool.uv.workspace] members} globs
 * expanded against the file system, minus the {@code exclude} globs, each matched directory holding
 * a {@code pyproject.toml}; a member that says {@code [tool.uv] managed = false} is left out, as uv
 * leaves it out.
 */
public final class WorkspaceMembers {
  private WorkspaceMembers() {}

  /**
   * The members of the workspace rooted at {@code root}: normalized name → directory relative to
   * the root (with {@code /}). Empty when the pyproject declares no workspace.
   */
  public static Map<String, String> of(Path root, JsonNode workspace) {
    Map<String, String> out = new TreeMap<>();
    List<String> members = TomlFiles.strings(workspace, "members");
    if (members.isEmpty()) {
      return out;
    }
    List<PathMatcher> include = matchers(members);
    List<PathMatcher> exclude = matchers(TomlFiles.strings(workspace, "exclude"));
    List<Path> dirs = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root, maxDepth(members))) {
      walk.filter(Files::isDirectory).forEach(dirs::add);
    } catch (IOException e) {
      throw new UvLambdaException("Cannot list the workspace " + root + ": " + e.getMessage(), e);
    }
    for (Path dir : dirs) {
      Path rel = root.relativize(dir);
      if (rel.toString().isEmpty()
          || include.stream().noneMatch(m -> m.matches(rel))
          || exclude.stream().anyMatch(m -> m.matches(rel))) {
        continue;
      }
      String relative = rel.toString().replace('\\', '/');
      Path file = dir.resolve(PyProject.FILE_NAME);
      if (!Files.isRegularFile(file)) {
        throw new UvLambdaException(
            "Workspace member "
                + relative
                + " (matched by [tool.uv.workspace] members in "
                + root.resolve(PyProject.FILE_NAME)
                + ") has no pyproject.toml. Add one, or leave the directory out with"
                + " [tool.uv.workspace] exclude.");
      }
      JsonNode toml = TomlFiles.read(file, "", "Fix the TOML syntax.");
      JsonNode managed = TomlFiles.path(toml, "tool", "uv", "managed");
      if (managed != null && !managed.asBoolean()) {
        continue;
      }
      String name = TomlFiles.text(toml.get("project"), "name");
      if (name == null) {
        throw new UvLambdaException(
            file
                + ": a workspace member needs [project] name. Set name = \""
                + dir.getFileName()
                + "\".");
      }
      out.put(PackageName.normalize(name), relative);
    }
    return out;
  }

  private static int maxDepth(List<String> globs) {
    int depth = 1;
    for (String g : globs) {
      if (g.contains("**")) {
        return Integer.MAX_VALUE;
      }
      depth = Math.max(depth, g.split("/").length);
    }
    return depth;
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    List<PathMatcher> out = new ArrayList<>();
    for (String g : globs) {
      String glob = g.replace('\\', '/');
      while (glob.startsWith("./")) {
        glob = glob.substring(2);
      }
      glob = glob.replaceAll("/+$", "");
      out.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
    }
    return out;
  }
}
