package io.github.uvlambda.uv;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.InvalidMarkerException;
import io.github.uvlambda.pep.Marker;
import io.github.uvlambda.pep.PackageName;
import io.github.uvlambda.pep.Requirement;
import io.github.uvlambda.pep.Version;
import io.github.uvlambda.pep.VersionSpecifiers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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

  /** One declared requirement, lowered to what uv stores in the lock. */
  private record Entry(
      String where,
      PackageName name,
      List<String> extras,
      List<String> specifier,
      String source,
      Marker marker,
      String display) {}

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
    compareLists(
        "tool.uv.constraint-dependencies",
        declaredList(root, root.constraintDependencies(), "tool.uv.constraint-dependencies"),
        lockedList(lock.manifestConstraints(), "tool.uv.constraint-dependencies"),
        rp,
        out);
    compareLists(
        "tool.uv.override-dependencies",
        declaredList(root, root.overrideDependencies(), "tool.uv.override-dependencies"),
        lockedList(lock.manifestOverrides(), "tool.uv.override-dependencies"),
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
    List<Entry> declared = new ArrayList<>();
    String deps = where(project, "[project.dependencies]");
    for (String r : project.dependencies()) {
      declared.addAll(lower(project, r, deps, null));
    }
    project
        .optionalDependencies()
        .forEach(
            (extra, reqs) -> {
              for (String r : reqs) {
                declared.addAll(lower(project, r, where(project, "extra " + extra), extra));
              }
            });
    List<Entry> locked = new ArrayList<>();
    for (JsonNode n : meta.requiresDist()) {
      locked.add(locked(n, deps));
    }
    if (!dynamicDeps && !dynamicExtras) {
      compareLists(label + " dependencies", declared, locked, rp, out);
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
      List<Entry> dg = new ArrayList<>();
      for (String r : project.dependencyGroups().getOrDefault(g, List.of())) {
        dg.addAll(lower(project, r, where, null));
      }
      List<Entry> lg = new ArrayList<>();
      for (JsonNode n : meta.requiresDev().getOrDefault(g, List.of())) {
        lg.add(locked(n, where));
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
      compareLists(where, dg, lg, rp, out);
    }
  }

  private void compareNonProjectRoot(PyProject root, UvLock lock, List<String> out) {
    VersionSpecifiers rp = lockRequiresPython(lock);
    Set<String> groups = new TreeSet<>(root.dependencyGroups().keySet());
    groups.addAll(lock.manifestDependencyGroups().keySet());
    for (String g : groups) {
      String where = "group " + g;
      List<Entry> dg = new ArrayList<>();
      for (String r : root.dependencyGroups().getOrDefault(g, List.of())) {
        dg.addAll(lower(root, r, where, null));
      }
      List<Entry> lg = new ArrayList<>();
      for (JsonNode n : lock.manifestDependencyGroups().getOrDefault(g, List.of())) {
        lg.add(locked(n, where));
      }
      compareLists(where, dg, lg, rp, out);
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

  // ------------------------------------------------------------------ lowering

  private static List<Entry> declaredList(PyProject project, List<String> reqs, String where) {
    List<Entry> out = new ArrayList<>();
    for (String r : reqs) {
      out.addAll(lower(project, r, where, null));
    }
    return out;
  }

  private static List<Entry> lockedList(List<JsonNode> nodes, String where) {
    List<Entry> out = new ArrayList<>();
    for (JsonNode n : nodes) {
      out.add(locked(n, where));
    }
    return out;
  }

  private static List<Entry> lower(PyProject project, String text, String where, String extra) {
    Requirement r;
    try {
      r = Requirement.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UvLambdaException(project.file() + ": " + where + ": " + e.getMessage());
    }
    Marker marker = r.marker();
    if (extra != null) {
      marker = marker.and(Marker.parse("extra == '" + extra + "'"));
    }
    String source = "";
    JsonNode s = project.sources().get(r.name().value());
    if (s != null) {
      source = s.isArray() ? "conditional" : declaredSource(s);
    } else if (r.url() != null) {
      source = r.url().startsWith("git+") ? "git:" + gitBase(r.url().substring(4)) : "url";
    }
    return List.of(
        new Entry(
            where, r.name(), r.extras(), r.specifiers().canonical(), source, marker, text.strip()));
  }

  private static String declaredSource(JsonNode s) {
    if (s.has("workspace") || s.has("path") || s.has("editable")) {
      return "local";
    }
    if (s.has("git")) {
      return "git:" + gitBase(s.get("git").asText());
    }
    if (s.has("url")) {
      return "url";
    }
    if (s.has("index")) {
      return "index";
    }
    return "";
  }

  private static Entry locked(JsonNode n, String defaultWhere) {
    PackageName name = PackageName.of(TomlFiles.text(n, "name"));
    List<String> extras =
        new ArrayList<>(
            new TreeSet<>(
                TomlFiles.strings(n, "extras").stream().map(PackageName::normalize).toList()));
    String spec = TomlFiles.text(n, "specifier");
    List<String> specifier = spec == null ? List.of() : VersionSpecifiers.parse(spec).canonical();
    String markerText = TomlFiles.text(n, "marker");
    Marker marker;
    try {
      marker = Marker.parse(markerText);
    } catch (InvalidMarkerException e) {
      marker = Marker.TRUE;
    }
    String source = "";
    if (n.has("git")) {
      source = "git:" + gitBase(n.get("git").asText());
    } else if (n.has("url")) {
      source = "url";
    } else if (n.has("path") || n.has("directory") || n.has("editable") || n.has("virtual")) {
      source = "local";
    } else if (n.has("index")) {
      source = "index";
    }
    String where = defaultWhere;
    if (markerText != null) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("extra == '([^']+)'").matcher(markerText);
      if (m.find()) {
        where = "extra " + m.group(1);
      }
    }
    String display =
        name.value()
            + (extras.isEmpty() ? "" : "[" + String.join(",", extras) + "]")
            + (spec == null ? "" : spec)
            + (markerText == null ? "" : " ; " + markerText);
    return new Entry(where, name, extras, specifier, source, marker, display);
  }

  private static String gitBase(String url) {
    String u = url;
    int cut = u.length();
    for (char c : new char[] {'?', '#', '@'}) {
      int i = c == '@' ? u.indexOf('@', u.indexOf("://") + 3) : u.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    u = u.substring(0, cut).toLowerCase(Locale.ROOT);
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u.endsWith(".git") ? u.substring(0, u.length() - 4) : u;
  }

  // ------------------------------------------------------------------ matching

  private static void compareLists(
      String context,
      List<Entry> declared,
      List<Entry> locked,
      VersionSpecifiers requiresPython,
      List<String> out) {
    MarkerEquivalence eq = new MarkerEquivalence(requiresPython);
    List<Entry> want = new ArrayList<>();
    for (Entry e : declared) {
      if (!eq.neverTrue(e.marker())) {
        want.add(e);
      }
    }
    List<Entry> have = new ArrayList<>(locked);
    // Conditional sources split one declared requirement into several locked ones: compare those
    // packages by name and specifier only.
    Set<PackageName> conditional = new HashSet<>();
    want.stream()
        .filter(e -> e.source().equals("conditional"))
        .forEach(e -> conditional.add(e.name()));

    for (Iterator<Entry> it = want.iterator(); it.hasNext(); ) {
      Entry w = it.next();
      for (Iterator<Entry> h = have.iterator(); h.hasNext(); ) {
        Entry l = h.next();
        if (matches(w, l, eq, conditional.contains(w.name()))) {
          it.remove();
          h.remove();
          break;
        }
      }
    }
    if (!conditional.isEmpty()) {
      want.removeIf(
          e ->
              conditional.contains(e.name())
                  && locked.stream().anyMatch(l -> l.name().equals(e.name())));
      have.removeIf(
          l ->
              conditional.contains(l.name())
                  && declared.stream().anyMatch(d -> d.name().equals(l.name())));
    }
    for (Entry w : want) {
      Optional<Entry> sameName = have.stream().filter(l -> l.name().equals(w.name())).findFirst();
      if (sameName.isPresent()) {
        have.remove(sameName.get());
        out.add(
            "pyproject declares "
                + w.display()
                + " in "
                + w.where()
                + "; uv.lock was made from "
                + sameName.get().display());
      } else {
        out.add(
            "pyproject declares "
                + w.display()
                + " in "
                + w.where()
                + ", which uv.lock does not have");
      }
    }
    for (Entry l : have) {
      out.add(
          "uv.lock was made with "
              + l.display()
              + " in "
              + l.where()
              + ", which pyproject.toml no longer declares");
    }
  }

  private static boolean matches(Entry w, Entry l, MarkerEquivalence eq, boolean conditional) {
    // A workspace, path, git or URL source replaces the version: uv locks such requirements
    // without a specifier.
    boolean direct =
        (w.source().equals("local") && (l.source().equals("local") || l.source().isEmpty()))
            || (w.source().startsWith("git:") && w.source().equals(l.source()))
            || (w.source().equals("url") && l.source().equals("url"));
    if (!w.name().equals(l.name())
        || !w.extras().equals(l.extras())
        || (!direct && !w.specifier().equals(l.specifier()))) {
      return false;
    }
    if (conditional) {
      return true;
    }
    boolean sourceOk =
        direct
            || w.source().equals(l.source())
            || (w.source().equals("index") && l.source().isEmpty())
            || (w.source().isEmpty() && l.source().equals("index"));
    return sourceOk && eq.equivalent(w.marker(), l.marker());
  }
}
