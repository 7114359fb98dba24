package io.github.uvlambda.pep;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values PEP 508 markers are evaluated against. {@code extras} is the set of active extras,
 * which makes {@code extra == 'x'} mean "x is active" (the multi-extra semantics uv uses for its
 * encoded conflict markers); {@code extrasSet} and {@code dependencyGroups} back the PEP 751
 * set-valued variables {@code extras} and {@code dependency_groups}.
 */
public record MarkerEnvironment(
    Map<String, String> values, Set<String> extras, Set<String> dependencyGroups) {

  public MarkerEnvironment {
    values = Map.copyOf(values);
    extras = Set.copyOf(extras);
    dependencyGroups = Set.copyOf(dependencyGroups);
  }

  /**
   * The environment uv uses for {@code --python-platform <arch>-manylinux_2_NN --python-version
   * X.Y}: Linux, CPython, {@code python_full_version = X.Y.0}, empty release and version strings.
   *
   * @param platformMachine {@code x86_64} or {@code aarch64}
   * @param pythonVersion {@code 3.12} and the like; a patch level, when given, is kept
   */
  public static MarkerEnvironment linuxCPython(String platformMachine, String pythonVersion) {
    Version v = Version.parse(pythonVersion);
    String full = v.release().size() >= 3 ? v.toString() : v.majorMinor() + ".0";
    Map<String, String> m = new HashMap<>();
    m.put("implementation_name", "cpython");
    m.put("implementation_version", full);
    m.put("os_name", "posix");
    m.put("platform_machine", platformMachine);
    m.put("platform_python_implementation", "CPython");
    m.put("platform_release", "");
    m.put("platform_system", "Linux");
    m.put("platform_version", "");
    m.put("python_full_version", full);
    m.put("python_version", v.majorMinor());
    m.put("sys_platform", "linux");
    return new MarkerEnvironment(m, Set.of(), Set.of());
  }

  public MarkerEnvironment withExtras(Set<String> activeExtras) {
    return new MarkerEnvironment(values, activeExtras, dependencyGroups);
  }

  public MarkerEnvironment with(String variable, String value) {
    Map<String, String> m = new HashMap<>(values);
    m.put(variable, value);
    return new MarkerEnvironment(m, extras, dependencyGroups);
  }

  public String get(String variable) {
    String value = values.get(variable);
    if (value == null) {
      throw new IllegalArgumentException("marker variable '" + variable + "' has no value");
    }
    return value;
  }
}
