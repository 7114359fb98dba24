package io.github.uvlambda.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.PackageName;
import io.github.uvlambda.uv.TomlFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * uv's own backend, {@code uv_build} (https://docs.astral.sh/uv/concepts/build-backend/, settings
 * {@code [tool.uv.build-backend]}): the module {@code module-name} (default: the normalized
 * distribution name with {@code -} and {@code .} as {@code _}; dotted for a namespace, or a list)
 * under {@code module-root} (default {@code src}), which must hold an {@code __init__.py} unless
 * {@code namespace = true}; {@code wheel-exclude} globs, and by default {@code __pycache__}, {@code
 * *.pyc} and {@code *.pyo} excluded. uv_build supports no dynamic metadata.
 */
final class UvBuildRules implements BackendRules {

  private static JsonNode settings(SourceTree tree) {
    return tree.get("tool", "uv", "build-backend");
  }

  @Override
  public List<String> obstacles(SourceTree tree) {
    List<String> out = new ArrayList<>();
    JsonNode s = settings(tree);
    if (s != null && s.has("data") && s.get("data").size() > 0) {
      out.add("it ships [tool.uv.build-backend] data directories");
    }
    return out;
  }

  @Override
  public String distributionFileName(String rawName) {
    return PackageName.normalize(rawName).replace('-', '_');
  }

  @Override
  public WheelFiles select(SourceTree tree) {
    JsonNode s = settings(tree);
    String root = s != null && s.has("module-root") ? s.get("module-root").asText() : "src";
    root = root.equals(".") ? "" : root.replaceAll("/+$", "");
    List<String> modules = TomlFiles.strings(s, "module-name");
    if (modules.isEmpty()) {
      modules = List.of(distributionFileName(tree.rawName()));
    }
    boolean namespace = s != null && s.has("namespace") && s.get("namespace").asBoolean();
    boolean defaultExcludes =
        s == null || !s.has("default-excludes") || s.get("default-excludes").asBoolean();
    List<String> excludes = new ArrayList<>();
    if (defaultExcludes) {
      excludes.addAll(List.of("__pycache__", "*.pyc", "*.pyo"));
    }
    excludes.addAll(TomlFiles.strings(s, "wheel-exclude"));
    PathPatterns excluded = PathPatterns.of(excludes);
    SortedMap<String, java.nio.file.Path> files = new TreeMap<>();
    for (String module : modules) {
      String stem = module.replace("-stubs", "");
      String dir = SourceTree.join(root, module.replace('.', '/'));
      boolean stubs = module.split("\\.")[0].endsWith("-stubs");
      String init = dir + (stubs ? "/__init__.pyi" : "/__init__.py");
      if (!namespace && !tree.isFile(init)) {
        throw new UvLambdaException(
            tree.label()
                + ": uv_build expects the module "
                + stem
                + " at "
                + init
                + " in "
                + tree.root()
                + ". Set module-name / module-root under [tool.uv.build-backend] in its"
                + " pyproject.toml.");
      }
      for (String rel : tree.walk(dir, Set.of())) {
        String inWheel = root.isEmpty() ? rel : rel.substring(root.length() + 1);
        if (!excluded.matches(inWheel) && !excluded.matches(rel)) {
          files.put(inWheel, tree.resolve(rel));
        }
      }
    }
    return WheelFiles.of(files);
  }
}
