package io.github.uvlambda.uv;

import java.util.List;
import java.util.Set;

/**
 * What to export, with the meaning of the {@code uv export} flags of the same names. The defaults
 * ({@link #defaults()}) are uv's: the project's dependencies plus its default groups.
 */
public record ExportOptions(
    List<String> groups,
    List<String> onlyGroups,
    List<String> noGroups,
    boolean noDefaultGroups,
    boolean noDev,
    boolean allGroups,
    List<String> extras,
    boolean allExtras,
    boolean noEmitProject,
    Set<String> noEmitPackages) {

  public ExportOptions {
    groups = List.copyOf(groups);
    onlyGroups = List.copyOf(onlyGroups);
    noGroups = List.copyOf(noGroups);
    extras = List.copyOf(extras);
    noEmitPackages = Set.copyOf(noEmitPackages);
  }

  public static ExportOptions defaults() {
    return new ExportOptions(
        List.of(), List.of(), List.of(), false, false, false, List.of(), false, false, Set.of());
  }

  /**
   * A function's layer: {@code uv export --no-default-groups [--group G] --no-emit-project
   * [--no-emit-package X ...]}.
   *
   * @param dependencyGroup null for the project's top-level dependencies only
   */
  public static ExportOptions forLayer(String dependencyGroup, Set<String> excludedPackages) {
    return new ExportOptions(
        dependencyGroup == null ? List.of() : List.of(dependencyGroup),
        List.of(),
        List.of(),
        true,
        false,
        false,
        List.of(),
        false,
        true,
        excludedPackages);
  }
}
