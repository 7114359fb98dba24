package io.github.uvlambda.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.PackageName;
import io.github.uvlambda.uv.TomlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * hatchling's wheel target (https://hatch.pypa.io/latest/config/build/ and
 * .../plugins/builder/wheel/): {@code include}, {@code exclude}, {@code packages}, {@code
 * only-include}, {@code sources}, {@code force-include}, {@code only-packages} and {@code
 * ignore-vcs}, read from {@code [tool.hatch.build.targets.wheel]} and else {@code
 * [tool.hatch.build]}; without a selection option, the default file selection ({@code
 * <name>/__init__.py}, {@code src/<name>/__init__.py}, {@code <name>.py}, {@code
 * <namespace>/<name>/__init__.py}). Patterns are gitignore-style; {@code *.py[cdo]}, {@code /dist}
 * and the root's {@code .gitignore} are always excluded.
 */
final class HatchlingRules implements BackendRules {
  static final Set<String> EXCLUDED_DIRECTORIES =
      Set.of(
          "__pycache__",
          ".venv",
          ".git",
          ".hg",
          ".hatch",
          ".tox",
          ".nox",
          ".ruff_cache",
          ".pytest_cache",
          ".mypy_cache",
          ".pixi");
  private static final Set<String> EXCLUDED_FILES = Set.of(".DS_Store", ".git");

  @Override
  public List<String> obstacles(SourceTree tree) {
    List<String> out = new ArrayList<>();
    for (JsonNode hooks :
        new JsonNode[] {
          tree.get("tool", "hatch", "build", "hooks"),
          tree.get("tool", "hatch", "build", "targets", "wheel", "hooks"),
          tree.get("tool", "hatch", "metadata", "hooks")
        }) {
      if (hooks != null && hooks.size() > 0) {
        out.add(
            "it uses hatch hooks (" + String.join(", ", TomlFiles.fields(hooks).keySet()) + ")");
      }
    }
    for (String unsupported : List.of("shared-data", "shared-scripts", "extra-metadata")) {
      if (option(tree, unsupported) != null) {
        out.add("it sets the hatch wheel option " + unsupported);
      }
    }
    return out;
  }

  @Override
  public String distributionFileName(String rawName) {
    return rawName.replaceAll("[^\\w\\d.]+", "_");
  }

  private static JsonNode option(SourceTree tree, String name) {
    JsonNode target = tree.get("tool", "hatch", "build", "targets", "wheel");
    if (target != null && target.has(name)) {
      return target.get(name);
    }
    JsonNode build = tree.get("tool", "hatch", "build");
    return build == null ? null : build.get(name);
  }

  private static List<String> strings(SourceTree tree, String name) {
    List<String> out = new ArrayList<>();
    JsonNode n = option(tree, name);
    if (n != null && n.isArray()) {
      n.forEach(e -> out.add(e.asText()));
    }
    return out;
  }

  @Override
  public WheelFiles select(SourceTree tree) {
    List<String> include = strings(tree, "include");
    List<String> exclude = strings(tree, "exclude");
    List<String> packages = new ArrayList<>(strings(tree, "packages"));
    List<String> onlyInclude = strings(tree, "only-include");
    if (include.isEmpty() && packages.isEmpty() && onlyInclude.isEmpty()) {
      defaultSelection(tree, packages, onlyInclude);
    }
    packages.replaceAll(HatchlingRules::trimSlashes);
    packages.sort(null);
    Map<String, String> sources = sources(tree, packages);

    List<String> includeLines = new ArrayList<>(include);
    packages.forEach(p -> includeLines.add("/" + p + "/"));
    PathPatterns includeSpec = includeLines.isEmpty() ? null : PathPatterns.of(includeLines);
    List<String> excludeLines = new ArrayList<>(List.of("*.py[cdo]", "/dist"));
    JsonNode ignoreVcs = option(tree, "ignore-vcs");
    if (ignoreVcs == null || !ignoreVcs.asBoolean()) {
      excludeLines.addAll(GitIgnoreFile.patterns(tree.root()));
    }
    excludeLines.addAll(exclude);
    PathPatterns excludeSpec = PathPatterns.of(excludeLines);
    JsonNode onlyPackagesNode = option(tree, "only-packages");
    boolean onlyPackages = onlyPackagesNode != null && onlyPackagesNode.asBoolean();

    SortedMap<String, Path> files = new TreeMap<>();
    List<String> candidates = new ArrayList<>();
    boolean explicit = !onlyInclude.isEmpty();
    if (explicit) {
      for (String p : onlyInclude) {
        String rel = trimSlashes(p);
        if (tree.isFile(rel)) {
          candidates.add(rel);
        } else if (tree.isDirectory(rel)) {
          candidates.addAll(tree.walk(rel, EXCLUDED_DIRECTORIES));
        }
      }
    } else {
      candidates.addAll(tree.walk("", EXCLUDED_DIRECTORIES));
    }
    for (String rel : candidates) {
      String name = rel.substring(rel.lastIndexOf('/') + 1);
      if (EXCLUDED_FILES.contains(name)) {
        continue;
      }
      String dir = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
      boolean isPackage = tree.isFile(SourceTree.join(dir, "__init__.py"));
      if (onlyPackages && !isPackage) {
        continue;
      }
      if (excludeSpec.matches(rel)) {
        continue;
      }
      if (!explicit && includeSpec != null && !includeSpec.matches(rel)) {
        continue;
      }
      files.put(distributionPath(rel, sources), tree.resolve(rel));
    }
    forceInclude(tree, sources, files);
    return WheelFiles.of(files);
  }

