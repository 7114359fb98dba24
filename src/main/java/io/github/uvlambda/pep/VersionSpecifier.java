package io.github.uvlambda.pep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PEP 440 version clause such as {@code >=1.2}, {@code ~=2.2.1}, {@code ==3.*} or {@code
 * ===foo}, with the matching rules of pypa/packaging's {@code Specifier}.
 */
public final class VersionSpecifier {
  private static final String PRE = "(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?";
  private static final String POST = "(?:(?:-[0-9]+)|(?:[-_.]?(?:post|rev|r)[-_.]?[0-9]*))?";
  private static final String DEV = "(?:[-_.]?dev[-_.]?[0-9]*)?";
  private static final Pattern ARBITRARY = Pattern.compile("^\\s*(===)\\s*([^\\s;)]*)\\s*$");
  private static final Pattern EQUALITY =
      Pattern.compile(
          "^\\s*(==|!=)\\s*(v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*(?:\\.\\*|"
              + PRE
              + POST
              + DEV
              + "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?)?)\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern COMPATIBLE =
      Pattern.compile(
          "^\\s*(~=)\\s*(v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+" + PRE + POST + DEV + ")\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ORDERED =
      Pattern.compile(
          "^\\s*(<=|>=|<|>)\\s*(v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*" + PRE + POST + DEV + ")\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PRE_SPLIT = Pattern.compile("([0-9]+)((?:a|b|c|rc)[0-9]+)");

  private final String operator;
  private final String version;

  private VersionSpecifier(String operator, String version) {
    this.operator = operator;
    this.version = version;
  }

  public static VersionSpecifier parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new InvalidVersionException("Invalid specifier: '" + text + "'"));
  }

  public static Optional<VersionSpecifier> tryParse(String text) {
    for (Pattern p : List.of(ARBITRARY, EQUALITY, COMPATIBLE, ORDERED)) {
      Matcher m = p.matcher(text);
      if (m.matches()) {
        return Optional.of(new VersionSpecifier(m.group(1), m.group(2)));
      }
    }
    return Optional.empty();
  }

  public String operator() {
    return operator;
  }

  public String version() {
    return version;
  }

  /** True when this clause itself names a pre-release (which lets pre-releases match). */
  public boolean allowsPrereleases() {
    if (operator.equals("!=")) {
      return false;
    }
    if (operator.equals("===")) {
      return Version.tryParse(version).map(Version::isPrerelease).orElse(false);
    }
    String v = version.endsWith(".*") ? version.substring(0, version.length() - 2) : version;
    return Version.tryParse(v).map(Version::isPrerelease).orElse(false);
  }

  /**
   * Whether {@code candidate} satisfies this clause. With {@code prereleases} true, pre-releases
   * are treated like any version (the rule marker evaluation uses); with false they never match.
   */
  public boolean contains(String candidate, boolean prereleases) {
    Optional<Version> parsed = Version.tryParse(candidate);
    if (parsed.isEmpty()) {
      return operator.equals("===") && candidate.toLowerCase(Locale.ROOT).equals(lowerVersion());
    }
    return contains(parsed.get(), prereleases, candidate);
  }

  public boolean contains(Version candidate, boolean prereleases) {
    return contains(candidate, prereleases, candidate.toString());
  }

  private String lowerVersion() {
    return version.toLowerCase(Locale.ROOT);
  }

  private boolean contains(Version candidate, boolean prereleases, String raw) {
    boolean match =
        switch (operator) {
          case "===" -> raw.toLowerCase(Locale.ROOT).equals(lowerVersion());
          case "==" -> compareEqual(candidate, version);
          case "!=" -> !compareEqual(candidate, version);
          case "<=" -> candidate.publicVersion().compareTo(Version.parse(version)) <= 0;
          case ">=" -> candidate.publicVersion().compareTo(Version.parse(version)) >= 0;
          case "<" -> compareLessThan(candidate);
          case ">" -> compareGreaterThan(candidate);
          case "~=" -> compareCompatible(candidate);
          default -> throw new IllegalStateException(operator);
        };
    return match && (prereleases || !candidate.isPrerelease());
  }

  private boolean compareCompatible(Version candidate) {
    // Like packaging, the prefix is cut from the specifier as written, not from its normal form.
    List<String> split = versionSplit(version);
    List<String> prefix = new ArrayList<>();
    for (String segment : split) {
      if (isSuffix(segment)) {
        break;
      }
      prefix.add(segment);
    }
    prefix.remove(prefix.size() - 1);
    String wildcard =
        prefix.get(0) + "!" + String.join(".", prefix.subList(1, prefix.size())) + ".*";
    return candidate.publicVersion().compareTo(Version.parse(version)) >= 0
        && compareEqual(candidate, wildcard);
  }

  private static boolean isSuffix(String segment) {
    for (String p : List.of("dev", "a", "b", "rc", "post")) {
      if (segment.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean compareEqual(Version candidate, String spec) {
    if (spec.endsWith(".*")) {
      String base = spec.substring(0, spec.length() - 2);
      List<String> specSplit =
          versionSplit(Version.tryParse(base).map(Version::toString).orElse(base));
      int specNumeric = numericPrefixLength(specSplit);
      List<String> cand = versionSplit(candidate.publicVersion().toString());
      int candNumeric = numericPrefixLength(cand);
      List<String> padded = new ArrayList<>(cand.subList(0, candNumeric));
      while (padded.size() < specNumeric) {
        padded.add("0");
      }
      padded.addAll(cand.subList(candNumeric, cand.size()));
      return padded.subList(0, Math.min(padded.size(), specSplit.size())).equals(specSplit);
    }
    Version specVersion = Version.parse(spec);
    Version c = specVersion.hasLocal() ? candidate : candidate.publicVersion();
    return c.equals(specVersion);
  }

  private boolean compareLessThan(Version candidate) {
    Version spec = Version.parse(version);
    if (candidate.compareTo(spec) >= 0) {
      return false;
    }
    return spec.isPrerelease()
        || !candidate.isPrerelease()
        || candidate.compareTo(spec.earliestPrerelease()) < 0;
  }

  private boolean compareGreaterThan(Version candidate) {
    Version spec = Version.parse(version);
    if (candidate.compareTo(spec) <= 0) {
      return false;
    }
    if (!spec.isPostrelease() && candidate.isPostrelease() && candidate.postBase().equals(spec)) {
      return false;
    }
    return !(candidate.hasLocal() && candidate.publicVersion().equals(spec));
  }

  private static List<String> versionSplit(String normalized) {
    List<String> result = new ArrayList<>();
    int bang = normalized.lastIndexOf('!');
    result.add(bang < 0 ? "0" : normalized.substring(0, bang));
    for (String item : normalized.substring(bang + 1).split("\\.", -1)) {
      Matcher m = PRE_SPLIT.matcher(item);
      if (m.matches()) {
        result.add(m.group(1));
        result.add(m.group(2));
      } else {
        result.add(item);
      }
    }
    return result;
  }

  private static int numericPrefixLength(List<String> split) {
    int n = 0;
    for (String s : split) {
      if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) {
        break;
      }
      n++;
    }
    return n;
  }

  /**
   * A form in which two clauses are equal exactly when uv considers them equal: the version
   * normalized and, except for {@code ~=} and wildcards (where the length matters), without
   * trailing zeros ({@code >=1.26} and {@code >=1.26.0} are the same clause).
   */
  public String canonical() {
    if (operator.equals("===")) {
      return operator + version;
    }
    if (version.endsWith(".*")) {
      return operator + Version.parse(version.substring(0, version.length() - 2)) + ".*";
    }
    Version v = Version.parse(version);
    return operator + (operator.equals("~=") ? v.toString() : v.withoutTrailingZeros().toString());
  }

  @Override
  public String toString() {
    return operator + version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VersionSpecifier s && canonical().equals(s.canonical());
  }

  @Override
  public int hashCode() {
    return canonical().hashCode();
  }
}
