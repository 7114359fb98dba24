package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.SettingNeededException;
import io.github.uvlambda.UvLambdaException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which Maven project owns a resource. The plugin keeps no state: every resource it creates carries
 * {@code managed-by=uv-lambda-maven-plugin} and {@code uv-lambda:project=<project>}, and a resource
 * is this project's only when it carries both. Resources of another project, or without the tags,
 * are never changed unless the user adopts them, and never deleted.
 *
 * @param project {@code groupId:artifactId}, or the configured stack name
 * @param adopt take over existing resources that are not this project's
 */
public record Ownership(String project, boolean adopt) {
  public static final String MANAGED_BY_KEY = "managed-by";
  public static final String MANAGED_BY_VALUE = "uv-lambda-maven-plugin";
  public static final String PROJECT_KEY = "uv-lambda:project";

  /** Characters every service accepts in a tag value, no spaces; short enough for descriptions. */
  public static final Pattern VALID_PROJECT = Pattern.compile("[A-Za-z0-9_.:/=+@-]{1,128}");

  /** The tags that mark a resource as this project's. */
  public Map<String, String> tags() {
    Map<String, String> t = new TreeMap<>();
    t.put(MANAGED_BY_KEY, MANAGED_BY_VALUE);
    t.put(PROJECT_KEY, project);
    return t;
  }

  public boolean owns(Map<String, String> tags) {
    return MANAGED_BY_VALUE.equals(tags.get(MANAGED_BY_KEY))
        && project.equals(tags.get(PROJECT_KEY));
  }

  /** Keys the plugin writes for itself; it may remove them when no longer needed. */
  public static boolean isPluginKey(String key) {
    return key.equals(MANAGED_BY_KEY) || key.startsWith("uv-lambda:");
  }

  /**
   * Why an existing resource may not be changed by this project, or empty when it may: it is this
   * project's, or the user adopts it.
   */
  public Optional<UvLambdaException> problem(String kind, String name, Map<String, String> tags) {
    if (owns(tags) || adopt) {
      return Optional.empty();
    }
    String owner = MANAGED_BY_VALUE.equals(tags.get(MANAGED_BY_KEY)) ? tags.get(PROJECT_KEY) : null;
    if (owner != null) {
      return Optional.of(
          new SettingNeededException(
              kind
                  + " "
                  + name
                  + " belongs to the project "
                  + owner
                  + ", not to "
                  + project
                  + " (its "
                  + PROJECT_KEY
                  + " tag). Choose another name, deploy it from its own"
                  + " project, or set ",
              "adoptExisting",
              "true",
              " to take it over."));
    }
    return Optional.of(
        new SettingNeededException(
            kind
                + " "
                + name
                + " already exists but was not created by uv-lambda-maven-plugin"
                + " (it has no "
                + MANAGED_BY_KEY
                + "="
                + MANAGED_BY_VALUE
                + " and "
                + PROJECT_KEY
                + "="
                + project
                + " tags). Rename the function, or set ",
            "adoptExisting",
            "true",
            " to take it over."));
  }
}
