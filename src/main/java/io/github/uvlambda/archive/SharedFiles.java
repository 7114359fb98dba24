package io.github.uvlambda.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file's bytes in two places without a second copy on disk: a hard link where the file system
 * allows it, else a copy. Only for files that are replaced, never rewritten in place (what {@link
 * AtomicFiles} writes), so that changing one place never changes the other.
 */
public final class SharedFiles {
  private SharedFiles() {}

  /**
   * Makes {@code to} hold the bytes of {@code from}, atomically: a reader sees the old file or the
   * new one. Does nothing when {@code to} already is {@code from}.
   *
   * @return true when {@code to} is (now) the same file as {@code from}, false when it is a copy
   */
  public static boolean share(Path from, Path to) throws IOException {
    if (Files.exists(to) && Files.isSameFile(from, to)) {
      return true;
    }
    Path temp = AtomicFiles.temporarySibling(to);
    try {
      boolean linked;
      try {
        Files.delete(temp);
        Files.createLink(temp, from);
        linked = true;
      } catch (UnsupportedOperationException | FileSystemException e) {
        // another file system, or one without hard links: a copy will do, into a file created
        // the way AtomicFiles creates them (the umask's permissions, not the source's)
        try (OutputStream out = Files.newOutputStream(temp)) {
          Files.copy(from, out);
        }
        linked = false;
      }
      AtomicFiles.moveIntoPlace(temp, to);
      return linked;
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
