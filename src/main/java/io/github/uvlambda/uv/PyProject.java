package io.github.uvlambda.uv;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.PackageName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the plugin needs from a {@code pyproject.toml}: the project, its dependency groups (PEP 735,
 * names normalized, {@code include-group} expanded) and the {@code [tool.uv]} settings that change
 * what uv locks and exports.
 *
 * @param projectName normalized {@code [project].name}, or null for a non-project workspace root
 * @param dynamic the {@code [project].dynamic} fields, which only a build backend can compute
 * @param dependencyGroups every group with its requirements, includes expanded, keyed by normalized
 *     name in declaration order; the legacy {@code tool.uv.dev-dependencies} are merged into {@code
 *     dev}
 * @param defaultGroups {@code tool.uv.default-groups}: null when absent (uv then uses {@code
 *     ["dev"]}), or the list, or {@code ["all"]}
 * @param sources {@code tool.uv.sources}, keyed by normalized package name
 * @param conflicts {@code tool.uv.conflicts}, each item encoded as uv encodes it in markers
 */
public record PyProject(
    Path file,
    String projectName,
    String version,
    Set<String> dynamic,
    String requiresPython,
    List<String> dependencies,
    Map<String, List<String>> optionalDependencies,
    Map<String, List<String>> dependencyGroups,
    List<String> defaultGroups,
    boolean defaultGroupsAll,
    Map<String, JsonNode> sources,
    List<String> constraintDependencies,
    List<String> overrideDependencies,
    List<String> workspaceMembers,
    Map<String, String> indexUrls,
    List<List<String>> conflicts) {

  public static final String FILE_NAME = "pyproject.toml";

  public static PyProject read(Path file) {
    JsonNode root =
        TomlFiles.read(
            file,
            "Each lambdasDir needs the pyproject.toml that declares the functions' dependency groups.",
            "Fix the TOML syntax.");
    JsonNode project = root.get("project");
    JsonNode toolUv = TomlFiles.path(root, "tool", "uv");

    String name = null;
    String version = null;
    Set<String> dynamic = new java.util.TreeSet<>();
    String requiresPython = null;
    List<String> dependencies = new ArrayList<>();
    Map<String, List<String>> optional = new LinkedHashMap<>();
    if (project != null) {
      String rawName = TomlFiles.text(project, "name");
      if (rawName == null || !PackageName.isValid(rawName)) {
        throw new UvLambdaException(
            file
                + ": [project] needs a valid name (found "
                + rawName
                + "). Set name = \"my-lambdas\".");
      }
      name = PackageName.normalize(rawName);
      version = TomlFiles.text(project, "version");
      dynamic.addAll(TomlFiles.strings(project, "dynamic"));
      requiresPython = TomlFiles.text(project, "requires-python");
      dependencies.addAll(TomlFiles.strings(project, "dependencies"));
      TomlFiles.fields(project.get("optional-dependencies"))
          .forEach(
              (k, v) -> {
                List<String> reqs = new ArrayList<>();
                v.forEach(e -> reqs.add(e.asText()));
                optional.put(PackageName.normalize(k), reqs);
              });
    }

    Map<String, List<String>> groups = readGroups(file, root.get("dependency-groups"));
    List<String> legacyDev = TomlFiles.strings(toolUv, "dev-dependencies");
    if (!legacyDev.isEmpty()) {
      List<String> dev = new ArrayList<>(legacyDev);
      dev.addAll(groups.getOrDefault("dev", List.of()));
      groups.put("dev", dev);
    }

    DefaultGroups defaults = defaultGroups(file, toolUv);
    Map<String, JsonNode> sources = new LinkedHashMap<>();
    TomlFiles.fields(toolUv == null ? null : toolUv.get("sources"))
        .forEach((k, v) -> sources.put(PackageName.normalize(k), v));
    return new PyProject(
        file,
        name,
        version,
        Set.copyOf(dynamic),
        requiresPython,
        List.copyOf(dependencies),
        optional,
        groups,
        defaults.names(),
        defaults.all(),
        sources,
        TomlFiles.strings(toolUv, "constraint-dependencies"),
        TomlFiles.strings(toolUv, "override-dependencies"),
        TomlFiles.strings(TomlFiles.path(toolUv, "workspace"), "members"),
        indexes(toolUv),
        conflicts(name, toolUv == null ? null : toolUv.get("conflicts")));
  }

  /** {@code tool.uv.default-groups}: null when unset, {@code all = true} for "all". */
  private record DefaultGroups(List<String> names, boolean all) {}

  private static DefaultGroups defaultGroups(Path file, JsonNode toolUv) {
    JsonNode dg = toolUv == null ? null : toolUv.get("default-groups");
    if (dg == null) {
      return new DefaultGroups(null, false);
    }
    if (dg.isTextual()) {
      if (!dg.asText().equals("all")) {
        throw new UvLambdaException(
            file
                + ": tool.uv.default-groups must be \"all\" or a list of group names, not \""
                + dg.asText()
                + "\".");
      }
      return new DefaultGroups(List.of("all"), true);
    }
    List<String> names = new ArrayList<>();
    for (JsonNode g : dg) {
      names.add(PackageName.normalize(g.asText()));
    }
    return new DefaultGroups(names, false);
  }

  /** {@code [[tool.uv.index]]}: each named index's URL. */
  private static Map<String, String> indexes(JsonNode toolUv) {
    Map<String, String> indexes = new LinkedHashMap<>();
    JsonNode idx = toolUv == null ? null : toolUv.get("index");
    if (idx != null && idx.isArray()) {
      for (JsonNode i : idx) {
        String n = TomlFiles.text(i, "name");
        String u = TomlFiles.text(i, "url");
        if (n != null && u != null) {
          indexes.put(n, u);
        }
      }
    }
    return indexes;
  }

  private static List<List<String>> conflicts(String project, JsonNode node) {
    List<List<String>> out = new ArrayList<>();
    if (node == null || !node.isArray()) {
      return out;
    }
    for (JsonNode set : node) {
      List<String> items = new ArrayList<>();
      for (JsonNode item : set) {
        String pkg = item.has("package") ? item.get("package").asText() : project;
        if (pkg == null) {
          continue;
        }
        items.add(ConflictEncoding.item(pkg, item));
      }
      out.add(items);
    }
    return out;
  }

  private static Map<String, List<String>> readGroups(Path file, JsonNode table) {
    Map<String, JsonNode> raw = new LinkedHashMap<>();
    TomlFiles.fields(table).forEach((k, v) -> raw.put(PackageName.normalize(k), v));
    Map<String, List<String>> resolved = new LinkedHashMap<>();
    for (String group : raw.keySet()) {
      resolved.put(group, expand(file, group, raw, new HashSet<>()));
    }
    return resolved;
  }

  private static List<String> expand(
      Path file, String group, Map<String, JsonNode> raw, Set<String> visiting) {
    if (!visiting.add(group)) {
      throw new UvLambdaException(
          file
              + ": [dependency-groups] includes form a cycle through '"
              + group
              + "'. Remove one of the include-group entries.");
    }
    List<String> out = new ArrayList<>();
    JsonNode entries = raw.get(group);
    if (entries != null) {
      for (JsonNode e : entries) {
        if (e.isTextual()) {
          out.add(e.asText());
        } else if (e.has("include-group")) {
          String included = PackageName.normalize(e.get("include-group").asText());
          if (!raw.containsKey(included)) {
            throw new UvLambdaException(
                file
                    + ": group '"
                    + group
                    + "' includes group '"
                    + included
                    + "', which [dependency-groups] does not define.");
          }
          out.addAll(expand(file, included, raw, visiting));
        }
      }
    }
    visiting.remove(group);
    return out;
  }

  /** Whether the project defines this (normalized) dependency group. */
  public boolean hasGroup(String normalizedGroup) {
    return dependencyGroups.containsKey(normalizedGroup);
  }

  /** The groups uv selects by default: {@code tool.uv.default-groups}, else {@code dev}. */
  public List<String> effectiveDefaultGroups() {
    if (defaultGroupsAll) {
      return List.copyOf(dependencyGroups.keySet());
    }
    return defaultGroups == null ? List.of("dev") : defaultGroups;
  }
}
