package io.github.uvlambda.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.uv.TomlFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Which packages and modules setuptools builds: explicit {@code packages} / {@code py-modules},
 * {@code packages.find} ({@code where}, {@code include}, {@code exclude}, {@code namespaces}), or
 * automatic discovery (explicit package-dir layout, src-layout, flat-layout) as documented in
 * https://setuptools.pypa.io/en/latest/userguide/package_discovery.html.
 */
final class SetuptoolsDiscovery {

  /** Directory names the flat-layout discovery never takes for a package. */
  private static final List<String> RESERVED_PACKAGES =
      List.of(
          "ci",
          "bin",
          "debian",
          "doc",
          "docs",
          "documentation",
          "manpages",
          "news",
          "newsfragments",
          "changelog",
          "test",
          "tests",
          "unit_test",
          "unit_tests",
          "example",
          "examples",
          "scripts",
          "tools",
          "util",
          "utils",
          "python",
          "build",
          "dist",
          "venv",
          "env",
          "requirements",
          "tasks",
          "fabfile",
          "site_scons",
          "benchmark",
          "benchmarks",
          "exercise",
          "exercises",
          "htmlcov",
          "[._]*");

  /** Module names the flat-layout discovery never takes for a module. */
  private static final List<String> RESERVED_MODULES =
      List.of(
          "setup",
          "conftest",
          "test",
          "tests",
          "example",
          "examples",
          "build",
          "toxfile",
          "noxfile",
          "pavement",
          "dodo",
          "tasks",
          "fabfile",
          "[Ss][Cc]onstruct",
          "conanfile",
          "manage",
          "benchmark",
          "benchmarks",
          "exercise",
          "exercises",
          "[._]*");

  record Found(List<String> packages, List<String> modules, Map<String, String> packageDir) {}

  Found discover(SourceTree tree, JsonNode cfg, Map<String, String> packageDirIn) {
    Map<String, String> packageDir = new LinkedHashMap<>(packageDirIn);
    JsonNode packages = cfg == null ? null : cfg.get("packages");
    List<String> modules = TomlFiles.strings(cfg, "py-modules");
    if (packages != null && packages.isArray()) {
      List<String> list = new ArrayList<>();
      packages.forEach(p -> list.add(p.asText()));
      return new Found(list, modules, packageDir);
    }
    if (packages != null && packages.has("find")) {
      return find(tree, packages.get("find"), modules, packageDir);
    }
    if (cfg != null && cfg.has("py-modules")) {
      return new Found(List.of(), modules, packageDir);
    }
    return automatic(tree, packageDir);
  }

  private Found find(SourceTree tree, JsonNode find, List<String> modules, Map<String, String> pd) {
    List<String> where = TomlFiles.strings(find, "where");
    if (where.isEmpty()) {
      where = List.of(".");
    }
    List<String> include = TomlFiles.strings(find, "include");
    List<String> exclude = new ArrayList<>(TomlFiles.strings(find, "exclude"));
    boolean namespaces = !find.has("namespaces") || find.get("namespaces").asBoolean();
    List<String> out = new ArrayList<>();
    for (String w : where) {
      String dir = w.equals(".") ? "" : w.replaceAll("/+$", "");
      out.addAll(
          packages(
              tree, dir, include.isEmpty() ? List.of("*") : include, exclude, namespaces, false));
    }
    if (where.size() == 1 && !where.get(0).equals(".")) {
      pd.putIfAbsent("", where.get(0).replaceAll("/+$", ""));
    }
    return new Found(out, modules, pd);
  }

  private Found automatic(SourceTree tree, Map<String, String> pd) {
    Map<String, String> explicit = new LinkedHashMap<>(pd);
    explicit.remove("");
    if (!explicit.isEmpty()) {
      List<String> out = new ArrayList<>();
      explicit.forEach(
          (pkg, dir) -> {
            out.add(pkg);
            packages(tree, dir, List.of("*"), List.of(), true, false)
                .forEach(n -> out.add(pkg + "." + n));
          });
      return new Found(out, List.of(), pd);
    }
    String src = pd.getOrDefault("", "src");
    if (tree.isDirectory(src) && !src.isEmpty()) {
      pd.putIfAbsent("", src);
      return new Found(
          packages(tree, src, List.of("*"), List.of(), true, false),
          modules(tree, src, List.of()),
          pd);
    }
    List<String> flat = packages(tree, "", List.of("*"), RESERVED_PACKAGES, true, true);
    List<String> top = new ArrayList<>();
    for (String p : flat) {
      if (p.split("\\.")[0].endsWith("-stubs")) {
        continue;
      }
      if (top.stream().noneMatch(t -> p.startsWith(t + "."))) {
        top.add(p);
      }
    }
    if (top.size() > 1) {
      throw multiple(tree, "packages", top);
    }
    if (!top.isEmpty()) {
      return new Found(flat, List.of(), pd);
    }
    List<String> mods = modules(tree, "", RESERVED_MODULES);
    if (mods.size() > 1) {
      throw multiple(tree, "modules", mods);
    }
    return new Found(List.of(), mods, pd);
  }

