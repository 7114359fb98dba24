package io.github.uvlambda.uv;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.Marker;
import io.github.uvlambda.pep.PackageName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where {@code uv export} starts: the project (unless it is virtual or absent), the dependency
 * groups and extras the options select, resolved the way uv resolves them (exclusion always wins),
 * and the manifest's requirements, as the root nodes and edges of {@link LockExporter}'s traversal.
 */
final class ExportRoots {

  /** A node of the traversal: a package, with one of its extras or none. */
  record Node(PackageId id, String extra) {}

  /** The project's own package, or null when the export has no project. */
  LockPackage project;

  final List<Node> rootNodes = new ArrayList<>();
  final List<LockDependency> rootEdges = new ArrayList<>();

  /** The project, extras and groups active from the start, in uv's conflict-marker encoding. */
  final Set<String> initialActivations = new LinkedHashSet<>();

  private ExportRoots() {}

  static ExportRoots select(PyProject project, UvLock lock, ExportOptions options) {
    ExportRoots s = new ExportRoots();
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
      UvLock lock, List<com.fasterxml.jackson.databind.JsonNode> requirements, ExportRoots s) {
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
}
