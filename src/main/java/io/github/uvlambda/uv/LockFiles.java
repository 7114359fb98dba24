package io.github.uvlambda.uv;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A lambdas directory's {@code pyproject.toml} and {@code uv.lock}, read once, with the bytes kept
 * for fingerprints. {@link #prepare} brings the lock up to date first when a uv executable is
 * available (as the Terraform module's script did), and otherwise checks it.
 */
public record LockFiles(Path directory, byte[] pyprojectBytes, byte[] lockBytes) {

  public static LockFiles read(Path lambdasDir) {
    try {
      return new LockFiles(
          lambdasDir,
          Files.readAllBytes(lambdasDir.resolve(PyProject.FILE_NAME)),
          Files.readAllBytes(lambdasDir.resolve(UvLock.FILE_NAME)));
    } catch (NoSuchFileException e) {
      throw new UvLambdaException(
          e.getFile()
              + " does not exist. "
              + (e.getFile().endsWith(UvLock.FILE_NAME)
                  ? "Run `uv lock` in " + lambdasDir + " and commit uv.lock."
                  : "Each lambdasDir needs the pyproject.toml that declares the dependency groups."));
    } catch (IOException e) {
      throw new UvLambdaException("Cannot read " + lambdasDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * With uv available: {@code uv lock} ({@code uv lock --locked} when {@code locked}, which fails
   * instead of changing the lock). Without it: the plugin's own check, unless skipped.
   */
  public static LockFiles prepare(
      Path lambdasDir, UvExecutable uv, boolean locked, boolean skipCheck, BuildLog log) {
    if (uv != null) {
      uv.run(lambdasDir, locked ? List.of("lock", "--locked") : List.of("lock"), log);
    }
    LockFiles files = read(lambdasDir);
    if (uv == null) {
      if (skipCheck) {
        log.warn(
            "Not checking that "
                + lambdasDir.resolve(UvLock.FILE_NAME)
                + " matches pyproject.toml (skipLockCheck is set): "
                + "a stale lock builds stale layers.");
      } else {
        new LockChecker().check(files.pyproject(), files.lock(log));
      }
    }
    return files;
  }

  public PyProject pyproject() {
    return PyProject.read(directory.resolve(PyProject.FILE_NAME));
  }

  public UvLock lock(BuildLog log) {
    return new LockReader(log).read(directory.resolve(UvLock.FILE_NAME), lockBytes);
  }
}