  private static UvLambdaException multiple(SourceTree tree, String kind, List<String> found) {
    return new UvLambdaException(
        tree.label()
            + ": setuptools finds multiple top-level "
            + kind
            + " in a flat layout "
            + found
            + " and refuses to guess. List them in [tool.setuptools] packages (or"
            + " packages.find include/exclude) in "
            + tree.pyprojectFile()
            + ", or move the code to a src/ directory.");
  }

  /** setuptools' package finders, walking {@code dir}; names are relative to it. */
  private static List<String> packages(
      SourceTree tree,
      String dir,
      List<String> include,
      List<String> exclude,
      boolean namespaces,
      boolean identifiersOnly) {
    List<String> out = new ArrayList<>();
    List<String> allExclude = new ArrayList<>(List.of("ez_setup", "*__pycache__"));
    for (String e : exclude) {
      allExclude.add(e);
      if (exclude == RESERVED_PACKAGES) {
        allExclude.add(e + ".*");
      }
    }
    walk(tree, dir, "", include, allExclude, namespaces, identifiersOnly, out);
    out.sort(null);
    return out;
  }

  private static void walk(
      SourceTree tree,
      String dir,
      String prefix,
      List<String> include,
      List<String> exclude,
      boolean namespaces,
      boolean identifiersOnly,
      List<String> out) {
    for (String name : tree.list(dir)) {
      String rel = SourceTree.join(dir, name);
      if (!tree.isDirectory(rel) || name.contains(".")) {
        continue;
      }
      String pkg = prefix.isEmpty() ? name : prefix + "." + name;
      boolean looksLike =
          namespaces
              ? (!identifiersOnly || validPackageName(pkg))
              : tree.isFile(SourceTree.join(rel, "__init__.py"));
      if (!looksLike) {
        continue;
      }
      if (matchesAny(include, pkg) && !matchesAny(exclude, pkg)) {
        out.add(pkg);
      }
      if (exclude.contains(pkg + "*") || exclude.contains(pkg + ".*")) {
        continue;
      }
      walk(tree, rel, pkg, include, exclude, namespaces, identifiersOnly, out);
    }
  }

  private static boolean validPackageName(String pkg) {
    String[] names = pkg.split("\\.");
    boolean root = SourceVersion.isIdentifier(names[0]) || names[0].endsWith("-stubs");
    for (int i = 1; i < names.length; i++) {
      root &= SourceVersion.isIdentifier(names[i]);
    }
    return root;
  }

  private static List<String> modules(SourceTree tree, String dir, List<String> exclude) {
    List<String> out = new ArrayList<>();
    for (String name : tree.list(dir)) {
      if (!name.endsWith(".py") || !tree.isFile(SourceTree.join(dir, name))) {
        continue;
      }
      String module = name.substring(0, name.length() - 3);
      if (SourceVersion.isIdentifier(module) && !matchesAny(exclude, module)) {
        out.add(module);
      }
    }
    return out;
  }

  /** Python's {@code fnmatch}: {@code *} matches anything, dots included. */
  static boolean matchesAny(List<String> patterns, String name) {
    for (String p : patterns) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < p.length(); i++) {
        char c = p.charAt(i);
        if (c == '*') {
          b.append(".*");
        } else if (c == '?') {
          b.append('.');
        } else if (c == '[' && p.indexOf(']', i + 1) > i) {
          int close = p.indexOf(']', i + 1);
          String body = p.substring(i + 1, close);
          b.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
          i = close;
        } else {
          b.append(Pattern.quote(String.valueOf(c)));
        }
      }
      if (name.matches(b.toString())) {
        return true;
      }
    }
    return false;
  }
}
