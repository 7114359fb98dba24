package io.github.uvlambda.build;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bytes of a file's name as the file system stores them. Java turns a name into a String with
 * the platform's file-name encoding, which silently replaces bytes it cannot decode (and, with
 * {@code LANG=C}, every non-ASCII byte); a file URI keeps them, percent-encoded.
 */
final class FileNames {
  private FileNames() {}

  /** The file's name decoded as UTF-8, or empty when its bytes are not valid UTF-8. */
  static Optional<String> utf8Name(Path file) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(rawName(file)))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** The name with every byte that is not printable ASCII written as {@code \xNN}. */
  static String escapedName(Path file) {
    StringBuilder s = new StringBuilder();
    for (byte b : rawName(file)) {
      int c = b & 0xFF;
      if (c >= 0x20 && c < 0x7F) {
        s.append((char) c);
      } else {
        s.append(String.format("\\x%02X", c));
      }
    }
    return s.toString();
  }

  static byte[] rawName(Path file) {
    String path = file.toAbsolutePath().toUri().getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String segment = path.substring(path.lastIndexOf('/') + 1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); ) {
      if (segment.charAt(i) == '%' && i + 2 < segment.length() && isHex(segment, i + 1)) {
        bytes.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        int cp = segment.codePointAt(i);
        byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        i += Character.charCount(cp);
      }
    }
    return bytes.toByteArray();
  }

  private static boolean isHex(String s, int at) {
    return Character.digit(s.charAt(at), 16) >= 0 && Character.digit(s.charAt(at + 1), 16) >= 0;
  }
}
