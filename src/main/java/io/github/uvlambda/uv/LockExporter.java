package io.github.uvlambda.uv;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.Marker;
import io.github.uvlambda.pep.MarkerEnvironment;
import io.github.uvlambda.pep.Version;
import io.github.uvlambda.pep.VersionSpecifiers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes, from {@code uv.lock} alone, the packages {@code uv export --frozen} selects for one
 * concrete target environment: uv's roots and group rules, extras, and a traversal in which every
 * edge marker — including uv's encoded conflict extras — is evaluated for that environment.
 */
public final class LockExporter {

  public List<ExportedPackage> export(
      PyProject project, UvLock lock, ExportOptions options, MarkerEnvironment env) {
    checkTarget(project, lock, env);
    ExportRoots selection = ExportRoots.select(project, lock, options);

    Set<String> activated = new TreeSet<>(selection.initialActivations);
    Set<PackageId> included;
    // Conflict markers can depend on extras activated deeper in the graph: repeat until stable.
    for (int round = 0; ; round++) {
      Set<String> before = new TreeSet<>(activated);
      included = traverse(lock, selection, env, activated);
      if (activated.equals(before) || round > 20) {
        break;
      }
    }

    PackageId projectId = selection.project == null ? null : selection.project.id();
    List<ExportedPackage> out = new ArrayList<>();
    for (PackageId id : included) {
      LockPackage p = lock.get(id);
      if (p.source().kind() == LockSource.Kind.VIRTUAL) {
        continue;
      }
      if (options.noEmitProject() && id.equals(projectId)) {
        continue;
      }
      if (options.noEmitPackages().contains(p.name().value())) {
        continue;
      }
      out.add(new ExportedPackage(p, line(p)));
    }
    out.sort(ORDER);
    return out;
  }

  /** uv's order: editables by path, then other local sources by path, then the rest by id. */
  private static final Comparator<ExportedPackage> ORDER =
      Comparator.<ExportedPackage>comparingInt(e -> rank(e.lockPackage().source()))
          .thenComparing(
              e -> e.lockPackage().source().isLocal() ? e.lockPackage().source().value() : "")
          .thenComparing(e -> e.lockPackage().name())
          .thenComparing(
              e -> e.lockPackage().version() == null ? "" : e.lockPackage().version(),
              Comparator.comparing(v -> Version.tryParse(v).orElse(Version.parse("0"))))
          .thenComparing(e -> e.lockPackage().source().toString());

  private static int rank(LockSource s) {
    return switch (s.kind()) {
      case EDITABLE -> 0;
      case PATH, DIRECTORY -> 1;
      default -> 2;
    };
  }

  private static void checkTarget(PyProject project, UvLock lock, MarkerEnvironment env) {
    String python = env.get("python_full_version");
    Version target = Version.parse(python);
    if (lock.requiresPython() != null
        && !VersionSpecifiers.parse(lock.requiresPython()).contains(target)) {
      throw new UvLambdaException(
          "Python "
              + env.get("python_version")
              + " is outside the requires-python of "
              + lock.file()
              + " ("
              + lock.requiresPython()
              + "). Choose a pythonVersion inside it, "
              + "or change requires-python in "
              + project.file()
              + " and run `uv lock`.");
    }
    if (!lock.supportedMarkers().isEmpty()
        && lock.supportedMarkers().stream().noneMatch(m -> Marker.parse(m).evaluate(env))) {
      throw new UvLambdaException(
          "The target (Linux "
              + env.get("platform_machine")
              + ", Python "
              + env.get("python_version")
              + ") is outside the environments "
              + lock.file()
              + " was locked for "
              + lock.supportedMarkers()
              + " (tool.uv.environments). Add it to tool.uv.environments in "
              + project.file()
              + " and run `uv lock`.");
    }
  }

  // ------------------------------------------------------------------ traversal

  private static Set<PackageId> traverse(
      UvLock lock, ExportRoots s, MarkerEnvironment baseEnv, Set<String> activated) {
    Set<PackageId> included = new LinkedHashSet<>();
    Set<ExportRoots.Node> seen = new HashSet<>();
    Deque<ExportRoots.Node> queue = new ArrayDeque<>();
    MarkerEnvironment env = baseEnv.withExtras(Set.copyOf(activated));
    for (ExportRoots.Node n : s.rootNodes) {
      included.add(n.id());
      if (seen.add(n)) {
        queue.add(n);
      }
    }
    for (LockDependency d : s.rootEdges) {
      take(d, env, included, seen, queue, activated);
    }
    while (!queue.isEmpty()) {
      ExportRoots.Node n = queue.poll();
      LockPackage p = lock.get(n.id());
      List<LockDependency> edges =
          n.extra() == null
              ? p.dependencies()
              : p.optionalDependencies().getOrDefault(n.extra(), List.of());
      for (LockDependency d : edges) {
        take(d, env, included, seen, queue, activated);
      }
    }
    return included;
  }

  private static void take(
      LockDependency d,
      MarkerEnvironment env,
      Set<PackageId> included,
      Set<ExportRoots.Node> seen,
      Deque<ExportRoots.Node> queue,
      Set<String> activated) {
    if (!d.marker().evaluate(env)) {
      return;
    }
    included.add(d.target());
    ExportRoots.Node base = new ExportRoots.Node(d.target(), null);
    if (seen.add(base)) {
      queue.add(base);
    }
    for (String x : d.extras()) {
      activated.add(ConflictEncoding.extra(d.target().name().value(), x));
      ExportRoots.Node withExtra = new ExportRoots.Node(d.target(), x);
      if (seen.add(withExtra)) {
        queue.add(withExtra);
      }
    }
  }

  // ------------------------------------------------------------------ lines

  static String line(LockPackage p) {
    LockSource s = p.source();
    String name = p.name().value();
    return switch (s.kind()) {
      case REGISTRY -> name + "==" + p.version();
      case GIT -> name + " @ git+" + gitUrl(s.value()) + subdirectory(s);
      case URL -> name + " @ " + s.value() + subdirectory(s);
      case PATH, DIRECTORY -> anchored(s.value());
      case EDITABLE -> "-e " + anchored(s.value());
      case VIRTUAL -> "";
    };
  }

  private static String gitUrl(String value) {
    int hash = value.indexOf('#');
    String commit = hash < 0 ? null : value.substring(hash + 1);
    String base = value.substring(0, hash < 0 ? value.length() : hash);
    int q = base.indexOf('?');
    if (q >= 0) {
      base = base.substring(0, q);
    }
    return commit == null ? base : base + "@" + commit;
  }

  private static String subdirectory(LockSource s) {
    return s.subdirectory() == null ? "" : "#subdirectory=" + s.subdirectory();
  }

  private static String anchored(String path) {
    if (path.equals(".")
        || path.startsWith("./")
        || path.startsWith("../")
        || path.startsWith("/")) {
      return path;
    }
    return "./" + path;
  }

  /** For callers that print: one line each, in export order. */
  public static List<String> lines(List<ExportedPackage> packages) {
    return packages.stream().map(ExportedPackage::line).toList();
  }
}
