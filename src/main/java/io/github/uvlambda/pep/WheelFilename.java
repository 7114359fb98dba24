package io.github.uvlambda.pep;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wheel file name, {@code {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl} (PEP 427),
 * with its compressed tag sets expanded.
 */
public record WheelFilename(
    String filename,
    PackageName name,
    String version,
    BigInteger buildNumber,
    String buildSuffix,
    List<WheelTag> tags) {

  private static final Pattern BUILD = Pattern.compile("^([0-9]+)(.*)$");

  public WheelFilename {
    tags = List.copyOf(tags);
  }

  public static Optional<WheelFilename> tryParse(String filename) {
    try {
      return Optional.of(parse(filename));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static WheelFilename parse(String filename) {
    if (!filename.endsWith(".whl")) {
      throw new IllegalArgumentException("'" + filename + "' is not a wheel file name");
    }
    String[] parts = filename.substring(0, filename.length() - 4).split("-");
    if (parts.length != 5 && parts.length != 6) {
      throw new IllegalArgumentException(
          "'" + filename + "' is not a wheel file name: expected 5 or 6 dash-separated parts");
    }
    BigInteger buildNumber = null;
    String buildSuffix = "";
    if (parts.length == 6) {
      Matcher m = BUILD.matcher(parts[2]);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "'" + filename + "' has a build tag that does not start with a digit");
      }
      buildNumber = new BigInteger(m.group(1));
      buildSuffix = m.group(2);
    }
    int t = parts.length - 3;
    List<WheelTag> tags = new ArrayList<>();
    for (String py : parts[t].split("\\.")) {
      for (String abi : parts[t + 1].split("\\.")) {
        for (String plat : parts[t + 2].split("\\.")) {
          tags.add(new WheelTag(py, abi, plat));
        }
      }
    }
    if (!PackageName.isValid(parts[0])) {
      throw new IllegalArgumentException("'" + filename + "' has an invalid distribution name");
    }
    return new WheelFilename(
        filename, PackageName.of(parts[0]), parts[1], buildNumber, buildSuffix, tags);
  }
}
