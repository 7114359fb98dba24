package io.github.uvlambda.wheel;

import io.github.uvlambda.archive.AtomicFiles;
import io.github.uvlambda.archive.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A content-addressed store of wheels shared by every build of the user: {@code
 * <root>/wheels/<sha256[0:2]>/<sha256>/<filename>}. A file only ever gets there after its SHA-256
 * was checked, and is checked again before each use.
 */
public final class WheelCache {
  private final Path root;

  public WheelCache(Path root) {
    this.root = root;
  }

  /** The user's default cache: UV_LAMBDA_CACHE_DIR, else the platform's cache directory. */
  public static Path defaultRoot() {
    String env = System.getenv("UV_LAMBDA_CACHE_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String home = System.getProperty("user.home");
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("mac")) {
      return Path.of(home, "Library", "Caches", "uv-lambda-maven-plugin");
    }
    if (os.startsWith("windows")) {
      String local = System.getenv("LOCALAPPDATA");
      return Path.of(local != null ? local : home, "uv-lambda-maven-plugin", "Cache");
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache"))
        .resolve("uv-lambda-maven-plugin");
  }

  public Path root() {
    return root;
  }

  Path pathFor(String sha256, String filename) {
    return root.resolve("wheels").resolve(sha256.substring(0, 2)).resolve(sha256).resolve(filename);
  }

  /** The cached wheel, when present and its content still has the expected hash. */
  public Optional<Path> lookup(String sha256, String filename) {
    Path p = pathFor(sha256, filename);
    if (!Files.isRegularFile(p)) {
      return Optional.empty();
    }
    if (!Hashes.hex(Hashes.sha256(p)).equals(sha256)) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a later download replaces it
      }
      return Optional.empty();
    }
    return Optional.of(p);
  }

  /** Moves an already verified file into the cache. */
  Path store(Path verified, String sha256, String filename) throws IOException {
    Path target = pathFor(sha256, filename);
    Files.createDirectories(target.getParent());
    AtomicFiles.moveIntoPlace(verified, target);
    return target;
  }

  /**
   * Keeps a wheel built on this machine (a local package), content-addressed like a downloaded one;
   * returns its SHA-256. The file is copied, so the caller keeps its own.
   */
  public String put(Path wheel) throws IOException {
    String sha256 = Hashes.hex(Hashes.sha256(wheel));
    String filename = wheel.getFileName().toString();
    Path target = pathFor(sha256, filename);
    if (!Files.isRegularFile(target)) {
      Path temp = temporaryFile(filename);
      try {
        Files.copy(wheel, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        store(temp, sha256, filename);
      } finally {
        Files.deleteIfExists(temp);
      }
    }
    return sha256;
  }

  Path temporaryFile(String filename) throws IOException {
    Path tmp = root.resolve("tmp");
    Files.createDirectories(tmp);
    return Files.createTempFile(tmp, filename + ".", ".part");
  }
}
