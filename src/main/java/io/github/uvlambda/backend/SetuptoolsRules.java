package io.github.uvlambda.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.uv.TomlFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * setuptools configured in pyproject.toml only
 * (https://setuptools.pypa.io/en/latest/userguide/pyproject_config.html and
 * .../package_discovery.html): {@code [tool.setuptools]} {@code packages} (a list, or {@code
 * find}), {@code package-dir}, {@code py-modules}, {@code package-data}, {@code
 * exclude-package-data}; otherwise automatic discovery of the src-layout, then the flat-layout
 * (reserved names skipped, a single top-level package or module). A package ships its {@code *.py}
 * files, its package-data globs and, always, {@code py.typed} and {@code *.pyi}. setuptools also
 * writes {@code top_level.txt}.
 */
final class SetuptoolsRules implements BackendRules {
  private final SetuptoolsDiscovery discovery = new SetuptoolsDiscovery();

  @Override
  public List<String> obstacles(SourceTree tree) {
    List<String> out = new ArrayList<>();
    if (tree.isFile("setup.py") && !trivialSetupPy(tree.read("setup.py"))) {
      out.add("its setup.py runs code");
    }
    if (tree.isFile("setup.cfg") && tree.read("setup.cfg").matches("(?s).*^\\[options[.\\]].*")) {
      out.add("its setup.cfg configures [options]");
    }
    JsonNode cfg = tree.get("tool", "setuptools");
    for (String unsupported :
        List.of("ext-modules", "cmdclass", "data-files", "script-files", "namespace-packages")) {
      if (cfg != null && cfg.has(unsupported)) {
        out.add(
            unsupported.equals("ext-modules")
                ? "it compiles extension modules ([tool.setuptools] ext-modules)"
                : "it sets [tool.setuptools] " + unsupported);
      }
    }
    boolean includePackageData =
        cfg == null
            || !cfg.has("include-package-data")
            || cfg.get("include-package-data").asBoolean();
    if (tree.isFile("MANIFEST.in") && includePackageData) {
      out.add("its MANIFEST.in adds package data (include-package-data)");
    }
    for (String plugin : List.of("setuptools-scm", "setuptools_scm", "setuptools-rust", "cython")) {
      if (tree.buildRequires().stream().anyMatch(r -> r.toLowerCase().startsWith(plugin))) {
        out.add("its [build-system] requires the plugin " + plugin);
      }
    }
    return out;
  }

  /** A setup.py that only calls {@code setup()} with no arguments. */
  static boolean trivialSetupPy(String text) {
    String code =
        text.replaceAll("(?m)#.*$", "")
            .replaceAll(
                "(?m)^\\s*(from\\s+setuptools\\s+import\\s+setup|import\\s+setuptools)\\s*$", "")
            .replaceAll("(?m)^\\s*if\\s+__name__\\s*==\\s*['\"]__main__['\"]\\s*:\\s*$", "")
            .replaceAll("\\s+", "");
    return code.equals("setup()") || code.equals("setuptools.setup()") || code.isEmpty();
  }

  @Override
  public WheelFiles select(SourceTree tree) {
    JsonNode cfg = tree.get("tool", "setuptools");
    Map<String, String> packageDir = new LinkedHashMap<>();
    TomlFiles.fields(cfg == null ? null : cfg.get("package-dir"))
        .forEach((k, v) -> packageDir.put(k, trim(v.asText())));
    SetuptoolsDiscovery.Found found = discovery.discover(tree, cfg, packageDir);

    SortedMap<String, java.nio.file.Path> files = new TreeMap<>();
    Map<String, List<String>> data = globs(cfg, "package-data");
    Map<String, List<String>> excludeData = globs(cfg, "exclude-package-data");
    for (String pkg : found.packages()) {
      String dir = directoryOf(pkg, found.packageDir());
      if (!tree.isDirectory(dir)) {
        throw new UvLambdaException(
            tree.label() + ": setuptools package '" + pkg + "' has no directory " + dir + ".");
      }
      String target = pkg.replace('.', '/');
      for (String name : tree.list(dir)) {
        if (name.endsWith(".py") && tree.isFile(SourceTree.join(dir, name))) {
          files.put(target + "/" + name, tree.resolve(SourceTree.join(dir, name)));
        }
      }
      List<String> patterns = new ArrayList<>(List.of("*.pyi", "py.typed"));
      patterns.addAll(data.getOrDefault("", List.of()));
      patterns.addAll(data.getOrDefault("*", List.of()));
      patterns.addAll(data.getOrDefault(pkg, List.of()));
      List<String> excluded = new ArrayList<>(excludeData.getOrDefault("", List.of()));
      excluded.addAll(excludeData.getOrDefault("*", List.of()));
      excluded.addAll(excludeData.getOrDefault(pkg, List.of()));
      for (String rel : tree.walk(dir, Set.of())) {
        String inPackage = dir.isEmpty() ? rel : rel.substring(dir.length() + 1);
        if (matchesAny(patterns, inPackage) && !matchesAny(excluded, inPackage)) {
          files.put(target + "/" + inPackage, tree.resolve(rel));
        }
      }
    }
    Set<String> topLevel = new TreeSet<>();
    for (String module : found.modules()) {
      String dir = directoryOf("", found.packageDir());
      String rel = SourceTree.join(dir, module.replace('.', '/') + ".py");
      if (!tree.isFile(rel)) {
        throw new UvLambdaException(
            tree.label() + ": setuptools py-module '" + module + "' has no file " + rel + ".");
      }
      files.put(module.replace('.', '/') + ".py", tree.resolve(rel));
      topLevel.add(module.split("\\.")[0]);
    }
    found.packages().forEach(p -> topLevel.add(p.split("\\.")[0]));
    return WheelFiles.of(files)
        .withTopLevel(new ArrayList<>(topLevel))
        .withDynamic(null, version(tree, cfg, found));
  }

