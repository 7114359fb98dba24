package io.github.uvlambda.deploy.reconcile;

import java.util.List;
import java.util.Optional;

/**
 * A published version of a layer, as ListLayerVersions lists it. The plugin writes its description
 * as {@code uv-lambda-maven-plugin project=P sha256=S RUNTIME/ARCH}: the owning project for prune
 * and retention, and the zip's hash so one list call tells whether the zip changed.
 */
public record LayerVersion(
    long version,
    String arn,
    String description,
    List<String> runtimes,
    List<String> architectures) {
  private static final String MARK = "uv-lambda-maven-plugin ";

  public LayerVersion {
    description = description == null ? "" : description;
    runtimes = List.copyOf(runtimes);
    architectures = List.copyOf(architectures);
  }

  public static String description(String project, String sha256, String runtime, String arch) {
    return MARK + "project=" + project + " sha256=" + sha256 + " " + runtime + "/" + arch;
  }

  /** The project that published it, when the plugin did. */
  public Optional<String> project() {
    return field("project=");
  }

  /** The zip's CodeSha256, when the plugin published it. */
  public Optional<String> sha256() {
    return field("sha256=");
  }

  private Optional<String> field(String prefix) {
    if (!description.startsWith(MARK)) {
      return Optional.empty();
    }
    for (String token : description.split(" ")) {
      if (token.startsWith(prefix)) {
        return Optional.of(token.substring(prefix.length()));
      }
    }
    return Optional.empty();
  }
}
