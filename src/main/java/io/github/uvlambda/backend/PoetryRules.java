package io.github.uvlambda.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.uv.TomlFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * poetry-core with PEP 621 metadata (https://python-poetry.org/docs/pyproject/#packages): {@code
 * [tool.poetry] packages} ({@code include}, {@code from}, {@code to}, {@code format}), or else the
 * package or module named after the project, at the root or under {@code src/}; everything below a
 * package except {@code __pycache__} and {@code *.pyc}, minus {@code [tool.poetry] exclude} and,
 * inside a git work tree, the files {@code .gitignore} ignores; plus {@code [tool.poetry] include}
 * entries whose format names the wheel.
 */
final class PoetryRules implements BackendRules {

  @Override
  public List<String> obstacles(SourceTree tree) {
    List<String> out = new ArrayList<>();
    if (tree.project() == null) {
      out.add("its metadata is in [tool.poetry] (Poetry 1 style), not in [project]");
    }
    JsonNode build = tree.get("tool", "poetry", "build");
    if (build != null || tree.get("tool", "poetry", "build-script") != null) {
      out.add("it runs a poetry build script ([tool.poetry.build])");
    }
    return out;
  }

  @Override
  public WheelFiles select(SourceTree tree) {
    JsonNode poetry = tree.get("tool", "poetry");
    List<String> excludes = new ArrayList<>();
    TomlFiles.strings(poetry, "exclude").forEach(e -> excludes.add("/" + e));
    if (GitIgnoreFile.insideWorkTree(tree.root())) {
      excludes.addAll(GitIgnoreFile.patterns(tree.root()));
    }
    PathPatterns excluded = PathPatterns.of(excludes);
    SortedMap<String, java.nio.file.Path> files = new TreeMap<>();
    JsonNode packages = poetry == null ? null : poetry.get("packages");
    if (packages != null && packages.isArray()) {
      for (JsonNode p : packages) {
        if (forWheel(p)) {
          add(
              tree,
              TomlFiles.text(p, "include"),
              TomlFiles.text(p, "from"),
              TomlFiles.text(p, "to"),
              excluded,
              files);
        }
      }
    } else {
      String module = tree.rawName().replaceAll("[-_.]+", "_").toLowerCase(Locale.ROOT);
      String from = null;
      for (String base : List.of("", "src")) {
        String dir = SourceTree.join(base, module);
        if (tree.isFile(dir + "/__init__.py") || tree.isFile(dir + ".py")) {
          from = base;
          break;
        }
      }
      if (from == null) {
        throw new UvLambdaException(
            tree.label()
                + ": poetry-core finds no package "
                + module
                + " (nor "
                + module
                + ".py) at the root or under src/ of "
                + tree.root()
                + ". Declare it in [tool.poetry] packages.");
      }
      add(
          tree,
          tree.isFile(SourceTree.join(from, module) + ".py") ? module + ".py" : module,
          from,
          null,
          excluded,
          files);
    }
    JsonNode include = poetry == null ? null : poetry.get("include");
    if (include != null && include.isArray()) {
      for (JsonNode i : include) {
        if (i.isObject() && i.has("format") && forWheel(i)) {
          add(tree, TomlFiles.text(i, "path"), null, null, excluded, files);
        }
      }
    }
    return WheelFiles.of(files);
  }

  private static boolean forWheel(JsonNode entry) {
    return !entry.has("format") || TomlFiles.strings(entry, "format").contains("wheel");
  }

  private static void add(
      SourceTree tree,
      String include,
      String from,
      String to,
      PathPatterns excluded,
      SortedMap<String, java.nio.file.Path> files) {
    String base = from == null || from.equals(".") ? "" : from.replaceAll("/+$", "");
    String pattern = SourceTree.join(base, include.replaceAll("/+$", ""));
    List<String> matched = new ArrayList<>();
    if (tree.isDirectory(pattern)) {
      matched.addAll(tree.walk(pattern, Set.of("__pycache__")));
    } else if (tree.isFile(pattern)) {
      matched.add(pattern);
    } else {
      PathPatterns glob = PathPatterns.of(List.of("/" + pattern));
      for (String rel : tree.walk(base, Set.of("__pycache__", ".git", ".venv"))) {
        if (glob.matches(rel)) {
          matched.add(rel);
        }
      }
    }
    if (matched.isEmpty()) {
      throw new UvLambdaException(
          tree.label()
              + ": [tool.poetry] packages names "
              + pattern
              + ", which matches no file in "
              + tree.root()
              + ".");
    }
    for (String rel : matched) {
      if (rel.endsWith(".pyc") || excluded.matches(rel)) {
        continue;
      }
      String inWheel = base.isEmpty() ? rel : rel.substring(base.length() + 1);
      files.put(
          to == null ? inWheel : SourceTree.join(to.replaceAll("/+$", ""), inWheel),
          tree.resolve(rel));
    }
  }
}
