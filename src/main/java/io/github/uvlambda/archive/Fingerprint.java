package io.github.uvlambda.archive;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * A SHA-256 over the inputs of a build step, fed field by field. When the fingerprint in the {@link
 * BuildRecord} next to an output equals the current one (and the output is unchanged), the step is
 * skipped.
 */
public final class Fingerprint {
  private final MessageDigest digest = Hashes.sha256();

  public Fingerprint add(String label, String value) {
    digest.update(label.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update((value == null ? "\u0001null" : value).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    return this;
  }

  public Fingerprint add(String label, byte[] value) {
    return add(label, Hashes.sha256Hex(value));
  }

  public String hex() {
    return Hashes.hex(digest.digest());
  }

  /** The fingerprint file that goes with an output: {@code <output>.fingerprint}. */
  public static Path fileFor(Path output) {
    return output.resolveSibling(output.getFileName() + ".fingerprint");
  }
}
