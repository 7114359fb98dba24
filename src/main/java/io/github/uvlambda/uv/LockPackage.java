package io.github.uvlambda.uv;

import io.github.uvlambda.pep.PackageName;
import java.util.List;
import java.util.Map;

/**
 * One {@code [[package]]} of {@code uv.lock}.
 *
 * @param optionalDependencies the resolved edges of each extra that was needed
 * @param dependencyGroups the resolved edges of each PEP 735 group ({@code
 *     [package.dev-dependencies]})
 * @param metadata null for registry packages
 */
public record LockPackage(
    PackageId id,
    List<LockDependency> dependencies,
    Map<String, List<LockDependency>> optionalDependencies,
    Map<String, List<LockDependency>> dependencyGroups,
    LockArtifact sdist,
    List<LockArtifact> wheels,
    LockMetadata metadata,
    List<String> resolutionMarkers) {

  public PackageName name() {
    return id.name();
  }

  public String version() {
    return id.version();
  }

  public LockSource source() {
    return id.source();
  }

  /** "name version" for messages. */
  public String label() {
    return id.version() == null ? id.name().value() : id.name() + " " + id.version();
  }
}
