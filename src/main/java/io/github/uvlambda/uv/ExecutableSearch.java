package io.github.uvlambda.uv;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Finds a program the way a shell does: the first executable file of that name on PATH. */
public final class ExecutableSearch {
  private ExecutableSearch() {}

  /**
   * @param name {@code uv}, {@code python3.12}; {@code .exe} is added on Windows
   * @param pathEnv the PATH to search, null for none
   */
  public static Optional<Path> onPath(String name, String pathEnv) {
    if (pathEnv == null) {
      return Optional.empty();
    }
    boolean windows =
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    for (String dir : pathEnv.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, windows ? name + ".exe" : name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