  /** Where setuptools looks for a package: the longest {@code package-dir} prefix wins. */
  static String directoryOf(String pkg, Map<String, String> packageDir) {
    String[] parts = pkg.isEmpty() ? new String[0] : pkg.split("\\.");
    for (int n = parts.length; n >= 0; n--) {
      String prefix = String.join(".", java.util.Arrays.copyOf(parts, n));
      if (packageDir.containsKey(prefix)) {
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, n, parts.length));
        return SourceTree.join(packageDir.get(prefix), rest);
      }
    }
    return String.join("/", parts);
  }

  private static Map<String, List<String>> globs(JsonNode cfg, String table) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    TomlFiles.fields(cfg == null ? null : cfg.get(table))
        .forEach(
            (k, v) -> {
              List<String> l = new ArrayList<>();
              v.forEach(e -> l.add(e.asText()));
              out.put(k, l);
            });
    return out;
  }

  /** distutils-style globs relative to the package directory ({@code *} stays in one directory). */
  private static boolean matchesAny(List<String> globs, String path) {
    for (String g : globs) {
      String regex = PathPatterns.regex("/" + g.replace('\\', '/'));
      if (path.matches(regex.endsWith("/?") ? regex.substring(0, regex.length() - 2) : regex)) {
        return true;
      }
    }
    return false;
  }

  private static String trim(String p) {
    String s = p.replace('\\', '/');
    while (s.startsWith("./")) {
      s = s.substring(2);
    }
    return s.equals(".") ? "" : s.replaceAll("/+$", "");
  }

  /** {@code [tool.setuptools.dynamic] version = { attr = "pkg.__version__" }} or {@code file}. */
  private static String version(SourceTree tree, JsonNode cfg, SetuptoolsDiscovery.Found found) {
    JsonNode v = TomlFiles.path(cfg, "dynamic", "version");
    if (v == null) {
      return null;
    }
    if (v.has("file")) {
      List<String> files = TomlFiles.strings(v, "file");
      return files.size() == 1 && tree.isFile(files.get(0))
          ? tree.read(files.get(0)).strip()
          : null;
    }
    String attr = TomlFiles.text(v, "attr");
    if (attr == null || !attr.contains(".")) {
      return null;
    }
    String module = attr.substring(0, attr.lastIndexOf('.'));
    String name = attr.substring(attr.lastIndexOf('.') + 1);
    String base = directoryOf(module, found.packageDir());
    for (String candidate : List.of(base + "/__init__.py", base + ".py")) {
      if (tree.isFile(candidate)) {
        return literalAssignment(tree.read(candidate), name);
      }
    }
    return null;
  }

  /** The string literal assigned to a module-level name, as setuptools reads it without import. */
  static String literalAssignment(String source, String name) {
    Matcher m =
        Pattern.compile(
                "(?m)^"
                    + Pattern.quote(name)
                    + "\\s*(?::\\s*str\\s*)?=\\s*(['\"])([^'\"\\n]*)\\1\\s*(#.*)?$")
            .matcher(source);
    return m.find() ? m.group(2) : null;
  }
}
