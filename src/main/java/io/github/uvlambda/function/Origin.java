package io.github.uvlambda.function;

/** Where a function's setting came from. */
public enum Origin {
  /** The function's own {@code <function>} element. */
  FUNCTION,
  /** The plugin-level configuration (or its user property), shared by every function. */
  PLUGIN,
  /** Neither: the default. */
  DEFAULT
}
