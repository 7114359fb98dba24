package io.github.uvlambda.pep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** A comma-separated set of {@link VersionSpecifier}s, e.g. {@code >=3.11,<4}. All must match. */
public record VersionSpecifiers(List<VersionSpecifier> specifiers) {
  public static final VersionSpecifiers ANY = new VersionSpecifiers(List.of());

  public VersionSpecifiers {
    specifiers = List.copyOf(specifiers);
  }

  public static VersionSpecifiers parse(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return ANY;
    }
    List<VersionSpecifier> list = new ArrayList<>();
    for (String part : trimmed.split(",")) {
      list.add(VersionSpecifier.parse(part));
    }
    return new VersionSpecifiers(list);
  }

  public boolean isEmpty() {
    return specifiers.isEmpty();
  }

  /** Whether a concrete (final) version satisfies every clause; pre-releases count like finals. */
  public boolean contains(Version version) {
    return specifiers.stream().allMatch(s -> s.contains(version, true));
  }

  /** The clauses in canonical form, sorted: two sets compare equal exactly when these are equal. */
  public List<String> canonical() {
    List<String> result =
        specifiers.stream().map(VersionSpecifier::canonical).collect(Collectors.toList());
    Collections.sort(result);
    return result;
  }

  @Override
  public String toString() {
    return specifiers.stream().map(VersionSpecifier::toString).collect(Collectors.joining(","));
  }
}
