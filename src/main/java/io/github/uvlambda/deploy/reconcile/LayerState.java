package io.github.uvlambda.deploy.reconcile;

import java.util.List;

/**
 * The published versions of a layer, newest first.
 *
 * @param latestSha256 the newest version's CodeSha256, or null without versions
 */
public record LayerState(String name, List<LayerVersion> versions, String latestSha256) {
  public LayerState {
    versions = List.copyOf(versions);
  }

  public LayerVersion latest() {
    return versions.isEmpty() ? null : versions.get(0);
  }
}
