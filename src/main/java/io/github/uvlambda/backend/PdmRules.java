package io.github.uvlambda.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uvlambda.uv.TomlFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * pdm-backend (https://backend.pdm-project.org/build_config/): {@code [tool.pdm.build]} {@code
 * package-dir} (default {@code src} when it exists, else the root), {@code includes} and {@code
 * excludes} globs (a directory means everything below it; when a file matches both, the pattern
 * with more path parts and fewer wildcards wins, and excludes win ties); without includes, every
 * top-level package of package-dir with its data files, or else its top-level {@code *.py}; {@code
 * *.pyc}, {@code __pycache__} and {@code build/} are always excluded; files are placed relative to
 * package-dir.
 */
final class PdmRules implements BackendRules {

  @Override
  public List<String> obstacles(SourceTree tree) {
    List<String> out = new ArrayList<>();
    JsonNode build = tree.get("tool", "pdm", "build");
    String hook = TomlFiles.text(build, "custom-hook");
    if (tree.isFile(hook == null ? "pdm_build.py" : hook)) {
      out.add("it has a pdm build hook (" + (hook == null ? "pdm_build.py" : hook) + ")");
    }
    if (build != null && build.has("run-setuptools") && build.get("run-setuptools").asBoolean()) {
      out.add("it sets [tool.pdm.build] run-setuptools");
    }
    return out;
  }

  @Override
  public WheelFiles select(SourceTree tree) {
    JsonNode build = tree.get("tool", "pdm", "build");
    String packageDir = TomlFiles.text(build, "package-dir");
    if (packageDir == null) {
      packageDir = tree.isDirectory("src") ? "src" : "";
    }
    packageDir = packageDir.equals(".") ? "" : packageDir.replaceAll("/+$", "");
    List<String> includes = TomlFiles.strings(build, "includes");
    List<String> excludes = new ArrayList<>(TomlFiles.strings(build, "excludes"));
    if (includes.isEmpty()) {
      includes = new ArrayList<>();
      for (String name : tree.list(packageDir)) {
        String rel = SourceTree.join(packageDir, name);
        if (tree.isFile(rel + "/__init__.py")) {
          includes.add(rel);
        }
      }
      if (includes.isEmpty()) {
        includes.add(SourceTree.join(packageDir, "*.py"));
      }
      excludes.add("tests");
    }
    SortedMap<String, java.nio.file.Path> files = new TreeMap<>();
    for (String rel : tree.walk("", Set.of("__pycache__", ".git", ".venv", "build"))) {
      if (rel.endsWith(".pyc")) {
        continue;
      }
      int inc = bestMatch(includes, rel);
      int exc = bestMatch(excludes, rel);
      if (inc < 0 || (exc >= 0 && exc >= inc)) {
        continue;
      }
      String inWheel =
          !packageDir.isEmpty() && rel.startsWith(packageDir + "/")
              ? rel.substring(packageDir.length() + 1)
              : rel;
      files.put(inWheel, tree.resolve(rel));
    }
    return WheelFiles.of(files);
  }

  /** The specificity of the most specific matching pattern, or -1. */
  private static int bestMatch(List<String> patterns, String rel) {
    int best = -1;
    for (String p : patterns) {
      String anchored = "/" + p.replaceAll("^/+", "");
      if (PathPatterns.of(List.of(anchored)).matches(rel)) {
        int parts = p.split("/").length;
        int wildcards = (int) p.chars().filter(c -> c == '*' || c == '?' || c == '[').count();
        best = Math.max(best, parts * 100 - wildcards);
      }
    }
    return best;
  }
}
