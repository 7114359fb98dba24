package io.github.uvlambda.backend;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.uv.TomlFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flit_core (https://flit.pypa.io/en/stable/pyproject_toml.html): one module or package, named by
 * {@code [tool.flit.module] name} or else by the distribution name with {@code -} as {@code _},
 * found as {@code <name>/__init__.py}, {@code <name>.py}, or the same under {@code src/}; a package
 * ships every file below it except {@code __pycache__} and {@code *.pyc}. A dynamic version comes
 * from {@code __version__}, a dynamic description from the module docstring.
 */
final class FlitRules implements BackendRules {
  private static final Pattern DOCSTRING =
      Pattern.compile(
          "\\A(?:\\s*#[^\\n]*\\n|\\s*\\n)*\\s*[rRuU]?(\"\"\"|''')(.*?)\\1", Pattern.DOTALL);

  @Override
  public List<String> obstacles(SourceTree tree) {
    List<String> out = new ArrayList<>();
    if (tree.get("tool", "flit", "external-data") != null) {
      out.add("it ships [tool.flit.external-data]");
    }
    if (tree.project() == null) {
      out.add("its metadata is in the legacy [tool.flit.metadata] table, not [project]");
    }
    return out;
  }

  @Override
  public WheelFiles select(SourceTree tree) {
    String configured = TomlFiles.text(tree.get("tool", "flit", "module"), "name");
    String module = configured != null ? configured : tree.rawName().replace('-', '_');
    String path = module.replace('.', '/');
    List<String> found = new ArrayList<>();
    for (String base : List.of("", "src")) {
      for (String candidate : List.of(path + "/__init__.py", path + ".py")) {
        if (tree.isFile(SourceTree.join(base, candidate))) {
          found.add(SourceTree.join(base, candidate));
        }
      }
    }
    if (found.size() != 1) {
      throw new UvLambdaException(
          tree.label()
              + ": flit needs exactly one module named "
              + module
              + " ("
              + path
              + "/__init__.py or "
              + path
              + ".py, at the root or under src/), found "
              + (found.isEmpty() ? "none" : found)
              + " in "
              + tree.root()
              + ". Set [tool.flit.module] name in its pyproject.toml.");
    }
    String main = found.get(0);
    String base = main.startsWith("src/") ? "src" : "";
    SortedMap<String, java.nio.file.Path> files = new TreeMap<>();
    if (main.endsWith("/__init__.py")) {
      String dir = SourceTree.join(base, path);
      for (String rel : tree.walk(dir, Set.of("__pycache__"))) {
        if (!rel.endsWith(".pyc")) {
          files.put(base.isEmpty() ? rel : rel.substring(base.length() + 1), tree.resolve(rel));
        }
      }
    } else {
      files.put(path + ".py", tree.resolve(main));
    }
    String source = tree.read(main);
    return WheelFiles.of(files)
        .withDynamic(
            docstringSummary(source), SetuptoolsRules.literalAssignment(source, "__version__"));
  }

  static String docstringSummary(String source) {
    Matcher m = DOCSTRING.matcher(source);
    if (!m.find()) {
      return null;
    }
    String doc = m.group(2).strip();
    return doc.isEmpty() ? null : doc.lines().findFirst().orElse("").strip();
  }
}
