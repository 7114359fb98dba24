package io.github.uvlambda.pep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 508 dependency specifier: {@code name[extra,...] (specifiers | @ url) ; marker}.
 *
 * @param extras normalized and sorted
 * @param url the direct reference after {@code @}, or null
 */
public record Requirement(
    PackageName name,
    List<String> extras,
    VersionSpecifiers specifiers,
    String url,
    Marker marker) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");

  public Requirement {
    extras = List.copyOf(extras);
  }

  public static Requirement parse(String text) {
    String s = text.strip();
    int semicolon = markerSeparator(s);
    String head = semicolon < 0 ? s : s.substring(0, semicolon).strip();
    Marker marker;
    try {
      marker = semicolon < 0 ? Marker.TRUE : Marker.parse(s.substring(semicolon + 1).strip());
    } catch (InvalidMarkerException e) {
      throw new InvalidMarkerException("Invalid requirement '" + text + "': " + e.getMessage());
    }
    Matcher nm = NAME.matcher(head);
    if (!nm.lookingAt()) {
      throw invalid(text, "it does not start with a package name");
    }
    PackageName name = PackageName.of(nm.group());
    String rest = head.substring(nm.end()).strip();
    List<String> extras = new ArrayList<>();
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw invalid(text, "the extras list has no closing ']'");
      }
      TreeSet<String> set = new TreeSet<>();
      for (String e : rest.substring(1, close).split(",")) {
        if (!e.isBlank()) {
          if (!PackageName.isValid(e)) {
            throw invalid(text, "'" + e.strip() + "' is not a valid extra name");
          }
          set.add(PackageName.normalize(e));
        }
      }
      extras.addAll(set);
      rest = rest.substring(close + 1).strip();
    }
    String url = null;
    VersionSpecifiers specifiers = VersionSpecifiers.ANY;
    if (rest.startsWith("@")) {
      url = rest.substring(1).strip();
      if (url.isEmpty()) {
        throw invalid(text, "'@' is not followed by a URL");
      }
    } else if (!rest.isEmpty()) {
      String spec = rest;
      if (spec.startsWith("(")) {
        if (!spec.endsWith(")")) {
          throw invalid(text, "the version specifier has no closing ')'");
        }
        spec = spec.substring(1, spec.length() - 1);
      }
      try {
        specifiers = VersionSpecifiers.parse(spec);
      } catch (InvalidVersionException e) {
        throw invalid(text, e.getMessage());
      }
    }
    return new Requirement(name, extras, specifiers, url, marker);
  }

  public static Optional<Requirement> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The position of the ';' that starts the marker. After a URL, PEP 508 wants whitespace first.
   */
  private static int markerSeparator(String s) {
    int at = s.indexOf('@');
    int semicolon = s.indexOf(';');
    if (at < 0 || (semicolon >= 0 && semicolon < at)) {
      return semicolon;
    }
    for (int i = at + 1; i < s.length(); i++) {
      if (s.charAt(i) == ';' && Character.isWhitespace(s.charAt(i - 1))) {
        return i;
      }
    }
    return -1;
  }

  private static InvalidMarkerException invalid(String text, String why) {
    return new InvalidMarkerException("Invalid requirement '" + text + "': " + why);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(name.value());
    if (!extras.isEmpty()) {
      b.append('[').append(String.join(",", extras)).append(']');
    }
    if (url != null) {
      b.append(" @ ").append(url);
    } else if (!specifiers.isEmpty()) {
      b.append(specifiers);
    }
    if (!marker.isTrue()) {
      b.append(" ; ").append(marker.source());
    }
    return b.toString();
  }
}
