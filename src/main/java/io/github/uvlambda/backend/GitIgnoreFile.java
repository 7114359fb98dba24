package io.github.uvlambda.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code .gitignore} patterns that apply to a source tree, as hatchling and poetry-core read
 * them: the tree's own file, or the nearest one above it inside the same git work tree.
 */
final class GitIgnoreFile {
  private GitIgnoreFile() {}

  /** The root's {@code .gitignore}, or the nearest above it up to the repository's top. */
  static List<String> patterns(Path root) {
    for (Path dir = root.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path file = dir.resolve(".gitignore");
      if (Files.isRegularFile(file)) {
        try {
          List<String> lines = Files.readAllLines(file);
          return dir.equals(root.toAbsolutePath().normalize()) ? lines : relativeTo(lines);
        } catch (IOException e) {
          return List.of();
        }
      }
      if (Files.exists(dir.resolve(".git"))) {
        break;
      }
    }
    return List.of();
  }

  /** Patterns of a .gitignore above the root are kept only where they cannot be anchored. */
  private static List<String> relativeTo(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      String t = l.strip();
      String body = t.startsWith("!") ? t.substring(1) : t;
      String withoutTrailing = body.endsWith("/") ? body.substring(0, body.length() - 1) : body;
      if (!withoutTrailing.contains("/")) {
        out.add(t);
      }
    }
    return out;
  }

  /** Whether the tree is inside a git work tree (a {@code .git} at or above its root). */
  static boolean insideWorkTree(Path root) {
    for (Path d = root.toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return true;
      }
    }
    return false;
  }
}
