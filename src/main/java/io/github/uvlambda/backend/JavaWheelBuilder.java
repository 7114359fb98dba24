package io.github.uvlambda.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.Version;
import io.github.uvlambda.uv.TomlFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a pure-Python wheel from a source tree in Java, following the rules of the tree's own
 * build backend, or says why it cannot (then the real backend has to run, through uv).
 */
public final class JavaWheelBuilder {
  private static final List<String> DEFAULT_LICENSE_GLOBS =
      List.of("LICEN[CS]E*", "COPYING*", "NOTICE*", "AUTHORS*");

  /** What analysing a tree found: the reasons it needs a real build, or what to build. */
  public record Analysis(
      SourceTree tree,
      BuildBackend backend,
      List<String> obstacles,
      WheelFiles files,
      String version) {
    public boolean buildable() {
      return obstacles.isEmpty();
    }
  }

  private JavaWheelBuilder() {}

  /**
   * @param lockedVersion the version uv.lock records for the package, or null (uv leaves it out for
   *     a dynamic version)
   */
  public static Analysis analyse(SourceTree tree, String lockedVersion) {
    List<String> obstacles = new ArrayList<>();
    if (tree.get("tool", "maturin") != null) {
      obstacles.add("it compiles a Rust extension ([tool.maturin])");
    }
    String declared = tree.buildBackend();
    Optional<BuildBackend> backend = BuildBackend.of(declared);
    if (backend.isEmpty()) {
      obstacles.add(
          "its build backend "
              + declared
              + " is not one the plugin re-implements ("
              + String.join(", ", BuildBackend.supported())
              + ")");
      return new Analysis(tree, null, obstacles, null, null);
    }
    BackendRules rules = backend.get().rules();
    obstacles.addAll(rules.obstacles(tree));
    if (tree.pyproject() != null && tree.project() == null && obstacles.isEmpty()) {
      obstacles.add("its pyproject.toml has no [project] table");
    }
    if (tree.project() == null && obstacles.isEmpty()) {
      obstacles.add("it has no pyproject.toml [project] table (setup.py only)");
    }
    if (!obstacles.isEmpty()) {
      return new Analysis(tree, backend.get(), obstacles, null, null);
    }
    Set<String> dynamic = new TreeSet<>(tree.dynamic());
    WheelFiles files = rules.select(tree);
    String version = TomlFiles.text(tree.project(), "version");
    if (dynamic.remove("version")) {
      version = lockedVersion != null ? lockedVersion : staticVersion(tree, backend.get(), files);
      if (version == null) {
        obstacles.add(
            "its version is dynamic and neither uv.lock nor a literal __version__ the backend"
                + " reads gives it");
      }
    }
    if (dynamic.remove("description") && backend.get() != BuildBackend.FLIT_CORE) {
      obstacles.add("its description is dynamic");
    }
    dynamic.remove("license-files");
    if (!dynamic.isEmpty()) {
      obstacles.add(
          "its [project] declares "
              + String.join(", ", dynamic)
              + " dynamic, which only its backend can compute");
    }
    if (version == null && obstacles.isEmpty()) {
      throw new UvLambdaException(
          tree.label()
              + ": "
              + tree.pyprojectFile()
              + " gives no [project] version. Set version = \"0.1.0\".");
    }
    return new Analysis(tree, backend.get(), obstacles, files, version);
  }

  private static String staticVersion(SourceTree tree, BuildBackend backend, WheelFiles files) {
    return switch (backend) {
      case HATCHLING -> HatchlingRules.versionFromPath(tree);
      case PDM_BACKEND -> pdmVersion(tree);
      default -> files.version();
    };
  }

  private static String pdmVersion(SourceTree tree) {
    JsonNode v = tree.get("tool", "pdm", "version");
    String path = TomlFiles.text(v, "path");
    if (v == null
        || !"file".equals(TomlFiles.text(v, "source"))
        || path == null
        || !tree.isFile(path)) {
      return null;
    }
    return SetuptoolsRules.literalAssignment(tree.read(path), "__version__");
  }

  /** Builds the analysed (buildable) tree into {@code directory}; returns the wheel. */
  public static Path build(Analysis a, Path directory) {
    if (!a.buildable()) {
      throw new IllegalStateException("not buildable in Java: " + a.obstacles());
    }
    SourceTree tree = a.tree();
    BackendRules rules = a.backend().rules();
    String version = normalize(tree, a.version());
    SortedMap<String, Path> licenses = licenseFiles(tree);
    String metadata =
        CoreMetadata.render(
            tree,
            version,
            tree.dynamic().contains("description") ? a.files().description() : null,
            new ArrayList<>(licenses.keySet()));
    WheelArchive.Contents contents =
        new WheelArchive.Contents(
            rules.distributionFileName(tree.rawName()),
            version,
            a.files().files(),
            metadata,
            WheelArchive.entryPoints(tree),
            a.files().topLevel(),
            licenses);
    try {
      return WheelArchive.write(contents, directory);
    } catch (IOException e) {
      throw new UvLambdaException(
          tree.label() + ": cannot write its wheel into " + directory + ": " + e.getMessage(), e);
    }
  }

  private static String normalize(SourceTree tree, String version) {
    return Version.tryParse(version)
        .map(Version::toString)
        .orElseThrow(
            () ->
                new UvLambdaException(
                    tree.label() + ": version '" + version + "' is not a valid PEP 440 version."));
  }

  /**
   * PEP 639 {@code license-files} globs, {@code license = { file }}, or the usual names at the
   * root.
   */
  static SortedMap<String, Path> licenseFiles(SourceTree tree) {
    SortedMap<String, Path> out = new TreeMap<>();
    JsonNode project = tree.project();
    List<String> globs = TomlFiles.strings(project, "license-files");
    JsonNode license = project.get("license");
    if (license != null && license.has("file")) {
      String f = license.get("file").asText();
      out.put(f, tree.resolve(f));
      return out;
    }
    if (globs.isEmpty() && !project.has("license-files")) {
      globs = DEFAULT_LICENSE_GLOBS;
    }
    List<String> anchored = globs.stream().map(g -> "/" + g).toList();
    PathPatterns patterns = PathPatterns.of(anchored);
    for (String rel : tree.walk("", HatchlingRules.EXCLUDED_DIRECTORIES)) {
      if (patterns.matches(rel) && !rel.endsWith("/")) {
        out.put(rel, tree.resolve(rel));
      }
    }
    return out;
  }

  static String firstGroup(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group(1) : null;
  }
}
