package io.github.uvlambda.build;

/**
 * What a layer may hold beyond the packages the lock installs, or leave out of them: both change
 * the layer's bytes, so both are part of its fingerprint.
 *
 * @param compileBytecode add an unchecked-hash {@code .pyc} for every {@code .py}, compiled by a
 *     CPython of the runtime's version ({@link BytecodeCompiler})
 * @param pythonExecutable that CPython, or null to look for one ({@link PythonInterpreter#find})
 * @param excludeRuntimePackages leave out the packages the runtime already provides ({@link
 *     RuntimePackageExclusion})
 */
public record LayerOptions(
    boolean compileBytecode, String pythonExecutable, boolean excludeRuntimePackages) {

  /** The layer exactly as the lock installs it. */
  public static final LayerOptions NONE = new LayerOptions(false, null, false);
}
