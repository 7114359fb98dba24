package io.github.uvlambda.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a build step leaves beside its output, {@code <output>.fingerprint}: the {@link Fingerprint}
 * of the inputs it was made from, then the SHA-256 of each file it wrote. An output is reused only
 * when both still hold, so a file truncated, edited or swapped since it was built — a poisoned
 * shared cache, a hand-edited {@code target/} — is noticed and built again rather than shipped.
 *
 * <p>Every reuse hashes the files once. The output's digest is handed back, so the caller does not
 * hash it a second time for Lambda's CodeSha256; trusting size and modification time instead would
 * save that one read, but an edit that keeps both (or a restored cache) would then go unnoticed.
 */
public final class BuildRecord {
  private static final String DIGEST = "sha256 ";

  private BuildRecord() {}

  /** The outcome of {@link #check}. */
  public enum State {
    /** No output, no record, or a record of other inputs: build. */
    STALE,
    /** Made from these inputs, but a file no longer has the digest recorded: warn, build. */
    CHANGED,
    /** Made from these inputs and unchanged since: reuse. */
    VALID
  }

  /**
   * @param changedFile the file whose content no longer matches (for {@link State#CHANGED})
   * @param outputSha256 the SHA-256 of the output (for {@link State#VALID})
   */
  public record Check(State state, Path changedFile, byte[] outputSha256) {
    public boolean valid() {
      return state == State.VALID;
    }
  }

  public static Path fileFor(Path output) {
    return Fingerprint.fileFor(output);
  }

  /**
   * Records that {@code output} (and {@code companions}, files written beside it) were built from
   * inputs with this fingerprint. Returns the output's SHA-256.
   */
  public static byte[] write(Path output, String fingerprint, Path... companions)
      throws IOException {
    StringBuilder text = new StringBuilder(fingerprint).append('\n');
    byte[] outputSha = Hashes.sha256(output);
    text.append(DIGEST).append(Hashes.hex(outputSha)).append(' ').append(name(output));
    for (Path c : companions) {
      text.append('\n')
          .append(DIGEST)
          .append(Hashes.hex(Hashes.sha256(c)))
          .append(' ')
          .append(name(c));
    }
    Path record = fileFor(output);
    Path temp = AtomicFiles.temporarySibling(record);
    try {
      Files.writeString(temp, text.append('\n').toString(), StandardCharsets.UTF_8);
      AtomicFiles.moveIntoPlace(temp, record);
    } finally {
      Files.deleteIfExists(temp);
    }
    return outputSha;
  }

  /** Whether the output can be reused for inputs with this fingerprint. */
  public static Check check(Path output, String fingerprint) {
    List<String> lines;
    try {
      lines = Files.readAllLines(fileFor(output), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new Check(State.STALE, null, null);
    } catch (IOException e) {
      return new Check(State.STALE, null, null);
    }
    if (lines.isEmpty() || !lines.get(0).strip().equals(fingerprint) || !Files.exists(output)) {
      return new Check(State.STALE, null, null);
    }
    List<String[]> digests = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.startsWith(DIGEST)) {
        digests.add(line.substring(DIGEST.length()).split(" ", 2));
      }
    }
    // A record from a version that kept no digests proves nothing about the files.
    if (digests.isEmpty() || !digests.get(0)[1].equals(name(output))) {
      return new Check(State.STALE, null, null);
    }
    byte[] outputSha = null;
    for (String[] d : digests) {
      Path file = output.resolveSibling(d[1]);
      byte[] actual;
      try {
        actual = Files.isRegularFile(file) ? Hashes.sha256(file) : null;
      } catch (java.io.UncheckedIOException e) {
        actual = null;
      }
      if (actual == null || !HexFormat.of().formatHex(actual).equals(d[0])) {
        return new Check(State.CHANGED, file, null);
      }
      if (outputSha == null) {
        outputSha = actual;
      }
    }
    return new Check(State.VALID, null, outputSha);
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }
}
