package io.github.uvlambda.uv;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.InvalidMarkerException;
import io.github.uvlambda.pep.Marker;
import io.github.uvlambda.pep.PackageName;
import io.github.uvlambda.pep.Requirement;
import io.github.uvlambda.pep.VersionSpecifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * One requirement in the form {@link LockChecker} compares: a line a pyproject.toml declares,
 * lowered the way uv stores it in the lock's {@code [package.metadata]} (normal names, sorted
 * extras, canonical specifiers, the source kind instead of its details, an extra folded into the
 * marker), or an entry the lock recorded.
 *
 * @param where the table it is declared in, e.g. {@code dependency group dev}
 * @param source {@code ""} (registry default), {@code index}, {@code local}, {@code url}, {@code
 *     git:<repository>} or {@code conditional} (several sources by marker)
 * @param display the requirement as the user wrote it (or as the lock has it), for messages
 */
record LockedRequirement(
    String where,
    PackageName name,
    List<String> extras,
    List<String> specifier,
    String source,
    Marker marker,
    String display) {

  static List<LockedRequirement> declaredAll(PyProject project, List<String> reqs, String where) {
    List<LockedRequirement> out = new ArrayList<>();
    for (String r : reqs) {
      out.addAll(declared(project, r, where, null));
    }
    return out;
  }

  static List<LockedRequirement> lockedAll(List<JsonNode> nodes, String where) {
    List<LockedRequirement> out = new ArrayList<>();
    for (JsonNode n : nodes) {
      out.add(locked(n, where));
    }
    return out;
  }

  static List<LockedRequirement> declared(
      PyProject project, String text, String where, String extra) {
    Requirement r;
    try {
      r = Requirement.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UvLambdaException(project.file() + ": " + where + ": " + e.getMessage());
    }
    Marker marker = r.marker();
    if (extra != null) {
      marker = marker.and(Marker.parse("extra == '" + extra + "'"));
    }
    String source = "";
    JsonNode s = project.sources().get(r.name().value());
    if (s != null) {
      source = s.isArray() ? "conditional" : declaredSource(s);
    } else if (r.url() != null) {
      source = r.url().startsWith("git+") ? "git:" + gitBase(r.url().substring(4)) : "url";
    }
    return List.of(
        new LockedRequirement(
            where, r.name(), r.extras(), r.specifiers().canonical(), source, marker, text.strip()));
  }

  private static String declaredSource(JsonNode s) {
    if (s.has("workspace") || s.has("path") || s.has("editable")) {
      return "local";
    }
    if (s.has("git")) {
      return "git:" + gitBase(s.get("git").asText());
    }
    if (s.has("url")) {
      return "url";
    }
    if (s.has("index")) {
      return "index";
    }
    return "";
  }

  static LockedRequirement locked(JsonNode n, String defaultWhere) {
    PackageName name = PackageName.of(TomlFiles.text(n, "name"));
    List<String> extras =
        new ArrayList<>(
            new TreeSet<>(
                TomlFiles.strings(n, "extras").stream().map(PackageName::normalize).toList()));
    String spec = TomlFiles.text(n, "specifier");
    List<String> specifier = spec == null ? List.of() : VersionSpecifiers.parse(spec).canonical();
    String markerText = TomlFiles.text(n, "marker");
    Marker marker;
    try {
      marker = Marker.parse(markerText);
    } catch (InvalidMarkerException e) {
      marker = Marker.TRUE;
    }
    String source = "";
    if (n.has("git")) {
      source = "git:" + gitBase(n.get("git").asText());
    } else if (n.has("url")) {
      source = "url";
    } else if (n.has("path") || n.has("directory") || n.has("editable") || n.has("virtual")) {
      source = "local";
    } else if (n.has("index")) {
      source = "index";
    }
    String where = defaultWhere;
    if (markerText != null) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("extra == '([^']+)'").matcher(markerText);
      if (m.find()) {
        where = "extra " + m.group(1);
      }
    }
    String display =
        name.value()
            + (extras.isEmpty() ? "" : "[" + String.join(",", extras) + "]")
            + (spec == null ? "" : spec)
            + (markerText == null ? "" : " ; " + markerText);
    return new LockedRequirement(where, name, extras, specifier, source, marker, display);
  }

  private static String gitBase(String url) {
    String u = url;
    int cut = u.length();
    for (char c : new char[] {'?', '#', '@'}) {
      int i = c == '@' ? u.indexOf('@', u.indexOf("://") + 3) : u.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    u = u.substring(0, cut).toLowerCase(Locale.ROOT);
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u.endsWith(".git") ? u.substring(0, u.length() - 4) : u;
  }
}
