package io.github.uvlambda.build;

import io.github.uvlambda.archive.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Built layers kept in the user cache, {@code <cache>/layers/<fingerprint>.zip} with their report,
 * so that the same inputs never build twice — not after {@code mvn clean}, not in another project.
 */
public final class LayerCache {
  private final Path directory;

  /**
   * @param cacheRoot the user cache (the one the wheels are kept in)
   */
  public LayerCache(Path cacheRoot) {
    this.directory = cacheRoot.resolve("layers");
  }

  public Path directory() {
    return directory;
  }

  Path zipFor(String fingerprint) {
    return directory.resolve(fingerprint + ".zip");
  }

  /** The cached layer built from inputs with this fingerprint, when it and its report exist. */
  public Optional<Path> lookup(String fingerprint) {
    Path zip = zipFor(fingerprint);
    return Files.isRegularFile(zip) && Files.isRegularFile(LayerReport.fileFor(zip))
        ? Optional.of(zip)
        : Optional.empty();
  }

  /** Keeps a built layer and its report under its fingerprint. */
  public void store(String fingerprint, Path zip) throws IOException {
    copy(zip, zipFor(fingerprint));
  }

  /** Copies a zip and its report to another place, each atomically. */
  public static void copy(Path zip, Path target) throws IOException {
    copyFile(zip, target);
    copyFile(LayerReport.fileFor(zip), LayerReport.fileFor(target));
  }

  private static void copyFile(Path from, Path to) throws IOException {
    Path tmp = AtomicFiles.temporarySibling(to);
    try {
      Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
      AtomicFiles.moveIntoPlace(tmp, to);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
