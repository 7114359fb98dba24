package io.github.uvlambda.backend;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.archive.EntryNames;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks a source distribution ({@code .tar.gz}, PEP 625) into a directory: regular files and
 * directories only (links are skipped), names checked so nothing lands outside the target.
 * Understands ustar, POSIX pax ({@code path=}) and GNU long-name headers.
 */
final class SdistArchive {
  private static final long MAX_TOTAL = 512L * 1024 * 1024;

  private SdistArchive() {}

  /** Unpacks {@code sdist} into {@code target}; returns the tree (its single top directory). */
  static Path unpack(Path sdist, Path target) throws IOException {
    String name = sdist.getFileName().toString();
    if (!name.endsWith(".tar.gz")) {
      throw new UvLambdaException(
          "The local source distribution "
              + sdist
              + " is not a .tar.gz; only those can be unpacked.");
    }
    long total = 0;
    try (InputStream in =
        new GZIPInputStream(new BufferedInputStream(Files.newInputStream(sdist)))) {
      String longName = null;
      byte[] header = new byte[512];
      while (readFully(in, header)) {
        if (isZero(header)) {
          break;
        }
        String entry = longName != null ? longName : ustarName(header);
        longName = null;
        long size =
            Long.parseLong(
                field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
        char type = (char) header[156];
        byte[] data =
            type == '0' || type == 0 || type == 'x' || type == 'L'
                ? read(in, size)
                : skip(in, size);
        if (type == 'x') {
          longName = paxPath(data);
          continue;
        }
        if (type == 'L') {
          longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
          continue;
        }
        if (type != '0' && type != 0) {
          continue;
        }
        Optional<String> problem = EntryNames.problem(entry);
        if (problem.isPresent()) {
          throw new UvLambdaException(
              "The source distribution "
                  + sdist
                  + " has an unsafe entry '"
                  + entry
                  + "' ("
                  + problem.get()
                  + ").");
        }
        total += size;
        if (total > MAX_TOTAL) {
          throw new UvLambdaException(
              "The source distribution " + sdist + " unpacks to more than 512 MB.");
        }
        Path out = target.resolve(entry).normalize();
        Files.createDirectories(out.getParent());
        Files.write(out, data);
      }
    }
    try (var s = Files.list(target)) {
      java.util.List<Path> tops = s.filter(Files::isDirectory).toList();
      if (tops.size() != 1) {
        throw new UvLambdaException(
            "The source distribution " + sdist + " does not hold exactly one top directory.");
      }
      return tops.get(0);
    }
  }

  private static String ustarName(byte[] h) {
    String name = field(h, 0, 100);
    String magic = field(h, 257, 6);
    String prefix = magic.startsWith("ustar") ? field(h, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String paxPath(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    for (String record : text.split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 6);
      }
    }
    return null;
  }

  private static String field(byte[] h, int offset, int length) {
    int end = offset;
    while (end < offset + length && h[end] != 0) {
      end++;
    }
    return new String(h, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static boolean isZero(byte[] h) {
    for (byte b : h) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
    int n = in.readNBytes(buffer, 0, buffer.length);
    return n == buffer.length;
  }

  private static byte[] read(InputStream in, long size) throws IOException {
    if (size > MAX_TOTAL) {
      throw new IOException("entry too large");
    }
    byte[] data = in.readNBytes((int) size);
    in.skipNBytes((512 - size % 512) % 512);
    return data;
  }

  private static byte[] skip(InputStream in, long size) throws IOException {
    in.skipNBytes(size + (512 - size % 512) % 512);
    return null;
  }
}
