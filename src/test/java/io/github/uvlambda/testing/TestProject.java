package io.github.uvlambda.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lambdas directory for tests: a pyproject.toml with one group and a uv.lock in uv's format whose
 * packages are wheels written by {@link TestWheel} into a simple index (PEP 503 layout) under the
 * project.
 */
public final class TestProject {
  private final Path dir;
  private final Map<String, List<Object>> packages = new LinkedHashMap<>();
  private final List<String> groupDeps = new ArrayList<>();
  private final Map<String, List<String>> otherGroups = new LinkedHashMap<>();
  private final Map<String, String[]> members = new LinkedHashMap<>();
  private final Map<String, String[]> directories = new LinkedHashMap<>();
  private final Map<String, List<String>> edges = new LinkedHashMap<>();
  private String requiresPython = ">=3.10";
  private String indexBase = "https://files.example.invalid/packages";

  public TestProject(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public Path index() {
    return dir.resolve("index");
  }

  public TestProject requiresPython(String spec) {
    this.requiresPython = spec;
    return this;
  }

  /** The base of the URLs written into the lock (the wheels are never there: use an index). */
  public TestProject urlBase(String base) {
    this.indexBase = base;
    return this;
  }

  /** Adds a registry package with these wheels to the lock and to group "fn". */
  public TestProject add(String name, String version, TestWheel... wheels) {
    List<Object> entry = new ArrayList<>();
    entry.add(version);
    for (TestWheel w : wheels) {
      entry.add(w);
    }
    packages.put(name, entry);
    groupDeps.add(name);
    return this;
  }

  /**
   * Adds a workspace member (source {@code editable = "<dir>"}) to the lock and to {@code
   * [tool.uv.workspace] members}; its tree is the test's to write. It joins no group by itself.
   */
  public TestProject member(String name, String version, String dir, String... dependencies) {
    String[] m = new String[2 + dependencies.length];
    m[0] = version;
    m[1] = dir;
    System.arraycopy(dependencies, 0, m, 2, dependencies.length);
    members.put(name, m);
    return this;
  }

  /**
   * Adds a path dependency on a source tree that is not a workspace member (source {@code directory
   * = "<dir>"}, {@code [tool.uv.sources] name = { path = "<dir>" }}); its tree is the test's to
   * write. It joins no group by itself.
   */
  public TestProject directory(String name, String version, String dir, String... dependencies) {
    String[] d = new String[2 + dependencies.length];
    d[0] = version;
    d[1] = dir;
    System.arraycopy(dependencies, 0, d, 2, dependencies.length);
    directories.put(name, d);
    return this;
  }

  /** Adds a dependency group besides "fn"; names may be registry packages or members. */
  public TestProject group(String group, String... names) {
    otherGroups.put(group, List.of(names));
    return this;
  }

  /** Adds a package (a member, typically) to group "fn". */
  public TestProject inFn(String name) {
    groupDeps.add(name);
    return this;
  }

  /**
   * Adds a registry package that only others depend on: in the lock, not in group "fn". Give the
   * edges with {@link #dependsOn}.
   */
  public TestProject addTransitive(String name, String version, TestWheel... wheels) {
    add(name, version, wheels);
    groupDeps.remove(name);
    return this;
  }

  /** Lock edges {@code name -> dependencies} (uv.lock's {@code dependencies = [...]}). */
  public TestProject dependsOn(String name, String... dependencies) {
    edges.computeIfAbsent(name, k -> new ArrayList<>()).addAll(List.of(dependencies));
    return this;
  }

  /** Adds a registry package with only an sdist. */
  public TestProject addSdistOnly(String name, String version) {
    List<Object> entry = new ArrayList<>();
    entry.add(version);
    entry.add("sdist");
    packages.put(name, entry);
    groupDeps.add(name);
    return this;
  }

  /** Writes pyproject.toml, the index and uv.lock. Returns the lambdas directory. */
  public Path write() throws IOException {
    Files.createDirectories(dir);
    StringBuilder py = new StringBuilder();
    py.append("[project]\nname = \"test-lambdas\"\nversion = \"0.1.0\"\nrequires-python = \"")
        .append(requiresPython)
        .append("\"\ndependencies = []\n\n[dependency-groups]\nfn = [\n");
    for (String d : groupDeps) {
      py.append("  \"").append(d).append("\",\n");
    }
    py.append("]\n");
    otherGroups.forEach(
        (g, names) -> {
          py.append(g).append(" = [\n");
          names.forEach(n -> py.append("  \"").append(n).append("\",\n"));
          py.append("]\n");
        });
    if (!members.isEmpty()) {
      py.append("\n[tool.uv.workspace]\nmembers = [");
      members.values().forEach(m -> py.append("\"").append(m[1]).append("\", "));
      py.append("]\n");
    }
    if (!members.isEmpty() || !directories.isEmpty()) {
      py.append("\n[tool.uv.sources]\n");
      members.keySet().forEach(n -> py.append(n).append(" = { workspace = true }\n"));
      directories.forEach(
          (n, d) -> py.append(n).append(" = { path = \"").append(d[1]).append("\" }\n"));
    }
    Files.writeString(dir.resolve("pyproject.toml"), py.toString(), StandardCharsets.UTF_8);

    StringBuilder lock =
        new StringBuilder(
            "version = 1\nrevision = 3\nrequires-python = \"" + requiresPython + "\"\n");
    if (!members.isEmpty()) {
      lock.append("\n[manifest]\nmembers = [");
      new java.util.TreeSet<>(members.keySet())
          .forEach(m -> lock.append("\"").append(m).append("\", "));
      lock.append("\"test-lambdas\"]\n");
    }
    members.forEach((name, m) -> lock.append(localPackage(name, "editable", m)));
    directories.forEach((name, d) -> lock.append(localPackage(name, "directory", d)));
    for (Map.Entry<String, List<Object>> p : packages.entrySet()) {
      String name = p.getKey();
      String version = (String) p.getValue().get(0);
      lock.append("\n[[package]]\nname = \"")
          .append(name)
          .append("\"\nversion = \"")
          .append(version)
          .append("\"\nsource = { registry = \"https://pypi.org/simple\" }\n");
      List<String> deps = edges.getOrDefault(name, List.of());
      if (!deps.isEmpty()) {
        lock.append("dependencies = [\n");
        for (String d : deps) {
          lock.append("    { name = \"").append(d).append("\" },\n");
        }
        lock.append("]\n");
      }
      StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>\n");
      List<String> wheelLines = new ArrayList<>();
      for (Object o : p.getValue().subList(1, p.getValue().size())) {
        if (o.equals("sdist")) {
          lock.append("sdist = { url = \"")
              .append(indexBase)
              .append('/')
              .append(name)
              .append('-')
              .append(version)
              .append(".tar.gz\", hash = \"sha256:")
              .append("0".repeat(64))
              .append("\", size = 10 }\n");
          continue;
        }
        TestWheel w = (TestWheel) o;
        Path file = w.writeTo(index().resolve("files"));
        String sha = TestWheel.sha256(file);
        wheelLines.add(
            "    { url = \""
                + indexBase
                + "/"
                + w.filename()
                + "\", hash = \"sha256:"
                + sha
                + "\", size = "
                + Files.size(file)
                + " },\n");
        html.append("<a href=\"../../files/")
            .append(w.filename())
            .append("#sha256=")
            .append(sha)
            .append("\">")
            .append(w.filename())
            .append("</a>\n");
      }
      if (!wheelLines.isEmpty()) {
        lock.append("wheels = [\n");
        wheelLines.forEach(lock::append);
        lock.append("]\n");
      }
      html.append("</body></html>\n");
      Path page = index().resolve("simple").resolve(name);
      Files.createDirectories(page);
      Files.writeString(page.resolve("index.html"), html.toString());
    }
    lock.append(
        "\n[[package]]\nname = \"test-lambdas\"\nversion = \"0.1.0\"\nsource = { virtual = \".\" }\n\n[package.dev-dependencies]\nfn = [\n");
    for (String d : groupDeps) {
      lock.append("    { name = \"").append(d).append("\" },\n");
    }
    lock.append("]\n");
    otherGroups.forEach(
        (g, names) -> {
          lock.append(g).append(" = [\n");
          names.forEach(n -> lock.append("    { name = \"").append(n).append("\" },\n"));
          lock.append("]\n");
        });
    lock.append(
        "\n[package.metadata]\nrequires-dist = []\n\n[package.metadata.requires-dev]\nfn = [\n");
    for (String d : groupDeps) {
      lock.append("    ").append(requirement(d)).append(",\n");
    }
    lock.append("]\n");
    otherGroups.forEach(
        (g, names) -> {
          lock.append(g).append(" = [\n");
          names.forEach(n -> lock.append("    ").append(requirement(n)).append(",\n"));
          lock.append("]\n");
        });
    Files.writeString(dir.resolve("uv.lock"), lock.toString(), StandardCharsets.UTF_8);
    return dir;
  }

  /** A local package's {@code [[package]]} table: {version, dir, dependencies...}. */
  private static String localPackage(String name, String sourceKind, String[] m) {
    return "\n[[package]]\nname = \""
        + name
        + "\"\nversion = \""
        + m[0]
        + "\"\nsource = { "
        + sourceKind
        + " = \""
        + m[1]
        + "\" }\n"
        + memberDependencies(m);
  }

  private static String memberDependencies(String[] m) {
    StringBuilder deps = new StringBuilder();
    StringBuilder requires = new StringBuilder();
    for (int i = 2; i < m.length; i++) {
      deps.append("    { name = \"").append(m[i]).append("\" },\n");
      requires.append("    { name = \"").append(m[i]).append("\" },\n");
    }
    return (deps.length() == 0 ? "" : "dependencies = [\n" + deps + "]\n")
        + "\n[package.metadata]\nrequires-dist = ["
        + (requires.length() == 0 ? "]" : "\n" + requires + "]")
        + "\n";
  }

  private String requirement(String name) {
    String[] m = members.get(name);
    String[] d = directories.get(name);
    if (m != null) {
      return "{ name = \"" + name + "\", editable = \"" + m[1] + "\" }";
    }
    return d == null
        ? "{ name = \"" + name + "\" }"
        : "{ name = \"" + name + "\", directory = \"" + d[1] + "\" }";
  }

  public String indexUrl() {
    return index().resolve("simple").toUri().toString();
  }
}
