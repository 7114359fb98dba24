package io.github.uvlambda.uv;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A lambdas directory's {@code pyproject.toml} and {@code uv.lock}, read once, with the bytes kept
 * for fingerprints. {@link #prepare} brings the lock up to date first when a uv executable is
 * available (as the Terraform module's script did), and otherwise checks it.
 */
public record LockFiles(
    Path directory,
    byte[] pyprojectBytes,
    byte[] lockBytes,
    boolean checkNeeded,
    boolean skipCheck,
    AtomicBoolean checked) {

  public static LockFiles read(Path lambdasDir) {
    try {
      return new LockFiles(
          lambdasDir,
          Files.readAllBytes(lambdasDir.resolve(PyProject.FILE_NAME)),
          Files.readAllBytes(lambdasDir.resolve(UvLock.FILE_NAME)),
          false,
          false,
          new AtomicBoolean());
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
   * instead of changing the lock), then read. Without it: read, and {@link #check} the lock — once,
   * and only when some work needs it, so that an up-to-date build does not pay for it.
   */
  public static LockFiles prepare(
      Path lambdasDir, UvExecutable uv, boolean locked, boolean skipCheck, BuildLog log) {
    if (uv != null) {
      uv.run(lambdasDir, UvCommands.lock(locked), log);
    }
    LockFiles files = read(lambdasDir);
    return new LockFiles(
        files.directory,
        files.pyprojectBytes,
        files.lockBytes,
        uv == null,
        skipCheck,
        new AtomicBoolean());
  }

  /**
   * Checks that uv.lock matches pyproject.toml, as {@code uv lock --check} would (at most once).
   */
  public void check(BuildLog log) {
    if (!checkNeeded || !checked.compareAndSet(false, true)) {
      return;
    }
    if (skipCheck) {
      log.warn(
          "Not checking that "
              + directory.resolve(UvLock.FILE_NAME)
              + " matches pyproject.toml (skipLockCheck is set): "
              + "a stale lock builds stale layers.");
      return;
    }
    new LockChecker().check(pyproject(), lock(log));
  }

  public PyProject pyproject() {
    return PyProject.read(directory.resolve(PyProject.FILE_NAME));
  }

  public UvLock lock(BuildLog log) {
    return new LockReader(log).read(directory.resolve(UvLock.FILE_NAME), lockBytes);
  }
}
