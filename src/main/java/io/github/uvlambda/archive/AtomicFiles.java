package io.github.uvlambda.archive;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes outputs through a temporary file so that a failed build never leaves half an artifact. */
public final class AtomicFiles {
  private AtomicFiles() {}

  public static Path temporarySibling(Path target) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    return Files.createTempFile(
        target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
  }

  public static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
