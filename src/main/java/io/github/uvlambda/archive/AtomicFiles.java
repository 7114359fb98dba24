package io.github.uvlambda.archive;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes outputs through a temporary file so that a failed build never leaves half an artifact.
 * Temporary files are created the way any new file is — readable by all unless the umask says
 * otherwise (0644 under the usual umask 022) — not 0600 as {@link Files#createTempFile} makes them,
 * so that a zip or a cache shared between users stays readable.
 */
public final class AtomicFiles {
  /** A {@code .part} or {@code .tmp} file older than this was left by a build that was killed. */
  public static final Duration STALE_AFTER = Duration.ofHours(1);

  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFiles() {}

  public static Path temporarySibling(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    return newFile(dir, "." + target.getFileName(), ".tmp");
  }

  /** A new, empty file {@code <dir>/<prefix><random><suffix>}, with the umask's permissions. */
  public static Path newFile(Path dir, String prefix, String suffix) throws IOException {
    Files.createDirectories(dir);
    while (true) {
      Path p = dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix);
      try {
        Files.newByteChannel(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return p;
      } catch (FileAlreadyExistsException e) {
        // another name
      }
    }
  }

  public static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Deletes the {@code .part} and {@code .tmp} files directly in {@code dir} that are older than
   * {@link #STALE_AFTER}: what a killed build left behind. Younger ones may belong to a build that
   * is running. Returns the files deleted.
   */
  public static List<Path> removeStale(Path dir, Instant now) {
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return removed;
    }
    Instant cutoff = now.minus(STALE_AFTER);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{part,tmp}")) {
      for (Path f : files) {
        try {
          if (Files.isRegularFile(f)
              && Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)
              && Files.deleteIfExists(f)) {
            removed.add(f);
          }
        } catch (IOException e) {
          // removed by another build first, or not ours to remove: leave it
        }
      }
    } catch (IOException e) {
      // Only housekeeping: a folder that cannot be listed is left as it is.
    }
    return removed;
  }
}
