package io.github.uvlambda.function;

/**
 * What a goal resolves the functions for; it reads and checks only the settings that purpose uses
 * ({@link FunctionSettings.Field#usedBy()}).
 */
public enum Purpose {
  /** code.zip: where the sources are, the handler, the include and exclude patterns. */
  CODE,
  /** deps.zip (and its export): the lock, the dependency group, the Lambda target. */
  LAYER,
  /** A deploy: everything, the AWS settings included. */
  DEPLOY,
  /**
   * A destroy: only the names of what a function owns in AWS (function, role, layer). The sources,
   * the lock and the deploy settings may be gone or wrong; a destroy neither reads nor checks them.
   */
  DESTROY;

  /** Whether a goal with this purpose reads a field. */
  public boolean reads(FunctionSettings.Field<?> field) {
    return this == DEPLOY || field.usedBy().contains(this);
  }
}
