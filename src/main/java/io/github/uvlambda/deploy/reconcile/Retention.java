package io.github.uvlambda.deploy.reconcile;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * {@code keepVersions}: which published function versions and layer versions a deploy deletes. The
 * newest N are kept, counting the one this deploy publishes; beyond them, only what nothing
 * references goes: no alias points to it, no function's configuration or kept version uses it, and
 * for layers only versions this project published. N = 0 keeps everything.
 */
public final class Retention {
  private Retention() {}

  /**
   * @param versions newest first
   * @param publishing whether this deploy publishes a newer one
   * @param aliased versions an alias points to once the deploy is done
   */
  public static List<String> functionVersions(
      List<String> versions, boolean publishing, Set<String> aliased, int keep) {
    if (keep <= 0) {
      return List.of();
    }
    long slots = Math.max(0, publishing ? keep - 1 : keep);
    return versions.stream().skip(slots).filter(v -> !aliased.contains(v)).toList();
  }

  /**
   * @param versions newest first
   * @param referenced version ARNs some function of the project uses
   */
  public static List<LayerVersion> layerVersions(
      List<LayerVersion> versions,
      boolean publishing,
      Collection<String> referenced,
      String project,
      int keep) {
    if (keep <= 0) {
      return List.of();
    }
    long slots = Math.max(0, publishing ? keep - 1 : keep);
    return versions.stream()
        .skip(slots)
        .filter(v -> v.project().map(project::equals).orElse(false))
        .filter(v -> referenced.stream().noneMatch(r -> LayerArns.same(r, v.arn())))
        .toList();
  }
}
