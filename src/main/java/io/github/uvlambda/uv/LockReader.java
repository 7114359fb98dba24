package io.github.uvlambda.uv;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.InvalidMarkerException;
import io.github.uvlambda.pep.Marker;
import io.github.uvlambda.pep.PackageName;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code uv.lock} into a {@link UvLock}. Accepts schema version 1 with revision 0 (absent) to
 * 4 and the older spellings uv still reads: {@code [[distribution]]}, {@code dependency-groups} for
 * {@code dev-dependencies} and {@code requires-dev}, a missing {@code version} on source trees, no
 * {@code [package.metadata]}.
 */
public final class LockReader {
  /** The newest lock revision this reader knows; newer ones are read with a warning. */
  public static final int KNOWN_REVISION = 4;

  private static final String REGENERATE = "Regenerate it with `uv lock`.";

  private final BuildLog log;

  public LockReader(BuildLog log) {
    this.log = log;
  }

  public UvLock read(Path file) {
    byte[] bytes = TomlFiles.bytes(file, "Run `uv lock` in " + file.getParent() + " to create it.");
    return parse(
        file,
        TomlFiles.parse(file, bytes, "Fix it, or regenerate it with `uv lock`."),
        new LockValues(file, new String(bytes, StandardCharsets.UTF_8)));
  }

  public UvLock read(Path file, byte[] bytes) {
    return parse(
        file,
        TomlFiles.parse(file, bytes, REGENERATE),
        new LockValues(file, new String(bytes, StandardCharsets.UTF_8)));
  }

  private UvLock parse(Path file, JsonNode root, LockValues values) {
    int version = schemaVersion(file, root);
    int revision = revision(file, root);
    JsonNode packagesNode = root.has("package") ? root.get("package") : root.get("distribution");
    List<JsonNode> rawPackages = new ArrayList<>();
    if (packagesNode != null) {
      packagesNode.forEach(rawPackages::add);
    }

    // First pass: identities.
    List<PackageId> ids = new ArrayList<>();
    Map<PackageName, List<PackageId>> byName = new HashMap<>();
    for (JsonNode p : rawPackages) {
      PackageId id = packageId(file, p);
      ids.add(id);
      byName.computeIfAbsent(id.name(), k -> new ArrayList<>()).add(id);
    }

    // Second pass: edges and artifacts.
    List<LockPackage> packages = new ArrayList<>();
    Map<PackageId, LockPackage> byId = new LinkedHashMap<>();
    for (int i = 0; i < rawPackages.size(); i++) {
      LockPackage pkg = lockPackage(file, rawPackages.get(i), ids.get(i), byName, values);
      if (byId.put(pkg.id(), pkg) != null) {
        throw new UvLambdaException(
            file + " lists " + pkg.id() + " twice. The file is damaged. " + REGENERATE);
      }
      packages.add(pkg);
    }

    JsonNode manifest = root.get("manifest");
    List<PackageName> members = new ArrayList<>();
    for (String m : TomlFiles.strings(manifest, "members")) {
      members.add(PackageName.of(m));
    }
    Map<String, List<JsonNode>> manifestGroups = new LinkedHashMap<>();
    TomlFiles.fields(manifest == null ? null : manifest.get("dependency-groups"))
        .forEach((k, v) -> manifestGroups.put(PackageName.normalize(k), list(v)));

    return new UvLock(
        file,
        version,
        revision,
        TomlFiles.text(root, "requires-python"),
        TomlFiles.strings(root, "resolution-markers"),
        TomlFiles.strings(root, "supported-markers"),
        members,
        list(manifest == null ? null : manifest.get("requirements")),
        manifestGroups,
        list(manifest == null ? null : manifest.get("constraints")),
        list(manifest == null ? null : manifest.get("overrides")),
        conflicts(root),
        packages,
        byId);
  }