  private void defaultSelection(SourceTree tree, List<String> packages, List<String> onlyInclude) {
    String raw = tree.rawName();
    List<String> names = new ArrayList<>();
    names.add(distributionFileName(raw));
    names.add(distributionFileName(PackageName.normalize(raw)));
    for (String name : names) {
      if (tree.isFile(name + "/__init__.py")) {
        packages.add(name);
        return;
      }
      if (tree.isFile("src/" + name + "/__init__.py")) {
        packages.add("src/" + name);
        return;
      }
      if (tree.isFile(name + ".py")) {
        onlyInclude.add(name + ".py");
        return;
      }
      List<String> namespaces = new ArrayList<>();
      for (String top : tree.list("")) {
        if (tree.isFile(top + "/" + name + "/__init__.py")) {
          namespaces.add(top);
        }
      }
      if (namespaces.size() == 1) {
        packages.add(namespaces.get(0));
        return;
      }
    }
    throw new UvLambdaException(
        tree.label()
            + ": hatchling cannot tell which files to ship: there is no "
            + names.get(1)
            + "/__init__.py, src/"
            + names.get(1)
            + "/__init__.py or "
            + names.get(1)
            + ".py in "
            + tree.root()
            + ". Set packages = [\"src/<package>\"] under [tool.hatch.build.targets.wheel] in its"
            + " pyproject.toml.");
  }

  private static Map<String, String> sources(SourceTree tree, List<String> packages) {
    Map<String, String> sources = new LinkedHashMap<>();
    JsonNode node = option(tree, "sources");
    if (node != null && node.isArray()) {
      node.forEach(s -> sources.put(directory(s.asText()), ""));
    } else if (node != null && node.isObject()) {
      TomlFiles.fields(node)
          .forEach(
              (k, v) -> sources.put(k.isEmpty() ? "" : directory(k), directory(v.asText()).trim()));
    }
    for (String p : packages) {
      int slash = p.lastIndexOf('/');
      if (slash > 0 && !sources.containsKey(directory(p))) {
        sources.putIfAbsent(directory(p.substring(0, slash)), "");
      }
    }
    return new TreeMap<>(sources);
  }

  private static String distributionPath(String rel, Map<String, String> sources) {
    for (Map.Entry<String, String> s : sources.entrySet()) {
      if (s.getKey().isEmpty()) {
        return s.getValue() + rel;
      }
      if (rel.startsWith(s.getKey())) {
        return s.getValue() + rel.substring(s.getKey().length());
      }
    }
    return rel;
  }

  private static void forceInclude(
      SourceTree tree, Map<String, String> sources, SortedMap<String, Path> files) {
    TomlFiles.fields(option(tree, "force-include"))
        .forEach(
            (source, target) -> {
              Path from = tree.root().resolve(source).normalize();
              String to = trimSlashes(target.asText());
              if (Files.isRegularFile(from)) {
                files.put(distributionPath(to, sources), from);
              } else if (Files.isDirectory(from)) {
                SourceTree sub = new SourceTree(from, null, tree.label());
                for (String rel : sub.walk("", EXCLUDED_DIRECTORIES)) {
                  files.put(distributionPath(SourceTree.join(to, rel), sources), from.resolve(rel));
                }
              } else {
                throw new UvLambdaException(
                    tree.label()
                        + ": [tool.hatch.build] force-include names "
                        + source
                        + ", which does not exist in "
                        + tree.root()
                        + ".");
              }
            });
  }

  private static String trimSlashes(String p) {
    String s = p.replace('\\', '/');
    while (s.startsWith("./")) {
      s = s.substring(2);
    }
    while (s.startsWith("/")) {
      s = s.substring(1);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static String directory(String p) {
    String s = trimSlashes(p);
    return s.isEmpty() ? "" : s + "/";
  }

  /** hatchling's regex version source: {@code __version__ = "..."} in the configured path. */
  static String versionFromPath(SourceTree tree) {
    JsonNode v = tree.get("tool", "hatch", "version");
    if (v == null || (v.has("source") && !v.get("source").asText().equals("regex"))) {
      return null;
    }
    String path = TomlFiles.text(v, "path");
    if (path == null || !tree.isFile(path)) {
      return null;
    }
    String pattern = TomlFiles.text(v, "pattern");
    Matcher m =
        Pattern.compile(
                pattern != null
                    ? pattern.replace("(?P<", "(?<")
                    : "(?im)^(?:__version__|VERSION)\\s*(?::\\s*str\\s*)?=\\s*['\"](?<version>[^'\"]+)['\"]")
            .matcher(tree.read(path));
    return m.find() ? m.group("version") : null;
  }
}
