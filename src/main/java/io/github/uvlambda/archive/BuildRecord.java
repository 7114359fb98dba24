package io.github.uvlambda.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a build step leaves beside its output, {@code <output>.fingerprint}: the {@link Fingerprint}
 * of the inputs it was made from, then the SHA-256 of each file it wrote. An output is reused only
 * when both still hold, so a file truncated, edited or swapped since it was built — a poisoned
 * shared cache, a hand-edited {@code target/} — is noticed and built again rather than shipped.
 *
 * <p>{@link #verify} hashes every file. {@link #check}, for a build's own outputs, hashes only a
 * file whose size, modification time or identity on disk differs from what was recorded beside the
 * digest; an unchanged file keeps its recorded digest, so a build with nothing to do reads no zip.
 * (Whoever can edit a file in place without changing any of the three can also rewrite this record,
 * which sits beside it: hashing it again would not stop them.) The user cache, which may be shared
 * or restored from elsewhere, is always {@link #verify verified}. The output's digest is handed
 * back, so the caller does not hash it again for Lambda's CodeSha256.
 */
public final class BuildRecord {
  private static final String DIGEST = "sha256 ";
  private static final String STAT = "stat ";

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
    text.append('\n').append(STAT).append(stat(output)).append(' ').append(name(output));
    for (Path c : companions) {
      text.append('\n').append(STAT).append(stat(c)).append(' ').append(name(c));
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

  /**
   * Whether a build's own output can be reused for inputs with this fingerprint; a file that is
   * unchanged on disk since it was recorded (size, modification time, identity) is not read again.
   */
  public static Check check(Path output, String fingerprint) {
    return check(output, fingerprint, true);
  }

  /** Whether the output can be reused, every file hashed again (for the shared user cache). */
  public static Check verify(Path output, String fingerprint) {
    return check(output, fingerprint, false);
  }

  private static Check check(Path output, String fingerprint, boolean trustUnchanged) {
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
    java.util.Map<String, String> stats = new java.util.HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.startsWith(DIGEST)) {
        digests.add(line.substring(DIGEST.length()).split(" ", 2));
      } else if (line.startsWith(STAT)) {
        String[] s = line.substring(STAT.length()).split(" ", 2);
        if (s.length == 2) {
          stats.put(s[1], s[0]);
        }
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
      if (trustUnchanged && stats.containsKey(d[1]) && unchanged(file, stats.get(d[1]))) {
        actual = HexFormat.of().parseHex(d[0]);
      } else {
        try {
          actual = Files.isRegularFile(file) ? Hashes.sha256(file) : null;
        } catch (java.io.UncheckedIOException e) {
          actual = null;
        }
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

  /**
   * Size, modification time (ns) and identity on disk, e.g. {@code 3541-1796...-(dev=803,ino=12)}.
   */
  private static String stat(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    Object key = a.fileKey();
    return a.size()
        + "-"
        + a.lastModifiedTime().to(TimeUnit.NANOSECONDS)
        + "-"
        + (key == null ? "" : key.toString().replace(' ', '_'));
  }

  private static boolean unchanged(Path file, String recorded) {
    try {
      return Files.isRegularFile(file) && stat(file).equals(recorded);
    } catch (IOException e) {
      return false;
    }
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }
}
