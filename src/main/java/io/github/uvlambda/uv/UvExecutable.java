package io.github.uvlambda.uv;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real uv, when the machine has one. The plugin never needs it; when present it runs {@code uv
 * lock} the way the Terraform module's build script did, and it can do the whole install ({@code
 * installer=uv}).
 */
public final class UvExecutable {
  private final Path path;

  private UvExecutable(Path path) {
    this.path = path;
  }

  /** The configured executable, or the first {@code uv} on PATH. */
  public static Optional<UvExecutable> find(String configured) {
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      if (!Files.isExecutable(p)) {
        throw new UvLambdaException(
            "<uvExecutable> is '"
                + configured
                + "', which is not an executable file. Point it at uv, or remove it.");
      }
      return Optional.of(new UvExecutable(p));
    }
    return ExecutableSearch.onPath("uv", System.getenv("PATH")).map(UvExecutable::new);
  }

  public Path path() {
    return path;
  }

  /**
   * Runs uv with the arguments in {@code dir}; returns its standard output, or fails with its
   * output.
   */
  public String run(Path dir, List<String> args, BuildLog log) {
    List<String> cmd = new ArrayList<>();
    cmd.add(path.toString());
    cmd.addAll(args);
    log.info("Running " + String.join(" ", cmd) + " in " + dir);
    try {
      Path out = Files.createTempFile("uv-lambda-uv", ".out");
      Path err = Files.createTempFile("uv-lambda-uv", ".err");
      try {
        Process p =
            new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new UvLambdaException(
              "`" + String.join(" ", cmd) + "` did not finish within 30 minutes.");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (!stderr.isBlank()) {
          log.debug(stderr.strip());
        }
        if (p.exitValue() != 0) {
          throw new UvLambdaException(
              "`"
                  + String.join(" ", cmd)
                  + "` failed (exit "
                  + p.exitValue()
                  + "):\n"
                  + stderr.strip());
        }
        return stdout;
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UvLambdaException("Cannot run " + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UvLambdaException("Interrupted while running uv");
    }
  }
}