  /** The lock schema's version, which must be 1 (uv 0.4 and later). */
  private static int schemaVersion(Path file, JsonNode root) {
    JsonNode versionNode = root.get("version");
    if (versionNode == null || !versionNode.canConvertToInt()) {
      throw new UvLambdaException(
          file
              + " has no lock schema version (version = 1): it is not a uv lock file. "
              + REGENERATE);
    }
    int version = versionNode.asInt();
    if (version != 1) {
      throw new UvLambdaException(
          file
              + " has lock schema version "
              + version
              + ", but this plugin reads version 1 (the format of uv 0.4 and later). "
              + "Regenerate it with a uv that writes version 1: `uv lock`.");
    }
    return version;
  }

  /**
   * The lock's revision; a newer one than this plugin knows is read as uv would, with a warning.
   */
  private int revision(Path file, JsonNode root) {
    int revision = root.has("revision") ? root.get("revision").asInt() : 0;
    if (revision > KNOWN_REVISION) {
      log.warn(
          file
              + " has lock revision "
              + revision
              + "; this plugin knows revisions up to "
              + KNOWN_REVISION
              + " and reads it the way uv does, ignoring unknown fields.");
    }
    return revision;
  }

  /** One {@code [[package]]}: its edges to the packages named in {@code byName}, its artifacts. */
  private LockPackage lockPackage(
      Path file,
      JsonNode p,
      PackageId id,
      Map<PackageName, List<PackageId>> byName,
      LockValues values) {
    String where = "[[package]] " + id.name() + (id.version() == null ? "" : " " + id.version());
    List<LockDependency> deps = edges(file, where, "dependencies", p.get("dependencies"), byName);
    Map<String, List<LockDependency>> optional = new LinkedHashMap<>();
    TomlFiles.fields(p.get("optional-dependencies"))
        .forEach(
            (k, v) ->
                optional.put(
                    PackageName.normalize(k),
                    edges(file, where, "optional-dependencies." + k, v, byName)));
    Map<String, List<LockDependency>> groups = new LinkedHashMap<>();
    JsonNode groupsNode =
        p.has("dev-dependencies") ? p.get("dev-dependencies") : p.get("dependency-groups");
    TomlFiles.fields(groupsNode)
        .forEach(
            (k, v) ->
                groups.put(
                    PackageName.normalize(k),
                    edges(file, where, "dev-dependencies." + k, v, byName)));
    LockArtifact sdist =
        p.has("sdist") ? artifact(p.get("sdist"), values, where + ", sdist", false) : null;
    List<LockArtifact> wheels = new ArrayList<>();
    if (p.has("wheels")) {
      for (JsonNode w : p.get("wheels")) {
        wheels.add(artifact(w, values, where + ", wheel", true));
      }
    }
    return new LockPackage(
        id,
        deps,
        optional,
        groups,
        sdist,
        wheels,
        metadata(p.get("metadata")),
        TomlFiles.strings(p, "resolution-markers"));
  }

