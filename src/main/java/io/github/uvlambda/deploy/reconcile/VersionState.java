package io.github.uvlambda.deploy.reconcile;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function's published versions (not {@code $LATEST}) and aliases.
 *
 * @param versions newest first
 * @param aliases version by alias name
 * @param aliasArns ARN by alias name
 */
public record VersionState(
    List<Published> versions, Map<String, String> aliases, Map<String, String> aliasArns) {

  /** A published version and what it serves. */
  public record Published(String version, LambdaConfiguration configuration) {
    long number() {
      return Long.parseLong(version);
    }
  }

  public static final VersionState NONE = new VersionState(List.of(), Map.of(), Map.of());

  public VersionState {
    versions =
        versions.stream().sorted(Comparator.comparingLong(Published::number).reversed()).toList();
    aliases = Map.copyOf(aliases);
    aliasArns = Map.copyOf(aliasArns);
  }

  public Optional<Published> newest() {
    return versions.stream().findFirst();
  }
}
