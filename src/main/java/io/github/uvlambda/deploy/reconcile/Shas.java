package io.github.uvlambda.deploy.reconcile;

/** How a CodeSha256 is shown in a plan: its first 8 characters. */
final class Shas {
  private Shas() {}

  static String short8(String base64) {
    return base64 == null ? "none" : base64.substring(0, Math.min(8, base64.length())) + "…";
  }
}
