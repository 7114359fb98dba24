package io.github.uvlambda.uv;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.WheelFilename;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the values of uv.lock that end up in file-system paths — artifact hashes and file names —
 * while the lock is read, before anything touches the disk. uv writes a hash as {@code
 * <algorithm>:<lowercase hex>} and a file name as a plain wheel or sdist name; anything else (a
 * {@code sha256:../victim}, a {@code filename} with {@code /} or {@code ..}) comes from a damaged
 * or hostile lock and is refused, naming the package and the line.
 */
final class LockValues {
  /** The hex length of each algorithm uv records; the plugin verifies only sha256. */
  private static final Map<String, Integer> HEX_LENGTHS =
      Map.of("sha256", 64, "sha384", 96, "sha512", 128, "md5", 32);

  private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

  /** Letters, digits and {@code . _ - + !}, not starting with a dot: no separator, no "..". */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_+!-][A-Za-z0-9._+!-]*");

  private static final String[] SDIST_SUFFIXES = {
    ".tar.gz", ".zip", ".tar.bz2", ".tar.xz", ".tgz", ".tar"
  };

  private final Path file;
  private final String text;

  /**
   * @param text the lock's text, to find the line of a bad value
   */
  LockValues(Path file, String text) {
    this.file = file;
    this.text = text;
  }

  /**
   * The hash, when it is {@code <algorithm>:<hex>} with the right length for a known algorithm.
   *
   * @param where the package and the artifact, e.g. {@code [[package]] numpy 2.1.0, wheel}
   */
  String hash(String hash, String where) {
    if (hash == null) {
      return null;
    }
    int colon = hash.indexOf(':');
    String algorithm = colon < 0 ? "" : hash.substring(0, colon);
    String hex = colon < 0 ? "" : hash.substring(colon + 1);
    Integer length = HEX_LENGTHS.get(algorithm);
    if (length == null || hex.length() != length || !HEX.matcher(hex).matches()) {
      throw bad(
          where,
          "hash",
          hash,
          "an algorithm uv records (sha256, sha384, sha512, md5), a colon and the digest in"
              + " lowercase hex (sha256: 64 digits)");
    }
    return hash;
  }

  /** The file name, when it is a plain wheel (or, for an sdist, source archive) file name. */
  String filename(String filename, String where, boolean wheel) {
    if (filename == null) {
      return null;
    }
    boolean plain = PLAIN_NAME.matcher(filename).matches();
    boolean valid =
        plain && (wheel ? WheelFilename.tryParse(filename).isPresent() : hasSdistSuffix(filename));
    if (!valid) {
      throw bad(
          where,
          "file name",
          filename,
          wheel
              ? "a wheel file name, name-version-python-abi-platform.whl, without any path"
              : "a source archive file name (.tar.gz or .zip), without any path");
    }
    return filename;
  }

  private static boolean hasSdistSuffix(String filename) {
    for (String suffix : SDIST_SUFFIXES) {
      if (filename.endsWith(suffix) && filename.length() > suffix.length()) {
        return true;
      }
    }
    return false;
  }

  private UvLambdaException bad(String where, String what, String value, String expected) {
    return new UvLambdaException(
        file
            + lineOf(value)
            + ": "
            + where
            + " has the "
            + what
            + " '"
            + value
            + "', but it must be "
            + expected
            + ". The lock is damaged or was edited by hand; nothing was read or written for it."
            + " Regenerate it with `uv lock`.");
  }

  /** " line N" for the first place the value is written in the lock, or "" if it is escaped. */
  private String lineOf(String value) {
    int at = text.indexOf('"' + value + '"');
    if (at < 0) {
      at = text.indexOf(value);
    }
    if (at < 0) {
      return "";
    }
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return " line " + line;
  }
}
