package io.github.uvlambda.uv;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.Marker;
import io.github.uvlambda.pep.MarkerEnvironment;
import io.github.uvlambda.pep.PackageName;
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
import java.util.stream.Collectors;

/**
 * Computes, from {@code uv.lock} alone, the packages {@code uv export --frozen} selects for one
 * concrete target environment: uv's roots and group rules, extras, and a traversal in which every
 * edge marker — including uv's encoded conflict extras — is evaluated for that environment.
 */
public final class LockExporter {

  /** A node of the traversal: a package, with one of its extras or none. */
  private record Node(PackageId id, String extra) {}

  public List<ExportedPackage> export(
      PyProject project, UvLock lock, ExportOptions options, MarkerEnvironment env) {
    checkTarget(project, lock, env);
    Selection selection = select(project, lock, options);

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

  // ------------------------------------------------------------------ roots and groups

  private static final class Selection {
    LockPackage project;
    final List<Node> rootNodes = new ArrayList<>();
    final List<LockDependency> rootEdges = new ArrayList<>();
    final Set<String> initialActivations = new LinkedHashSet<>();
  }

  private static Selection select(PyProject project, UvLock lock, ExportOptions options) {
    Selection s = new Selection();
    Set<String> defined = new LinkedHashSet<>(project.dependencyGroups().keySet());
    Set<String> selectedGroups = resolveGroups(project, options, defined);
    boolean prod = options.onlyGroups().isEmpty();

    if (project.projectName() != null) {
      PackageName name = PackageName.of(project.projectName());
      LockPackage root =
          lock.project(name)
              .orElseThrow(
                  () ->
                      new UvLambdaException(
                          lock.file()
                              + " has no package for project '"
                              + name
                              + "' of "
                              + project.file()
                              + ": the lock is stale. Run `uv lock`."));
      s.project = root;
      String pkg = root.name().value();
      List<String> extras = resolveExtras(project, root, options);
      if (prod) {
        s.rootNodes.add(new Node(root.id(), null));
        s.initialActivations.add(ConflictEncoding.project(pkg));
        for (String e : extras) {
          s.rootNodes.add(new Node(root.id(), e));
          s.initialActivations.add(ConflictEncoding.extra(pkg, e));
        }
      }
      for (String g : selectedGroups) {
        s.initialActivations.add(ConflictEncoding.group(pkg, g));
        s.rootEdges.addAll(root.dependencyGroups().getOrDefault(g, List.of()));
      }
    } else {
      // A non-project workspace: every member, the manifest's requirements and its groups.
      if (prod) {
        for (PackageName member : lock.members()) {
          for (LockPackage p : lock.byName(member)) {
            if (p.source().isLocal()) {
              s.rootNodes.add(new Node(p.id(), null));
              s.initialActivations.add(ConflictEncoding.project(p.name().value()));
            }
          }
        }
        addManifestRequirements(lock, lock.manifestRequirements(), s);
      }
      for (String g : selectedGroups) {
        addManifestRequirements(
            lock, lock.manifestDependencyGroups().getOrDefault(g, List.of()), s);
      }
    }
    return s;
  }

  private static void addManifestRequirements(
      UvLock lock, List<com.fasterxml.jackson.databind.JsonNode> requirements, Selection s) {
    for (var req : requirements) {
      PackageName name = PackageName.of(TomlFiles.text(req, "name"));
      Marker marker = Marker.parse(TomlFiles.text(req, "marker"));
      List<String> extras =
          TomlFiles.strings(req, "extras").stream().map(PackageName::normalize).toList();
      for (LockPackage p : lock.byName(name)) {
        Marker forks =
            p.resolutionMarkers().isEmpty()
                ? Marker.TRUE
                : Marker.parse(
                    p.resolutionMarkers().stream()
                        .map(m -> "(" + m + ")")
                        .collect(Collectors.joining(" or ")));
        s.rootEdges.add(new LockDependency(p.id(), extras, marker.and(forks)));
      }
    }
  }

  /** uv's {@code DependencyGroups::from_history}: exclusion always wins. */
  static Set<String> resolveGroups(PyProject project, ExportOptions o, Set<String> defined) {
    for (String g : concat(o.groups(), o.onlyGroups(), o.noGroups())) {
      String n = PackageName.normalize(g);
      if (!defined.contains(n)) {
        throw new UvLambdaException(
            "Group '"
                + g
                + "' is not defined in the [dependency-groups] table of "
                + project.file()
                + ". Defined groups: "
                + (defined.isEmpty() ? "(none)" : String.join(", ", defined))
                + ".");
      }
    }
    Set<String> no = normalized(o.noGroups());
    if (o.noDev()) {
      no.add("dev");
    }
    Set<String> only = normalized(o.onlyGroups());
    boolean useDefaults = !o.noDefaultGroups() && only.isEmpty();
    Set<String> include = new LinkedHashSet<>();
    if (o.allGroups() || (useDefaults && project.defaultGroupsAll())) {
      include.addAll(defined);
    } else {
      include.addAll(normalized(o.groups()));
      include.addAll(only);
      if (useDefaults) {
        for (String g : project.effectiveDefaultGroups()) {
          if (g.equals("dev") && project.defaultGroups() == null && !defined.contains("dev")) {
            continue; // the implicit default "dev" only applies when the project has such a group
          }
          if (!defined.contains(g)) {
            throw new UvLambdaException(
                "Default group '"
                    + g
                    + "' (from tool.uv.default-groups in "
                    + project.file()
                    + ") is not defined in its [dependency-groups] table.");
          }
          include.add(g);
        }
      }
    }
    include.removeAll(no);
    return include;
  }

  private static List<String> resolveExtras(PyProject project, LockPackage root, ExportOptions o) {
    Set<String> available = new TreeSet<>(project.optionalDependencies().keySet());
    if (o.allExtras()) {
      return new ArrayList<>(available);
    }
    List<String> out = new ArrayList<>();
    for (String e : o.extras()) {
      String n = PackageName.normalize(e);
      if (!available.contains(n)) {
        throw new UvLambdaException(
            "Extra '"
                + e
                + "' is not defined in [project.optional-dependencies] of "
                + project.file()
                + ". Defined extras: "
                + (available.isEmpty() ? "(none)" : String.join(", ", available))
                + ".");
      }
      out.add(n);
    }
    return out;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> out = new ArrayList<>();
    for (List<String> l : lists) {
      out.addAll(l);
    }
    return out;
  }

  private static Set<String> normalized(List<String> names) {
    Set<String> out = new LinkedHashSet<>();
    names.forEach(n -> out.add(PackageName.normalize(n)));
    return out;
  }

  // ------------------------------------------------------------------ traversal

  private static Set<PackageId> traverse(
      UvLock lock, Selection s, MarkerEnvironment baseEnv, Set<String> activated) {
    Set<PackageId> included = new LinkedHashSet<>();
    Set<Node> seen = new HashSet<>();
    Deque<Node> queue = new ArrayDeque<>();
    MarkerEnvironment env = baseEnv.withExtras(Set.copyOf(activated));
    for (Node n : s.rootNodes) {
      included.add(n.id());
      if (seen.add(n)) {
        queue.add(n);
      }
    }
    for (LockDependency d : s.rootEdges) {
      take(d, env, included, seen, queue, activated);
    }
    while (!queue.isEmpty()) {
      Node n = queue.poll();
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
      Set<Node> seen,
      Deque<Node> queue,
      Set<String> activated) {
    if (!d.marker().evaluate(env)) {
      return;
    }
    included.add(d.target());
    Node base = new Node(d.target(), null);
    if (seen.add(base)) {
      queue.add(base);
    }
    for (String x : d.extras()) {
      activated.add(ConflictEncoding.extra(d.target().name().value(), x));
      Node withExtra = new Node(d.target(), x);
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
