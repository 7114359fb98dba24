package io.github.uvlambda.uv;

/**
 * A wheel or sdist listed in the lock. Exactly one of {@code url} (index or direct URL), {@code
 * path} (file of a local index, relative to the workspace) or only a file name is set.
 *
 * @param hash {@code sha256:<hex>} (or another algorithm), null when the lock has none
 * @param size the file size in bytes, or -1
 */
public record LockArtifact(String filename, String url, String path, String hash, long size) {

  /** The lower-case hex SHA-256 of the file, or null when the lock has no sha256 hash for it. */
  public String sha256() {
    if (hash == null || !hash.startsWith("sha256:")) {
      return null;
    }
    return hash.substring("sha256:".length()).toLowerCase(java.util.Locale.ROOT);
  }
}
