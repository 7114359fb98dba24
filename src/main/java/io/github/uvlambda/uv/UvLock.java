package io.github.uvlambda.uv;

import io.github.uvlambda.pep.PackageName;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code uv.lock} (schema version 1, revisions 0 to 4), every dependency edge resolved.
 *
 * @param members {@code [manifest].members}: workspace member names (empty for a single project)
 * @param manifestRequirements root requirements not owned by a member (non-project workspace)
 * @param manifestDependencyGroups dependency groups of a non-project workspace root
 * @param conflicts {@code conflicts}: each set lists items as {@code extra-N-pkg-x} / {@code
 *     group-N-pkg-g} encodings
 */
public record UvLock(
    Path file,
    int version,
    int revision,
    String requiresPython,
    List<String> resolutionMarkers,
    List<String> supportedMarkers,
    List<PackageName> members,
    List<com.fasterxml.jackson.databind.JsonNode> manifestRequirements,
    Map<String, List<com.fasterxml.jackson.databind.JsonNode>> manifestDependencyGroups,
    List<com.fasterxml.jackson.databind.JsonNode> manifestConstraints,
    List<com.fasterxml.jackson.databind.JsonNode> manifestOverrides,
    List<List<String>> conflicts,
    List<LockPackage> packages,
    Map<PackageId, LockPackage> byId) {

  public static final String FILE_NAME = "uv.lock";

  public LockPackage get(PackageId id) {
    LockPackage p = byId.get(id);
    if (p == null) {
      throw new IllegalStateException("edge to unknown package " + id);
    }
    return p;
  }

  public List<LockPackage> byName(PackageName name) {
    return packages.stream().filter(p -> p.name().equals(name)).toList();
  }

  /**
   * The package of the project itself: the one named like {@code [project].name} whose source is a
   * local tree, preferring the workspace root ({@code "."}).
   */
  public Optional<LockPackage> project(PackageName name) {
    List<LockPackage> local = byName(name).stream().filter(p -> p.source().isLocal()).toList();
    return local.stream()
        .filter(p -> p.source().value().equals("."))
        .findFirst()
        .or(() -> local.stream().findFirst());
  }

  /** The workspace root package: source {@code editable = "."} or {@code virtual = "."}. */
  public Optional<LockPackage> root() {
    return packages.stream()
        .filter(
            p ->
                (p.source().kind() == LockSource.Kind.EDITABLE
                        || p.source().kind() == LockSource.Kind.VIRTUAL)
                    && p.source().value().equals("."))
        .findFirst();
  }
}
