package io.github.uvlambda.archive;

import java.util.Optional;

/** Guards against archive entries that would escape the directory they are unpacked into. */
public final class EntryNames {
  private EntryNames() {}

  /** Why the name is unsafe, or empty when it is a plain relative path. */
  public static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of("an empty name");
    }
    if (name.indexOf('\0') >= 0) {
      return Optional.of("a NUL character");
    }
    if (name.startsWith("/") || name.startsWith("\\")) {
      return Optional.of("an absolute path");
    }
    if (name.length() > 1 && name.charAt(1) == ':') {
      return Optional.of("a drive letter");
    }
    if (name.indexOf('\\') >= 0) {
      return Optional.of("a backslash");
    }
    for (String segment : name.split("/", -1)) {
      if (segment.equals("..")) {
        return Optional.of("a '..' segment");
      }
    }
    return Optional.empty();
  }
}
