package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.AtomicFiles;
import io.github.uvlambda.archive.BuildRecord;
import io.github.uvlambda.archive.SharedFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Built layers kept in the user cache, {@code <cache>/layers/<fingerprint>.zip} with their report
 * and {@link BuildRecord}, so that the same inputs never build twice — not after {@code mvn clean},
 * not in another project — and a cached layer is used only while it still has the digest recorded
 * when it was stored.
 */
public final class LayerCache {
  private final Path directory;

  /**
   * @param cacheRoot the user cache (the one the wheels are kept in)
   */
  public LayerCache(Path cacheRoot) {
    this.directory = cacheRoot.resolve("layers");
  }

  /**
   * The layer cache of this root, with the {@code .tmp} files of killed builds older than an hour
   * removed.
   */
  public static LayerCache open(Path cacheRoot, BuildLog log) {
    LayerCache cache = new LayerCache(cacheRoot);
    for (Path stale : AtomicFiles.removeStale(cache.directory, Instant.now())) {
      log.debug("Removed " + stale + ", left in the cache by a build that did not finish");
    }
    return cache;
  }

  public Path directory() {
    return directory;
  }

  public Path zipFor(String fingerprint) {
    if (!fingerprint.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a fingerprint: " + fingerprint);
    }
    return directory.resolve(fingerprint + ".zip");
  }

  /**
   * Whether the cache holds the layer built from inputs with this fingerprint, with the zip and its
   * report unchanged since they were stored (a shared or restored cache is not trusted blindly).
   */
  public BuildRecord.Check check(String fingerprint) {
    return BuildRecord.verify(zipFor(fingerprint), fingerprint);
  }

  /** Keeps a built layer and its report under its fingerprint, with their digests. */
  public void store(String fingerprint, Path zip) throws IOException {
    Path cached = zipFor(fingerprint);
    copy(zip, cached);
    BuildRecord.write(cached, fingerprint, LayerReport.fileFor(cached));
  }

  /**
   * Copies a zip and its report to another place, each atomically. Between the user cache and
   * {@code target/} the bytes are copied, not linked: an edit of one must not change the other.
   */
  public static void copy(Path zip, Path target) throws IOException {
    copyFile(zip, target);
    copyFile(LayerReport.fileFor(zip), LayerReport.fileFor(target));
  }

  /**
   * Puts a built layer at another function's place in the same build: the zip shares its bytes on
   * disk (a hard link where the file system allows; zips are only ever replaced, never rewritten,
   * and the link keeps the permissions the zip got when it was written), the report and the record
   * of what it was built from are copied, so that the place is up to date too.
   */
  public static void place(Path zip, Path target) throws IOException {
    SharedFiles.share(zip, target);
    copyUnlessEqual(LayerReport.fileFor(zip), LayerReport.fileFor(target));
    copyUnlessEqual(BuildRecord.fileFor(zip), BuildRecord.fileFor(target));
  }

  /** A place that already holds these bytes (a build with nothing to do) is not written again. */
  private static void copyUnlessEqual(Path from, Path to) throws IOException {
    if (!Files.isRegularFile(to, LinkOption.NOFOLLOW_LINKS) || Files.mismatch(from, to) != -1L) {
      copyFile(from, to);
    }
  }

  private static void copyFile(Path from, Path to) throws IOException {
    Path tmp = AtomicFiles.temporarySibling(to);
    try {
      // Into the file just created, so that it keeps the umask's permissions, not the source's.
      try (OutputStream out = Files.newOutputStream(tmp)) {
        Files.copy(from, out);
      }
      AtomicFiles.moveIntoPlace(tmp, to);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
