package io.github.uvlambda.deploy;

/**
 * One line of a deploy plan: what happens to which resource, and why.
 *
 * @param action {@code +} create, {@code ~} update, {@code -} delete
 */
public record Change(String action, String resource, String reason) {
  public static Change create(String resource, String reason) {
    return new Change("+", resource, reason);
  }

  public static Change update(String resource, String reason) {
    return new Change("~", resource, reason);
  }

  public static Change delete(String resource, String reason) {
    return new Change("-", resource, reason);
  }

  @Override
  public String toString() {
    return action + " " + resource + (reason == null || reason.isEmpty() ? "" : ": " + reason);
  }
}
