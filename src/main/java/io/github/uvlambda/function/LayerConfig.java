package io.github.uvlambda.function;

/**
 * What a function's deps.zip holds beyond the packages the lock installs, or leaves out of them,
 * resolved. Both change the layer's bytes: functions that share a layer must agree on them.
 *
 * @param compileBytecode add an unchecked-hash {@code .pyc} for every {@code .py}
 * @param excludeRuntimePackages leave out the packages the runtime already provides
 */
public record LayerConfig(boolean compileBytecode, boolean excludeRuntimePackages) {

  /** The layer exactly as the lock installs it. */
  public static final LayerConfig DEFAULT = new LayerConfig(false, false);
}
