package io.github.uvlambda.wheel;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.archive.ZipEntryInfo;
import io.github.uvlambda.archive.ZipReader;
import io.github.uvlambda.pep.Requirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Requires-Dist} of a wheel's {@code METADATA}: the version ranges a package accepts of
 * its dependencies, which {@code uv.lock} does not record for registry packages.
 */
public final class WheelRequirements {
  private WheelRequirements() {}

  public static List<Requirement> read(Path wheel) {
    try (ZipReader zip = ZipReader.open(wheel)) {
      for (ZipEntryInfo e : zip.entries()) {
        String n = e.name();
        if (n.endsWith(".dist-info/METADATA") && n.indexOf('/') == n.lastIndexOf('/')) {
          return parse(new String(zip.content(e, 16L << 20), StandardCharsets.UTF_8));
        }
      }
      return List.of();
    } catch (IOException e) {
      throw new UvLambdaException(
          "Cannot read the metadata of " + wheel + ": " + e.getMessage(), e);
    }
  }

  /** The requirements of a METADATA text; the headers end at the first empty line. */
  public static List<Requirement> parse(String metadata) {
    List<Requirement> out = new ArrayList<>();
    for (String line : metadata.split("\r?\n")) {
      if (line.isEmpty()) {
        break;
      }
      if (line.regionMatches(true, 0, "Requires-Dist:", 0, "Requires-Dist:".length())) {
        Optional<Requirement> r =
            Requirement.tryParse(line.substring("Requires-Dist:".length()).strip());
        r.ifPresent(out::add);
      }
    }
    return out;
  }
}
