package io.github.uvlambda.uv;

import io.github.uvlambda.pep.Marker;
import io.github.uvlambda.pep.MarkerEnvironment;
import io.github.uvlambda.pep.Version;
import io.github.uvlambda.pep.VersionSpecifiers;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether two markers mean the same thing, without uv's marker algebra: both are evaluated
 * on every combination of the values that matter (each literal they compare against, values just
 * around each Python version, and "something else"), restricted to the Python versions the lock
 * allows. uv rewrites markers into a canonical form before storing them ({@code python_version >
 * '3.11'} becomes {@code python_full_version >= '3.12'}, clauses implied by {@code requires-python}
 * disappear); comparing behaviour instead of text tolerates all of that.
 */
final class MarkerEquivalence {
  private static final int MAX_COMBINATIONS = 50_000;
  private static final Set<String> PYTHON_VARIABLES =
      Set.of("python_version", "python_full_version", "implementation_version");

  private final VersionSpecifiers requiresPython;

  MarkerEquivalence(VersionSpecifiers requiresPython) {
    this.requiresPython = requiresPython;
  }

  boolean equivalent(Marker a, Marker b) {
    if (a.source().equals(b.source())) {
      return true;
    }
    for (MarkerEnvironment env : environments(List.of(a, b))) {
      if (a.evaluate(env) != b.evaluate(env)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the marker is false for every Python the lock allows (such a requirement is dropped).
   */
  boolean neverTrue(Marker m) {
    for (MarkerEnvironment env : environments(List.of(m))) {
      if (m.evaluate(env)) {
        return false;
      }
    }
    return true;
  }

  private List<MarkerEnvironment> environments(List<Marker> markers) {
    Map<String, Set<String>> values = new LinkedHashMap<>();
    Set<Version> pythons = new TreeSet<>();
    for (Marker m : markers) {
      for (Marker.Comparison c : m.comparisons()) {
        String var = c.variable();
        if (PYTHON_VARIABLES.contains(var)) {
          Version.tryParse(c.literal().replace(".*", "")).ifPresent(v -> addAround(pythons, v));
        } else {
          values.computeIfAbsent(var, k -> new LinkedHashSet<>()).add(c.literal());
        }
      }
    }
    for (int minor = 0; minor <= 20; minor++) {
      pythons.add(Version.parse("3." + minor + ".0"));
    }
    List<String> pythonList = new ArrayList<>();
    for (Version v : pythons) {
      if (requiresPython.contains(v)) {
        pythonList.add(v.toString());
      }
    }
    if (pythonList.isEmpty()) {
      pythonList.add("3.12.0");
    }
    for (Set<String> s : values.values()) {
      s.add("");
      s.add("\u0000other");
    }

    List<MarkerEnvironment> out = new ArrayList<>();
    MarkerEnvironment base = MarkerEnvironment.linuxCPython("x86_64", "3.12");
    List<Map.Entry<String, Set<String>>> vars = new ArrayList<>(values.entrySet());
    long combos = pythonList.size();
    for (var e : vars) {
      combos *= e.getValue().size();
    }
    if (combos > MAX_COMBINATIONS) {
      // Too many to enumerate: vary one variable at a time around the defaults.
      for (String py : pythonList) {
        out.add(python(base, py));
      }
      for (var e : vars) {
        for (String value : e.getValue()) {
          for (String py : pythonList) {
            out.add(set(python(base, py), e.getKey(), value));
          }
        }
      }
      return out;
    }
    for (String py : pythonList) {
      expand(python(base, py), vars, 0, out);
    }
    return out;
  }

  private static void addAround(Set<Version> pythons, Version v) {
    List<BigInteger> r = v.release();
    int major = r.get(0).intValue();
    int minor = r.size() > 1 ? r.get(1).intValue() : 0;
    int patch = r.size() > 2 ? r.get(2).intValue() : 0;
    for (int m = Math.max(0, minor - 1); m <= minor + 1; m++) {
      pythons.add(Version.parse(major + "." + m + ".0"));
    }
    pythons.add(Version.parse(major + "." + minor + "." + patch));
    pythons.add(Version.parse(major + "." + minor + "." + (patch + 1)));
    if (patch > 0) {
      pythons.add(Version.parse(major + "." + minor + "." + (patch - 1)));
    }
  }

  private static void expand(
      MarkerEnvironment env,
      List<Map.Entry<String, Set<String>>> vars,
      int index,
      List<MarkerEnvironment> out) {
    if (index == vars.size()) {
      out.add(env);
      return;
    }
    var e = vars.get(index);
    for (String value : e.getValue()) {
      expand(set(env, e.getKey(), value), vars, index + 1, out);
    }
  }

  private static MarkerEnvironment python(MarkerEnvironment base, String full) {
    Version v = Version.parse(full);
    return base.with("python_full_version", full)
        .with("implementation_version", full)
        .with("python_version", v.majorMinor());
  }

  private static MarkerEnvironment set(MarkerEnvironment env, String var, String value) {
    if (var.equals("extra")) {
      return env.withExtras(value.isEmpty() ? Set.of() : Set.of(value));
    }
    if (var.equals("extras") || var.equals("dependency_groups")) {
      return env; // lock metadata never uses the PEP 751 set variables
    }
    return env.with(var, value);
  }
}
