package io.github.uvlambda.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.Requirement;
import io.github.uvlambda.uv.TomlFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A wheel's {@code METADATA} (core metadata 2.4, https://packaging.python.org/specifications/
 * core-metadata/) from {@code [project]} as PEP 621 maps it: name, version, summary, URLs, authors
 * and maintainers, license expression or text, license files, keywords, classifiers,
 * Requires-Python, Requires-Dist (each extra's with {@code extra == "x"}), Provides-Extra and the
 * readme as the description.
 */
final class CoreMetadata {
  private CoreMetadata() {}

  static String render(SourceTree tree, String version, String summary, List<String> licenseFiles) {
    JsonNode p = tree.project();
    StringBuilder b = new StringBuilder();
    field(b, "Metadata-Version", "2.4");
    field(b, "Name", tree.rawName());
    field(b, "Version", version);
    field(b, "Summary", summary != null ? summary : TomlFiles.text(p, "description"));
    TomlFiles.fields(p.get("urls"))
        .forEach((k, v) -> field(b, "Project-URL", k + ", " + v.asText()));
    people(b, p.get("authors"), "Author");
    people(b, p.get("maintainers"), "Maintainer");
    JsonNode license = p.get("license");
    if (license != null && license.isTextual()) {
      field(b, "License-Expression", license.asText());
    } else if (license != null && license.has("text")) {
      field(b, "License", license.get("text").asText());
    }
    licenseFiles.forEach(f -> field(b, "License-File", f));
    List<String> keywords = TomlFiles.strings(p, "keywords");
    if (!keywords.isEmpty()) {
      field(b, "Keywords", String.join(",", keywords));
    }
    TomlFiles.strings(p, "classifiers").forEach(c -> field(b, "Classifier", c));
    field(b, "Requires-Python", TomlFiles.text(p, "requires-python"));
    for (String r : TomlFiles.strings(p, "dependencies")) {
      field(b, "Requires-Dist", requirement(tree, r, null));
    }
    TomlFiles.fields(p.get("optional-dependencies"))
        .forEach(
            (extra, reqs) -> {
              String name = extra.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
              field(b, "Provides-Extra", name);
              reqs.forEach(r -> field(b, "Requires-Dist", requirement(tree, r.asText(), name)));
            });
    Readme readme = readme(tree, p.get("readme"));
    if (readme != null) {
      field(b, "Description-Content-Type", readme.contentType());
      b.append('\n').append(readme.text());
    }
    return b.toString();
  }

  private record Readme(String text, String contentType) {}

  private static Readme readme(SourceTree tree, JsonNode readme) {
    if (readme == null) {
      return null;
    }
    String file = readme.isTextual() ? readme.asText() : TomlFiles.text(readme, "file");
    String text = file != null ? tree.read(file) : TomlFiles.text(readme, "text");
    String type = readme.isTextual() ? null : TomlFiles.text(readme, "content-type");
    if (type == null) {
      String lower = file == null ? "" : file.toLowerCase(Locale.ROOT);
      type =
          lower.endsWith(".md")
              ? "text/markdown"
              : lower.endsWith(".rst") ? "text/x-rst" : "text/plain";
    }
    return text == null ? null : new Readme(text, type);
  }

  private static void people(StringBuilder b, JsonNode list, String field) {
    if (list == null) {
      return;
    }
    List<String> names = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    for (JsonNode a : list) {
      String name = TomlFiles.text(a, "name");
      String email = TomlFiles.text(a, "email");
      if (email != null) {
        emails.add(name == null ? email : name + " <" + email + ">");
      } else if (name != null) {
        names.add(name);
      }
    }
    if (!names.isEmpty()) {
      field(b, field, String.join(", ", names));
    }
    if (!emails.isEmpty()) {
      field(b, field + "-email", String.join(", ", emails));
    }
  }

  /** The requirement as written, with the extra's condition added to its marker. */
  static String requirement(SourceTree tree, String text, String extra) {
    try {
      Requirement.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UvLambdaException(
          tree.label()
              + ": "
              + tree.pyprojectFile()
              + " has an invalid requirement: "
              + e.getMessage());
    }
    int semi = text.indexOf(';');
    String req = (semi < 0 ? text : text.substring(0, semi)).strip();
    String marker = semi < 0 ? "" : text.substring(semi + 1).strip();
    if (extra == null) {
      return marker.isEmpty() ? req : req + "; " + marker;
    }
    String condition = "extra == \"" + extra + "\"";
    return req + "; " + (marker.isEmpty() ? condition : "(" + marker + ") and " + condition);
  }

  private static void field(StringBuilder b, String name, String value) {
    if (value == null) {
      return;
    }
    if (value.contains("\n")) {
      value = value.strip().replace("\n", "\n        ");
    }
    b.append(name).append(": ").append(value).append('\n');
  }
}
