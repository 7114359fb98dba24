package io.github.uvlambda.uv;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uvlambda.pep.PackageName;
import io.github.uvlambda.pep.Version;
import io.github.uvlambda.pep.VersionSpecifiers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tells whether {@code uv.lock} is up to date with the {@code pyproject.toml} files it was made
 * from, the way {@code uv lock --check} judges it: the lock records each local package's declared
 * requirements in {@code [package.metadata]}, and those must still equal what the pyproject
 * declares — the project dependencies, extras and dependency groups of the root and of every
 * workspace member, their versions, {@code requires-python}, constraints, overrides and conflicts.
 *
 * <p>Names, extras and specifiers are compared in normal form and markers by meaning (see {@link
 * MarkerEquivalence}), so uv's rewriting of markers never raises a false alarm.
 */
public final class LockChecker {

  /**
   * Returns the differences between the lock and the pyproject files, empty when the lock is up to
   * date.
   */
  public List<String> differences(PyProject root, UvLock lock) {
    Path workspace = root.file().getParent();
    List<String> out = new ArrayList<>();
    List<PyProject> projects = new ArrayList<>();
    projects.add(root);

    if (root.projectName() != null) {
      Optional<LockPackage> pkg = lock.project(PackageName.of(root.projectName()));
      if (pkg.isEmpty()) {
        out.add(
            "pyproject.toml declares project '"
                + root.projectName()
                + "', which uv.lock does not contain");
        return out;
      }
      compareProject(root, pkg.get(), lock, out);
    } else {
      compareNonProjectRoot(root, lock, out);
    }
    for (PackageName member : lock.members()) {
      if (root.projectName() != null && member.value().equals(root.projectName())) {
        continue;
      }
      for (LockPackage p : lock.byName(member)) {
        if (!p.source().isLocal() || p.source().value().equals(".")) {
          continue;
        }
        Path file = workspace.resolve(p.source().value()).resolve(PyProject.FILE_NAME).normalize();
        if (!Files.isRegularFile(file)) {
          out.add(
              "uv.lock has workspace member '"
                  + member
                  + "' at "
                  + p.source().value()
                  + ", but "
                  + file
                  + " does not exist");
          continue;
        }
        PyProject memberProject = PyProject.read(file);
        projects.add(memberProject);
        compareProject(memberProject, p, lock, out);
      }
    }

    compareMembers(root, lock, out);
    compareRequiresPython(projects, lock, out);
    VersionSpecifiers rp = lockRequiresPython(lock);
    RequirementDiff.compare(
        "tool.uv.constraint-dependencies",
        LockedRequirement.declaredAll(
            root, root.constraintDependencies(), "tool.uv.constraint-dependencies"),
        LockedRequirement.lockedAll(lock.manifestConstraints(), "tool.uv.constraint-dependencies"),
        rp,
        out);
    RequirementDiff.compare(
        "tool.uv.override-dependencies",
        LockedRequirement.declaredAll(
            root, root.overrideDependencies(), "tool.uv.override-dependencies"),
        LockedRequirement.lockedAll(lock.manifestOverrides(), "tool.uv.override-dependencies"),
        rp,
        out);
    compareConflicts(projects, lock, out);
    return out;
  }

  /** Throws with every difference and the fix when the lock is stale. */
  public void check(PyProject root, UvLock lock) {
    List<String> diffs = differences(root, lock);
    if (diffs.isEmpty()) {
      return;
    }
    throw new StaleLockException(lock.file(), root.file(), diffs);
  }

  // ------------------------------------------------------------------ projects

  private void compareProject(PyProject project, LockPackage pkg, UvLock lock, List<String> out) {
    String label = project.projectName();
    if (project.version() != null && !project.dynamic().contains("version")) {
      Optional<Version> declared = Version.tryParse(project.version());
      Optional<Version> locked = Version.tryParse(pkg.version());
      if (declared.isPresent() && !declared.equals(locked)) {
        out.add(
            "pyproject.toml gives "
                + label
                + " version "
                + project.version()
                + "; uv.lock has version "
                + (pkg.version() == null ? "(none)" : pkg.version()));
      }
    }
    LockMetadata meta = pkg.metadata();
    if (meta == null) {
      return; // revision 4 (metadata-free) locks cannot be checked, and neither does uv
    }
    VersionSpecifiers rp = lockRequiresPython(lock);

    // Dynamic metadata only a build backend can produce; uv builds the package to check it, which
    // this plugin cannot do without Python. Those parts are left unchecked.
    boolean dynamicDeps = project.dynamic().contains("dependencies");
    boolean dynamicExtras = project.dynamic().contains("optional-dependencies");
    List<LockedRequirement> declared = new ArrayList<>();
    String deps = where(project, "[project.dependencies]");
    for (String r : project.dependencies()) {
      declared.addAll(LockedRequirement.declared(project, r, deps, null));
    }
    project
        .optionalDependencies()
        .forEach(
            (extra, reqs) -> {
              for (String r : reqs) {
                declared.addAll(
                    LockedRequirement.declared(
                        project, r, where(project, "extra " + extra), extra));
              }
            });
    List<LockedRequirement> locked = new ArrayList<>();
    for (JsonNode n : meta.requiresDist()) {
      locked.add(LockedRequirement.locked(n, deps));
    }
    if (!dynamicDeps && !dynamicExtras) {
      RequirementDiff.compare(label + " dependencies", declared, locked, rp, out);
    }

    if (meta.providesExtras() != null && !dynamicExtras) {
      Set<String> want = new TreeSet<>(project.optionalDependencies().keySet());
      Set<String> have = new TreeSet<>();
      meta.providesExtras().forEach(e -> have.add(PackageName.normalize(e)));
      if (!want.equals(have)) {
        out.add(
            "pyproject.toml of "
                + label
                + " defines the extras "
                + want
                + "; uv.lock was made with "
                + have);
      }
    }

    Set<String> groups = new TreeSet<>(project.dependencyGroups().keySet());
    groups.addAll(meta.requiresDev().keySet());
    for (String g : groups) {
      String where = where(project, "group " + g);
      List<LockedRequirement> dg = new ArrayList<>();
      for (String r : project.dependencyGroups().getOrDefault(g, List.of())) {
        dg.addAll(LockedRequirement.declared(project, r, where, null));
      }
      List<LockedRequirement> lg = new ArrayList<>();
      for (JsonNode n : meta.requiresDev().getOrDefault(g, List.of())) {
        lg.add(LockedRequirement.locked(n, where));
      }
      if (!project.dependencyGroups().containsKey(g) && !lg.isEmpty()) {
        out.add(
            "uv.lock has dependency group '"
                + g
                + "' of "
                + label
                + ", which pyproject.toml no longer defines");
        continue;
      }
      RequirementDiff.compare(where, dg, lg, rp, out);
    }
  }

