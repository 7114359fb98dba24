package io.github.uvlambda.backend;

import java.util.List;
import java.util.Optional;

/** The build backends whose documented rules the plugin re-implements for pure-Python trees. */
public enum BuildBackend {
  UV_BUILD("uv_build", new UvBuildRules()),
  HATCHLING("hatchling.build", new HatchlingRules()),
  SETUPTOOLS("setuptools.build_meta", new SetuptoolsRules()),
  FLIT_CORE("flit_core.buildapi", new FlitRules()),
  PDM_BACKEND("pdm.backend", new PdmRules()),
  POETRY_CORE("poetry.core.masonry.api", new PoetryRules());

  private final String entryPoint;
  private final BackendRules rules;

  BuildBackend(String entryPoint, BackendRules rules) {
    this.entryPoint = entryPoint;
    this.rules = rules;
  }

  public String entryPoint() {
    return entryPoint;
  }

  BackendRules rules() {
    return rules;
  }

  /**
   * The backend of a {@code build-backend} value. A tree without {@code [build-system]} is built by
   * setuptools' legacy backend, as PEP 517 front ends (and uv) do.
   */
  public static Optional<BuildBackend> of(String buildBackend) {
    if (buildBackend == null || buildBackend.equals("setuptools.build_meta:__legacy__")) {
      return Optional.of(SETUPTOOLS);
    }
    for (BuildBackend b : values()) {
      if (b.entryPoint.equals(buildBackend.strip())) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /** The {@code build-backend} values the plugin can build, for messages. */
  public static List<String> supported() {
    return java.util.Arrays.stream(values()).map(BuildBackend::entryPoint).toList();
  }
}
