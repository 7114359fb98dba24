package io.github.uvlambda.build;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The entry time of every zip the plugin writes: Maven's {@code project.build.outputTimestamp} when
 * set (ISO-8601 or seconds since the epoch), else a fixed 1980-01-01T00:00:00Z, so that zips never
 * depend on when or where they were built.
 */
public final class BuildTimestamp {
  private BuildTimestamp() {}

  public static Instant parse(String outputTimestamp) {
    // Maven's convention: unset, or a single character (such as "1"), means "not configured".
    if (outputTimestamp == null
        || outputTimestamp.isBlank()
        || outputTimestamp.strip().length() == 1) {
      return ReproducibleZipWriter.DEFAULT_TIME;
    }
    String s = outputTimestamp.strip();
    try {
      if (s.chars().allMatch(Character::isDigit)) {
        return Instant.ofEpochSecond(Long.parseLong(s));
      }
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new UvLambdaException(
          "project.build.outputTimestamp is '"
              + s
              + "': use an ISO-8601 time such as 2026-01-01T00:00:00Z"
              + " or seconds since the epoch.");
    }
  }
}
