package io.github.uvlambda.pep;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A distribution name in its PEP 503 normalized form: lower case, every run of {@code -}, {@code _}
 * and {@code .} replaced by one {@code -}. Two names are the same package exactly when their
 * normalized forms are equal.
 */
public record PackageName(String value) implements Comparable<PackageName> {
  private static final Pattern VALID =
      Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", Pattern.CASE_INSENSITIVE);
  private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

  public PackageName {
    if (!value.equals(normalize(value))) {
      throw new IllegalArgumentException("not a normalized package name: " + value);
    }
  }

  /** Parses and normalizes a distribution name; rejects names PEP 508 does not allow. */
  public static PackageName of(String raw) {
    String trimmed = raw.strip();
    if (!VALID.matcher(trimmed).matches()) {
      throw new IllegalArgumentException(
          "'" + raw + "' is not a valid Python package name (PEP 508)");
    }
    return new PackageName(normalize(trimmed));
  }

  public static boolean isValid(String raw) {
    return VALID.matcher(raw.strip()).matches();
  }

  public static String normalize(String raw) {
    return SEPARATORS.matcher(raw.strip()).replaceAll("-").toLowerCase(Locale.ROOT);
  }

  @Override
  public int compareTo(PackageName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
