package io.github.uvlambda.build;

import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.lambda.RuntimeProvidedPackages;
import io.github.uvlambda.pep.Marker;
import io.github.uvlambda.pep.MarkerEnvironment;
import io.github.uvlambda.pep.PackageName;
import io.github.uvlambda.pep.Requirement;
import io.github.uvlambda.pep.Version;
import io.github.uvlambda.uv.LockDependency;
import io.github.uvlambda.uv.LockPackage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Decides which packages of a layer can be left to the runtime ({@code <excludeRuntimePackages>}):
 * a package the runtime provides at a version at least the one {@code uv.lock} pins, unless that
 * would break something the layer keeps. Lambda puts a layer before the runtime's packages on
 * {@code sys.path}, so a package kept in the layer shadows the runtime's copy, and a package left
 * out is the runtime's copy for everything in the layer. Hence two more rules, applied until
 * nothing changes:
 *
 * <ul>
 *   <li>a package stays when a kept package requires it at a version the runtime's does not meet;
 *   <li>a package stays when the runtime's copy would load a kept dependency it does not accept.
 *       What it accepts is known only when the lock pins exactly the runtime's version (the wheel's
 *       {@code Requires-Dist} then is the runtime copy's); otherwise the package stays.
 * </ul>
 *
 * A package the lock pins newer than the runtime's stays, because the code may need it.
 */
public final class RuntimePackageExclusion {

  /** A runtime-provided package left out of the layer. */
  public record Excluded(String name, String lockedVersion, String runtimeVersion, String source) {}

  /** A runtime-provided package kept in the layer, and why. */
  public record Kept(String name, String lockedVersion, String reason) {}

  public record Decision(List<Excluded> excluded, List<Kept> kept) {
    public Decision {
      excluded = List.copyOf(excluded);
      kept = List.copyOf(kept);
    }

    public Set<String> excludedNames() {
      Set<String> out = new TreeSet<>();
      excluded.forEach(e -> out.add(e.name()));
      return out;
    }
  }

  private final RuntimeProvidedPackages table;
  private final LambdaRuntime runtime;

  public RuntimePackageExclusion(RuntimeProvidedPackages table, LambdaRuntime runtime) {
    this.table = table;
    this.runtime = runtime;
  }

  /**
   * @param layer the locked packages the layer would hold
   * @param requirements the {@code Requires-Dist} of a locked package, read from its wheel
   */
  public Decision decide(
      List<LockPackage> layer, Function<LockPackage, List<Requirement>> requirements) {
    Map<PackageName, RuntimeProvidedPackages.Provided> provided = table.of(runtime);
    Map<PackageName, LockPackage> candidates = new TreeMap<>();
    List<Kept> kept = new ArrayList<>();
    for (LockPackage p : layer) {
      RuntimeProvidedPackages.Provided r = provided.get(p.name());
      if (r == null || p.version() == null) {
        continue;
      }
      if (r.version().isEmpty()) {
        kept.add(kept(p, runtime.id() + " provides it, but its version there is not known"));
      } else if (Version.parse(p.version()).compareTo(r.version().get()) > 0) {
        kept.add(
            kept(
                p,
                "uv.lock pins it newer than "
                    + runtime.id()
                    + "'s "
                    + r.version().get()
                    + ", and the code may need that; the layer's copy is the one imported"));
      } else {
        candidates.put(p.name(), p);
      }
    }
    Map<PackageName, LockPackage> byName = new HashMap<>();
    layer.forEach(p -> byName.put(p.name(), p));
    Map<PackageName, List<Requirement>> cache = new HashMap<>();
    Function<LockPackage, List<Requirement>> requires =
        p -> cache.computeIfAbsent(p.name(), n -> requirements.apply(p));
    boolean changed = true;
    while (changed) {
      changed = false;
      for (LockPackage c : List.copyOf(candidates.values())) {
        Version runtimeVersion = provided.get(c.name()).version().orElseThrow();
        String reason = blocker(c, runtimeVersion, layer, byName, candidates, requires);
        if (reason != null) {
          candidates.remove(c.name());
          kept.add(kept(c, reason));
          changed = true;
        }
      }
    }
    List<Excluded> excluded = new ArrayList<>();
    for (LockPackage c : candidates.values()) {
      RuntimeProvidedPackages.Provided r = provided.get(c.name());
      excluded.add(
          new Excluded(
              c.name().value(), c.version(), r.version().orElseThrow().toString(), r.source()));
    }
    kept.sort((a, b) -> a.name().compareTo(b.name()));
    return new Decision(excluded, kept);
  }

  private String blocker(
      LockPackage c,
      Version runtimeVersion,
      List<LockPackage> layer,
      Map<PackageName, LockPackage> byName,
      Map<PackageName, LockPackage> candidates,
      Function<LockPackage, List<Requirement>> requires) {
    for (LockPackage k : layer) {
      if (candidates.containsKey(k.name())) {
        continue;
      }
      for (Requirement req : applicable(requires.apply(k))) {
        if (req.name().equals(c.name()) && !req.specifiers().contains(runtimeVersion)) {
          return k.label()
              + " requires "
              + req.name()
              + req.specifiers()
              + ", which "
              + runtime.id()
              + "'s "
              + runtimeVersion
              + " does not meet";
        }
      }
    }
    for (PackageName d : dependencies(c)) {
      LockPackage dep = byName.get(d);
      if (dep == null || candidates.containsKey(d)) {
        continue;
      }
      if (Version.parse(c.version()).compareTo(runtimeVersion) != 0) {
        return runtime.id()
            + "'s "
            + c.name()
            + " "
            + runtimeVersion
            + " would load the layer's "
            + dep.label()
            + ", and what that version accepts is not known (uv.lock pins "
            + c.version()
            + "; pin "
            + c.name()
            + "=="
            + runtimeVersion
            + " to leave it out)";
      }
      for (Requirement req : applicable(requires.apply(c))) {
        if (req.name().equals(d)
            && dep.version() != null
            && !req.specifiers().contains(Version.parse(dep.version()))) {
          return runtime.id()
              + "'s "
              + c.label()
              + " requires "
              + d
              + req.specifiers()
              + ", and the layer keeps "
              + dep.label();
        }
      }
    }
    return null;
  }

  /** Requirements whose marker holds on the runtime, counting every extra as requested. */
  private List<Requirement> applicable(List<Requirement> requirements) {
    Set<String> extras = new TreeSet<>();
    for (Requirement r : requirements) {
      for (Marker.Comparison c : r.marker().comparisons()) {
        if (c.variable().equals("extra")) {
          extras.add(PackageName.normalize(c.literal()));
        }
      }
    }
    MarkerEnvironment env = runtime.markerEnvironment().withExtras(extras);
    List<Requirement> out = new ArrayList<>();
    for (Requirement r : requirements) {
      if (r.url() == null && r.marker().evaluate(env)) {
        out.add(r);
      }
    }
    return out;
  }

  private static Set<PackageName> dependencies(LockPackage p) {
    Set<PackageName> out = new TreeSet<>();
    for (LockDependency d : p.dependencies()) {
      out.add(d.target().name());
    }
    for (List<LockDependency> edges : p.optionalDependencies().values()) {
      for (LockDependency d : edges) {
        out.add(d.target().name());
      }
    }
    return out;
  }

  private static Kept kept(LockPackage p, String reason) {
    return new Kept(p.name().value(), p.version(), reason);
  }
}