  /** {@code conflicts}: each set of extras and groups that cannot be installed together. */
  private static List<List<String>> conflicts(JsonNode root) {
    List<List<String>> conflicts = new ArrayList<>();
    JsonNode conflictsNode = root.get("conflicts");
    if (conflictsNode != null) {
      for (JsonNode set : conflictsNode) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : set) {
          items.add(
              ConflictEncoding.item(PackageName.normalize(TomlFiles.text(item, "package")), item));
        }
        conflicts.add(items);
      }
    }
    return conflicts;
  }

  private static List<JsonNode> list(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(out::add);
    }
    return out;
  }

  private static PackageId packageId(Path file, JsonNode p) {
    String rawName = TomlFiles.text(p, "name");
    if (rawName == null || !PackageName.isValid(rawName)) {
      throw new UvLambdaException(
          file + " has a [[package]] without a valid name (" + rawName + "). " + REGENERATE);
    }
    PackageName name = PackageName.of(rawName);
    LockSource source = source(file, "[[package]] " + name, p.get("source"));
    String version = TomlFiles.text(p, "version");
    if (version == null && source.kind() == LockSource.Kind.REGISTRY) {
      throw new UvLambdaException(
          file + ": registry package " + name + " has no version. " + REGENERATE);
    }
    return new PackageId(name, version, source);
  }

  static LockSource source(Path file, String where, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new UvLambdaException(file + ": " + where + " has no source. " + REGENERATE);
    }
    String sub = TomlFiles.text(node, "subdirectory");
    for (LockSource.Kind kind : LockSource.Kind.values()) {
      String value = TomlFiles.text(node, kind.key());
      if (value != null) {
        return new LockSource(kind, value, sub);
      }
    }
    throw new UvLambdaException(
        file + ": " + where + " has a source of unknown kind " + node + ". " + REGENERATE);
  }

  private static List<LockDependency> edges(
      Path file,
      String where,
      String table,
      JsonNode node,
      Map<PackageName, List<PackageId>> byName) {
    List<LockDependency> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    for (JsonNode d : node) {
      String rawName = TomlFiles.text(d, "name");
      PackageName name = PackageName.of(rawName);
      String version = TomlFiles.text(d, "version");
      LockSource source = d.has("source") ? source(file, where, d.get("source")) : null;
      List<PackageId> candidates =
          byName.getOrDefault(name, List.of()).stream()
              .filter(id -> version == null || version.equals(id.version()))
              .filter(id -> source == null || source.equals(id.source()))
              .toList();
      String edge =
          file
              + ": "
              + where
              + " ("
              + table
              + ") depends on "
              + name
              + (version == null ? "" : " " + version)
              + (source == null ? "" : " from " + source);
      if (candidates.isEmpty()) {
        throw new UvLambdaException(
            edge
                + ", which the lock does not contain. The file is damaged or was edited by hand. "
                + REGENERATE);
      }
      if (candidates.size() > 1) {
        throw new UvLambdaException(
            edge
                + ", which matches "
                + candidates.size()
                + " locked packages "
                + candidates
                + "; uv writes version and source on such edges. "
                + REGENERATE);
      }
      Marker marker;
      String markerText = TomlFiles.text(d, "marker");
      try {
        marker = Marker.parse(markerText);
      } catch (InvalidMarkerException e) {
        throw new UvLambdaException(
            file
                + ": "
                + where
                + " ("
                + table
                + ") has an invalid marker on "
                + name
                + ": "
                + e.getMessage()
                + ". "
                + REGENERATE);
      }
      List<String> extras = new ArrayList<>();
      for (String e : TomlFiles.strings(d, "extra")) {
        extras.add(PackageName.normalize(e));
      }
      out.add(new LockDependency(candidates.get(0), extras, marker));
    }
    return out;
  }

  private static LockArtifact artifact(
      JsonNode node, LockValues values, String where, boolean wheel) {
    String url = TomlFiles.text(node, "url");
    String path = TomlFiles.text(node, "path");
    String filename = TomlFiles.text(node, "filename");
    if (filename == null) {
      String ref = url != null ? url : path;
      if (ref != null) {
        String noQuery = ref.replaceAll("[?#].*$", "");
        filename =
            URLDecoder.decode(
                noQuery.substring(noQuery.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
      }
    }
    long size = node.has("size") ? node.get("size").asLong() : -1;
    return new LockArtifact(
        values.filename(filename, where, wheel),
        url,
        path,
        values.hash(TomlFiles.text(node, "hash"), where),
        size);
  }

  private static LockMetadata metadata(JsonNode node) {
    if (node == null) {
      return null;
    }
    Map<String, List<JsonNode>> dev = new LinkedHashMap<>();
    JsonNode devNode =
        node.has("requires-dev") ? node.get("requires-dev") : node.get("dependency-groups");
    TomlFiles.fields(devNode).forEach((k, v) -> dev.put(PackageName.normalize(k), list(v)));
    List<String> provides =
        node.has("provides-extras") ? TomlFiles.strings(node, "provides-extras") : null;
    return new LockMetadata(list(node.get("requires-dist")), dev, provides);
  }
}
