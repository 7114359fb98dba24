package io.github.uvlambda.backend;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.archive.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The SHA-256 of a local package's source tree: every file's relative path and content, in name
 * order, leaving out what no backend ships and tools rewrite on their own (VCS metadata, virtual
 * environments, caches, bytecode, and the {@code build/}, {@code dist/} and {@code *.egg-info}
 * outputs of earlier builds). Editing any other file changes it.
 */
public final class TreeDigest {
  private static final Set<String> SKIPPED_DIRECTORIES =
      Set.of(
          ".git",
          ".hg",
          ".svn",
          ".venv",
          "venv",
          "__pycache__",
          ".tox",
          ".nox",
          ".mypy_cache",
          ".pytest_cache",
          ".ruff_cache",
          ".hatch",
          ".pixi",
          "node_modules",
          ".idea",
          ".vscode");
  private static final Set<String> SKIPPED_AT_ROOT = Set.of("build", "dist", "target");

  private TreeDigest() {}

  public static String of(Path root) {
    MessageDigest digest = Hashes.sha256();
    try {
      for (String rel : files(root, "")) {
        byte[] name = rel.getBytes(StandardCharsets.UTF_8);
        digest.update(name);
        digest.update((byte) 0);
        digest.update(Hashes.sha256(root.resolve(rel)));
      }
    } catch (IOException e) {
      throw new UvLambdaException("Cannot read the source tree " + root + ": " + e.getMessage(), e);
    }
    return Hashes.hex(digest.digest());
  }

  private static List<String> files(Path root, String dir) throws IOException {
    List<Path> children = new ArrayList<>();
    try (var s = Files.list(dir.isEmpty() ? root : root.resolve(dir))) {
      s.forEach(children::add);
    }
    children.sort(null);
    List<String> out = new ArrayList<>();
    for (Path child : children) {
      String name = child.getFileName().toString();
      String rel = dir.isEmpty() ? name : dir + "/" + name;
      if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        boolean skip =
            SKIPPED_DIRECTORIES.contains(name)
                || name.endsWith(".egg-info")
                || (dir.isEmpty() && SKIPPED_AT_ROOT.contains(name));
        if (!skip) {
          out.addAll(files(root, rel));
        }
      } else if (Files.isRegularFile(child) && !name.endsWith(".pyc")) {
        out.add(rel);
      }
    }
    return out;
  }
}
