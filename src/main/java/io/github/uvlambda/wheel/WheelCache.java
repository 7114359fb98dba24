package io.github.uvlambda.wheel;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.AtomicFiles;
import io.github.uvlambda.archive.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A content-addressed store of wheels shared by every build of the user: {@code
 * <root>/wheels/<sha256[0:2]>/<sha256>/<filename>}. A file only ever gets there after its SHA-256
 * was checked, and is checked again before each use.
 */
public final class WheelCache {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_+!-][A-Za-z0-9._+!-]*");

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

  /**
   * The cache of this root, with the {@code .part} files of killed builds older than an hour
   * removed.
   */
  public static WheelCache open(Path root, BuildLog log) {
    WheelCache cache = new WheelCache(root);
    for (Path stale : AtomicFiles.removeStale(cache.temporaryDirectory(), Instant.now())) {
      log.debug("Removed " + stale + ", left in the cache by a build that did not finish");
    }
    return cache;
  }

  /**
   * Where a wheel is kept: derived only from a digest that is 64 lowercase hex digits and a plain
   * file name (the lock reader refuses anything else; this is the last line of defence).
   */
  Path pathFor(String sha256, String filename) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a sha256 digest: " + sha256);
    }
    if (filename == null || !PLAIN_NAME.matcher(filename).matches()) {
      throw new IllegalArgumentException("not a plain file name: " + filename);
    }
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
        // Into the file just created, so that it keeps the umask's permissions.
        try (java.io.OutputStream out = Files.newOutputStream(temp)) {
          Files.copy(wheel, out);
        }
        store(temp, sha256, filename);
      } finally {
        Files.deleteIfExists(temp);
      }
    }
    return sha256;
  }

  private Path temporaryDirectory() {
    return root.resolve("tmp");
  }

  Path temporaryFile(String filename) throws IOException {
    if (!PLAIN_NAME.matcher(filename).matches()) {
      throw new IllegalArgumentException("not a plain file name: " + filename);
    }
    return AtomicFiles.newFile(temporaryDirectory(), filename + ".", ".part");
  }
}
