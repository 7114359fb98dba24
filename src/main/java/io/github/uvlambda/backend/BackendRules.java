package io.github.uvlambda.backend;

import java.util.List;

/**
 * One build backend's documented rules for what goes into a pure-Python wheel, re-implemented so
 * that a wheel can be built without Python.
 */
interface BackendRules {

  /**
   * Why this tree needs the real backend (a build hook, compiled code, configuration that only code
   * can evaluate); empty when these rules can build it.
   */
  List<String> obstacles(SourceTree tree);

  /** The wheel's files, and what the backend computes from the tree (version, summary). */
  WheelFiles select(SourceTree tree);

  /**
   * How the backend spells the distribution in file names: {@code acme_models}. Most backends
   * lower-case the name and turn runs of {@code -_.} into {@code _} (the binary distribution
   * format's escaping).
   */
  default String distributionFileName(String rawName) {
    return rawName.replaceAll("[-_.]+", "_").toLowerCase(java.util.Locale.ROOT);
  }
}
