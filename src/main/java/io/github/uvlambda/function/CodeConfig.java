package io.github.uvlambda.function;

import java.util.List;

/**
 * What goes into a function's code.zip, resolved: which files of {@code sourceDir} (Ant patterns
 * relative to it), which secret-looking files are meant to ship, whether the usual junk is left out
 * without a word, and whether the code gets bytecode.
 *
 * @param includes the files taken; default {@code **}
 * @param excludes the files left out, beside the usual junk
 * @param allowedSecretFiles secret-looking files that ship on purpose: the plugin level's, then the
 *     function's
 * @param useDefaultExcludes leave tests, caches, bytecode and tool folders out silently
 * @param compileCode add an unchecked-hash {@code .pyc} for every {@code .py}
 */
public record CodeConfig(
    List<String> includes,
    List<String> excludes,
    List<String> allowedSecretFiles,
    boolean useDefaultExcludes,
    boolean compileCode) {

  public CodeConfig {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    allowedSecretFiles = List.copyOf(allowedSecretFiles);
  }
}