  private void compareNonProjectRoot(PyProject root, UvLock lock, List<String> out) {
    VersionSpecifiers rp = lockRequiresPython(lock);
    Set<String> groups = new TreeSet<>(root.dependencyGroups().keySet());
    groups.addAll(lock.manifestDependencyGroups().keySet());
    for (String g : groups) {
      String where = "group " + g;
      List<LockedRequirement> dg = new ArrayList<>();
      for (String r : root.dependencyGroups().getOrDefault(g, List.of())) {
        dg.addAll(LockedRequirement.declared(root, r, where, null));
      }
      List<LockedRequirement> lg = new ArrayList<>();
      for (JsonNode n : lock.manifestDependencyGroups().getOrDefault(g, List.of())) {
        lg.add(LockedRequirement.locked(n, where));
      }
      RequirementDiff.compare(where, dg, lg, rp, out);
    }
  }

  /** The members uv would find on disk now against those the lock was made with. */
  private static void compareMembers(PyProject root, UvLock lock, List<String> out) {
    Map<String, String> onDisk =
        WorkspaceMembers.of(
            root.file().getParent(),
            TomlFiles.path(
                TomlFiles.read(root.file(), "", "Fix the TOML syntax."),
                "tool",
                "uv",
                "workspace"));
    if (onDisk.isEmpty()) {
      return;
    }
    Set<String> locked = new TreeSet<>();
    lock.members().forEach(m -> locked.add(m.value()));
    onDisk.forEach(
        (name, dir) -> {
          if (!locked.contains(name) && !name.equals(root.projectName())) {
            out.add(
                "workspace member '"
                    + name
                    + "' ("
                    + dir
                    + ") is not in uv.lock's [manifest] members");
          }
        });
    for (String name : locked) {
      if (!onDisk.containsKey(name) && !name.equals(root.projectName())) {
        out.add(
            "uv.lock has workspace member '"
                + name
                + "', which [tool.uv.workspace] members no longer include");
      }
    }
  }

  private static String where(PyProject p, String what) {
    return what + (p.projectName() == null ? "" : " of " + p.projectName());
  }

  private static VersionSpecifiers lockRequiresPython(UvLock lock) {
    return lock.requiresPython() == null
        ? VersionSpecifiers.ANY
        : VersionSpecifiers.parse(lock.requiresPython());
  }

  private void compareRequiresPython(List<PyProject> projects, UvLock lock, List<String> out) {
    List<VersionSpecifiers> declared = new ArrayList<>();
    for (PyProject p : projects) {
      if (p.requiresPython() != null) {
        declared.add(VersionSpecifiers.parse(p.requiresPython()));
      }
    }
    if (declared.isEmpty() || lock.requiresPython() == null) {
      return;
    }
    VersionSpecifiers locked = VersionSpecifiers.parse(lock.requiresPython());
    for (int minor = 0; minor <= 30; minor++) {
      for (int patch : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20}) {
        Version v = Version.parse("3." + minor + "." + patch);
        boolean want = declared.stream().allMatch(s -> s.contains(v));
        if (want != locked.contains(v)) {
          out.add(
              "requires-python is "
                  + String.join(" and ", declared.stream().map(Object::toString).toList())
                  + " in pyproject.toml; uv.lock was made for "
                  + lock.requiresPython());
          return;
        }
      }
    }
  }

  private void compareConflicts(List<PyProject> projects, UvLock lock, List<String> out) {
    Set<Set<String>> declared = new HashSet<>();
    for (PyProject p : projects) {
      for (List<String> set : p.conflicts()) {
        declared.add(new TreeSet<>(set));
      }
    }
    Set<Set<String>> locked = new HashSet<>();
    for (List<String> set : lock.conflicts()) {
      locked.add(new TreeSet<>(set));
    }
    if (!declared.equals(locked)) {
      out.add(
          "tool.uv.conflicts is "
              + declared
              + " in pyproject.toml; uv.lock was made with "
              + locked);
    }
  }
}
