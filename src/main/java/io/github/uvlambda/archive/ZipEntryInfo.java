package io.github.uvlambda.archive;

/**
 * One entry of a zip's central directory.
 *
 * @param method 0 (stored) or 8 (deflated); other methods are reported as such
 * @param unixMode the Unix mode bits, or 0 when the archive did not record them
 */
public record ZipEntryInfo(
    String name,
    int method,
    int flags,
    long crc,
    long compressedSize,
    long size,
    long localHeaderOffset,
    int unixMode) {

  public static final int STORED = 0;
  public static final int DEFLATED = 8;

  public boolean isDirectory() {
    return name.endsWith("/");
  }

  public boolean isSymlink() {
    return (unixMode & 0170000) == 0120000;
  }

  public boolean isExecutable() {
    return (unixMode & 0111) != 0;
  }

  public boolean isEncrypted() {
    return (flags & 1) != 0;
  }
}
