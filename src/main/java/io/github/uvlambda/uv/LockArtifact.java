package io.github.uvlambda.uv;

/**
 * A wheel or sdist listed in the lock. Exactly one of {@code url} (index or direct URL), {@code
 * path} (file of a local index, relative to the workspace) or only a file name is set.
 *
 * @param filename a plain wheel or sdist file name (checked by the reader), or null
 * @param hash {@code <algorithm>:<lowercase hex>} of the right length (checked by the reader), null
 *     when the lock has none
 * @param size the file size in bytes, or -1
 */
public record LockArtifact(String filename, String url, String path, String hash, long size) {

  /** The lower-case hex SHA-256 of the file, or null when the lock has no sha256 hash for it. */
  public String sha256() {
    if (hash == null || !hash.startsWith("sha256:")) {
      return null;
    }
    return hash.substring("sha256:".length());
  }

  /** The algorithm of the recorded hash ({@code sha256}, {@code sha512}, ...), or null. */
  public String hashAlgorithm() {
    return hash == null || hash.indexOf(':') < 0 ? null : hash.substring(0, hash.indexOf(':'));
  }
}
