package io.github.uvlambda.pep;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version, parsed and ordered exactly as pypa/packaging does it (the oracle of the test
 * vectors). Numbers are arbitrary precision, as in Python.
 */
public final class Version implements Comparable<Version> {
  private static final Pattern PATTERN =
      Pattern.compile(
          "^\\s*v?"
              + "(?:(?<epoch>[0-9]+)!)?"
              + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
              + "(?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?"
              + "(?<post>(?:-(?<postn1>[0-9]+))|(?:[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?))?"
              + "(?<dev>[-_.]?(?<devl>dev)[-_.]?(?<devn>[0-9]+)?)?"
              + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?"
              + "\\s*$",
          Pattern.CASE_INSENSITIVE);

  private final BigInteger epoch;
  private final List<BigInteger> release;
  private final String preLabel; // a, b, rc or null
  private final BigInteger preNumber;
  private final BigInteger post;
  private final BigInteger dev;
  private final List<Object> local; // BigInteger or String segments; null when absent

  private Version(
      BigInteger epoch,
      List<BigInteger> release,
      String preLabel,
      BigInteger preNumber,
      BigInteger post,
      BigInteger dev,
      List<Object> local) {
    this.epoch = epoch;
    this.release = List.copyOf(release);
    this.preLabel = preLabel;
    this.preNumber = preNumber;
    this.post = post;
    this.dev = dev;
    this.local = local == null ? null : List.copyOf(local);
  }

  public static Version parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new InvalidVersionException("Invalid version: '" + text + "'"));
  }

  public static Optional<Version> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = PATTERN.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    BigInteger epoch =
        m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
    List<BigInteger> release = new ArrayList<>();
    for (String part : m.group("release").split("\\.")) {
      release.add(new BigInteger(part));
    }
    String preLabel = null;
    BigInteger preNumber = null;
    if (m.group("pre") != null) {
      preLabel = normalizePreLabel(m.group("prel"));
      preNumber = m.group("pren") == null ? BigInteger.ZERO : new BigInteger(m.group("pren"));
    }
    BigInteger post = null;
    if (m.group("post") != null) {
      String n = m.group("postn1") != null ? m.group("postn1") : m.group("postn2");
      post = n == null ? BigInteger.ZERO : new BigInteger(n);
    }
    BigInteger dev = null;
    if (m.group("dev") != null) {
      dev = m.group("devn") == null ? BigInteger.ZERO : new BigInteger(m.group("devn"));
    }
    List<Object> local = null;
    if (m.group("local") != null) {
      local = new ArrayList<>();
      for (String part : m.group("local").toLowerCase(Locale.ROOT).split("[-_.]")) {
        local.add(part.chars().allMatch(Character::isDigit) ? new BigInteger(part) : part);
      }
    }
    return Optional.of(new Version(epoch, release, preLabel, preNumber, post, dev, local));
  }

  private static String normalizePreLabel(String label) {
    return switch (label.toLowerCase(Locale.ROOT)) {
      case "alpha", "a" -> "a";
      case "beta", "b" -> "b";
      default -> "rc";
    };
  }

  public BigInteger epoch() {
    return epoch;
  }

  public List<BigInteger> release() {
    return release;
  }

  public boolean isPrerelease() {
    return preLabel != null || dev != null;
  }

  public boolean isPostrelease() {
    return post != null;
  }

  public boolean isDevrelease() {
    return dev != null;
  }

  public boolean hasLocal() {
    return local != null;
  }

  /** The same version with the release's trailing zeros dropped (1.26.0 → 1.26, 2.0 → 2). */
  public Version withoutTrailingZeros() {
    List<BigInteger> r = trimmedRelease();
    return new Version(
        epoch, r.isEmpty() ? List.of(BigInteger.ZERO) : r, preLabel, preNumber, post, dev, local);
  }

  /** This version without its local segment. */
  public Version publicVersion() {
    return local == null ? this : new Version(epoch, release, preLabel, preNumber, post, dev, null);
  }

  /** The version this one is a post-release of: 1.0.post1 → 1.0, 1.0a1.post0 → 1.0a1. */
  Version postBase() {
    return new Version(epoch, release, preLabel, preNumber, null, null, null);
  }

  /** The earliest pre-release of this version: 1.2 → 1.2.dev0. */
  Version earliestPrerelease() {
    return new Version(epoch, release, preLabel, preNumber, post, BigInteger.ZERO, null);
  }

  /** Major and minor of the release, e.g. {@code 3.12} for {@code 3.12.4}. */
  public String majorMinor() {
    BigInteger minor = release.size() > 1 ? release.get(1) : BigInteger.ZERO;
    return release.get(0) + "." + minor;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (epoch.signum() != 0) {
      s.append(epoch).append('!');
    }
    for (int i = 0; i < release.size(); i++) {
      if (i > 0) {
        s.append('.');
      }
      s.append(release.get(i));
    }
    if (preLabel != null) {
      s.append(preLabel).append(preNumber);
    }
    if (post != null) {
      s.append(".post").append(post);
    }
    if (dev != null) {
      s.append(".dev").append(dev);
    }
    if (local != null) {
      s.append('+');
      for (int i = 0; i < local.size(); i++) {
        if (i > 0) {
          s.append('.');
        }
        s.append(local.get(i));
      }
    }
    return s.toString();
  }

  private List<BigInteger> trimmedRelease() {
    int end = release.size();
    while (end > 0 && release.get(end - 1).signum() == 0) {
      end--;
    }
    return release.subList(0, end);
  }

  private int preRank() {
    if (preLabel == null && post == null && dev != null) {
      return -1;
    }
    if (preLabel == null) {
      return 3;
    }
    return switch (preLabel) {
      case "a" -> 0;
      case "b" -> 1;
      default -> 2;
    };
  }

  @Override
  public int compareTo(Version o) {
    int c = epoch.compareTo(o.epoch);
    if (c != 0) {
      return c;
    }
    c = compareReleases(trimmedRelease(), o.trimmedRelease());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(preRank(), o.preRank());
    if (c != 0) {
      return c;
    }
    c = zeroIfNull(preNumber).compareTo(zeroIfNull(o.preNumber));
    if (c != 0) {
      return c;
    }
    c = Integer.compare(post == null ? 0 : 1, o.post == null ? 0 : 1);
    if (c != 0) {
      return c;
    }
    c = zeroIfNull(post).compareTo(zeroIfNull(o.post));
    if (c != 0) {
      return c;
    }
    c = Integer.compare(dev == null ? 1 : 0, o.dev == null ? 1 : 0);
    if (c != 0) {
      return c;
    }
    c = zeroIfNull(dev).compareTo(zeroIfNull(o.dev));
    if (c != 0) {
      return c;
    }
    return compareLocal(local, o.local);
  }

  private static BigInteger zeroIfNull(BigInteger n) {
    return n == null ? BigInteger.ZERO : n;
  }

  private static int compareReleases(List<BigInteger> a, List<BigInteger> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareLocal(List<Object> a, List<Object> b) {
    if (a == null || b == null) {
      return Boolean.compare(a != null, b != null);
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      Object x = a.get(i);
      Object y = b.get(i);
      int c;
      if (x instanceof BigInteger bx && y instanceof BigInteger by) {
        c = bx.compareTo(by);
      } else if (x instanceof String sx && y instanceof String sy) {
        c = sx.compareTo(sy);
      } else {
        // Numeric segments sort after alphanumeric ones.
        c = x instanceof BigInteger ? 1 : -1;
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof Version v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        epoch, trimmedRelease(), preRank(), preNumber, post, dev, local == null ? null : local);
  }
}
