package io.github.uvlambda.testing;

import io.github.uvlambda.uv.ExportedPackage;
import io.github.uvlambda.uv.UvExecutable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A TEST DOUBLE for uv, which is not installed on the build machines: an executable {@code uv} that
 * runs {@code uv_test_double.py} (test resources; read its docstring for exactly what it models)
 * with the machine's python3.11 and real pip. It accepts only the command lines the plugin gives
 * uv; its {@code uv export} writes what the test declares with {@link #exports}, minus the packages
 * the command line leaves out.
 */
public final class UvTestDouble {
  private final Path dir;

  private UvTestDouble(Path dir) {
    this.dir = dir;
  }

  /**
   * @param dir where the double, its export table and its call log live
   * @param findLinks the folder of wheels its {@code uv pip install} may install from
   * @param pipIndex the index its {@code uv build} takes build backends from (a local mirror)
   */
  public static UvTestDouble create(Path dir, String python, Path findLinks, String pipIndex)
      throws IOException {
    Files.createDirectories(dir.resolve("bin"));
    Path script = dir.resolve("uv_test_double.py");
    try (InputStream in = UvTestDouble.class.getResourceAsStream("/testing/uv_test_double.py")) {
      Files.write(script, in.readAllBytes());
    }
    Files.writeString(dir.resolve("export.tsv"), "");
    Files.writeString(dir.resolve("calls.log"), "");
    Path uv = dir.resolve("bin/uv");
    Files.writeString(
        uv,
        "#!/bin/sh\n# TEST DOUBLE for uv: see uv_test_double.py\n"
            + "UV_DOUBLE_EXPORT='"
            + dir.resolve("export.tsv")
            + "' UV_DOUBLE_CALLS='"
            + dir.resolve("calls.log")
            + "' UV_DOUBLE_FIND_LINKS='"
            + findLinks
            + "' UV_DOUBLE_PIP_INDEX='"
            + (pipIndex == null ? "" : pipIndex)
            + "' exec '"
            + python
            + "' '"
            + script
            + "' \"$@\"\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(uv, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new UvTestDouble(dir);
  }

  /**
   * Declares what uv exports for a group (null: the project's dependencies) with {@code
   * --no-emit-project --no-default-groups} and nothing left out.
   */
  public UvTestDouble exports(String group, List<ExportedPackage> packages) throws IOException {
    for (ExportedPackage e : packages) {
      exports(group, e.lockPackage().name().value(), e.line());
    }
    return this;
  }

  /** Declares one more line uv exports for a group, as the requirement of package {@code name}. */
  public UvTestDouble exports(String group, String name, String line) throws IOException {
    Files.writeString(
        dir.resolve("export.tsv"),
        (group == null ? "" : group) + "\t" + name + "\t" + line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    return this;
  }

  public UvExecutable executable() {
    return UvExecutable.find(dir.resolve("bin/uv").toString()).orElseThrow();
  }

  /** The argument lists it was called with, one line each. */
  public List<String> calls() throws IOException {
    return Files.readAllLines(dir.resolve("calls.log"), StandardCharsets.UTF_8);
  }
}
