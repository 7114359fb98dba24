package io.github.uvlambda.uv;

import io.github.uvlambda.pep.PackageName;
import java.nio.charset.StandardCharsets;

/**
 * uv's encoding of conflict items as pseudo-extras in markers: {@code extra-<len>-<pkg>-<extra>},
 * {@code group-<len>-<pkg>-<group>} and {@code project-<len>-<pkg>}, where len is the byte length
 * of the normalized package name.
 */
public final class ConflictEncoding {
  private ConflictEncoding() {}

  public static String extra(String pkg, String extra) {
    return "extra-"
        + len(pkg)
        + "-"
        + PackageName.normalize(pkg)
        + "-"
        + PackageName.normalize(extra);
  }

  public static String group(String pkg, String group) {
    return "group-"
        + len(pkg)
        + "-"
        + PackageName.normalize(pkg)
        + "-"
        + PackageName.normalize(group);
  }

  public static String project(String pkg) {
    return "project-" + len(pkg) + "-" + PackageName.normalize(pkg);
  }

  /** One item of a conflict set ({@code {package, extra|group}}) as uv encodes it. */
  static String item(String pkg, com.fasterxml.jackson.databind.JsonNode item) {
    if (item.has("extra")) {
      return extra(pkg, item.get("extra").asText());
    }
    if (item.has("group")) {
      return group(pkg, item.get("group").asText());
    }
    return project(pkg);
  }

  private static int len(String pkg) {
    return PackageName.normalize(pkg).getBytes(StandardCharsets.UTF_8).length;
  }
}
