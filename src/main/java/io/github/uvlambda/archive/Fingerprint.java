package io.github.uvlambda.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * A SHA-256 over the inputs of a build step, fed field by field. When the fingerprint stored next
 * to an output equals the current one, the step is skipped.
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

  /** Whether the output exists and was made from inputs with this fingerprint. */
  public static boolean isUpToDate(Path output, String fingerprint) {
    Path f = fileFor(output);
    try {
      return Files.isRegularFile(output)
          && Files.isRegularFile(f)
          && Files.readString(f, StandardCharsets.UTF_8).strip().equals(fingerprint);
    } catch (IOException e) {
      return false;
    }
  }

  public static void record(Path output, String fingerprint) throws IOException {
    Files.writeString(fileFor(output), fingerprint + "\n", StandardCharsets.UTF_8);
  }
}
