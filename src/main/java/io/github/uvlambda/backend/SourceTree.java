package io.github.uvlambda.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.uv.TomlFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A local package's source tree: its root directory and its {@code pyproject.toml}, as a build
 * backend sees them. Paths given to and returned by this class are relative to the root and use
 * {@code /}.
 *
 * @param label how messages name the package, e.g. {@code common (libs/common)}
 */
public record SourceTree(Path root, JsonNode pyproject, String label) {

  public static SourceTree read(Path root, String label) {
    Path file = root.resolve("pyproject.toml");
    if (!Files.isDirectory(root)) {
      throw new UvLambdaException(
          label + ": the source tree " + root + " does not exist. Run `uv lock` if it moved.");
    }
    JsonNode toml =
        Files.isRegularFile(file)
            ? TomlFiles.read(file, "", "Fix the TOML syntax of " + label + "'s pyproject.toml.")
            : null;
    return new SourceTree(root, toml, label);
  }

  public Path pyprojectFile() {
    return root.resolve("pyproject.toml");
  }

  /** A table or value of pyproject.toml, or null. */
  public JsonNode get(String... path) {
    return TomlFiles.path(pyproject, path);
  }

  public JsonNode project() {
    return get("project");
  }

  /** The {@code build-backend} of {@code [build-system]}, or null. */
  public String buildBackend() {
    return TomlFiles.text(get("build-system"), "build-backend");
  }

  public List<String> buildRequires() {
    return TomlFiles.strings(get("build-system"), "requires");
  }

  /** {@code [project].name} as written. */
  public String rawName() {
    return TomlFiles.text(project(), "name");
  }

  public Set<String> dynamic() {
    return new TreeSet<>(TomlFiles.strings(project(), "dynamic"));
  }

  public String text(JsonNode node, String field) {
    return TomlFiles.text(node, field);
  }

  public List<String> strings(JsonNode node, String field) {
    return TomlFiles.strings(node, field);
  }

  public boolean isFile(String relative) {
    return Files.isRegularFile(root.resolve(relative));
  }

  public boolean isDirectory(String relative) {
    return relative.isEmpty() || Files.isDirectory(root.resolve(relative));
  }

  public Path resolve(String relative) {
    return relative.isEmpty() ? root : root.resolve(relative);
  }

  public String read(String relative) {
    try {
      return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UvLambdaException(label + ": cannot read " + root.resolve(relative), e);
    }
  }

  /** The names in a directory of the tree, sorted; empty when it does not exist. */
  public List<String> list(String relativeDirectory) {
    Path dir = resolve(relativeDirectory);
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (var s = Files.list(dir)) {
      s.forEach(p -> out.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw new UvLambdaException(label + ": cannot list " + dir, e);
    }
    out.sort(null);
    return out;
  }

  /**
   * Every file below a directory of the tree (relative paths, depth-first in name order), skipping
   * directories whose name is in {@code skipDirectories}. Symbolic links to directories are not
   * followed.
   */
  public List<String> walk(String relativeDirectory, Set<String> skipDirectories) {
    List<String> out = new ArrayList<>();
    for (String name : list(relativeDirectory)) {
      String rel = join(relativeDirectory, name);
      Path p = resolve(rel);
      if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        if (!skipDirectories.contains(name)) {
          out.addAll(walk(rel, skipDirectories));
        }
      } else if (Files.isRegularFile(p)) {
        out.add(rel);
      }
    }
    return out;
  }

  /** Joins relative paths with {@code /}, treating "" and "." as the root. */
  public static String join(String parent, String child) {
    if (parent.isEmpty() || parent.equals(".")) {
      return child;
    }
    return child.isEmpty() ? parent : parent + "/" + child;
  }
}
