package io.github.uvlambda.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkerTest {

  static Map<String, MarkerEnvironment> environments() {
    Map<String, MarkerEnvironment> envs = new HashMap<>();
    for (String machine : List.of("x86_64", "aarch64")) {
      for (String py : List.of("3.10", "3.11", "3.12", "3.13", "3.14")) {
        envs.put("linux-" + machine + "-" + py, MarkerEnvironment.linuxCPython(machine, py));
      }
    }
    envs.put(
        "macos-arm64-3.12.4",
        env(
            "cpython",
            "3.12.4",
            "posix",
            "arm64",
            "CPython",
            "23.1.0",
            "Darwin",
            "Darwin Kernel",
            "3.12.4",
            "3.12",
            "darwin"));
    envs.put(
        "windows-amd64-3.11.7",
        env(
            "cpython",
            "3.11.7",
            "nt",
            "AMD64",
            "CPython",
            "10",
            "Windows",
            "10.0.19045",
            "3.11.7",
            "3.11",
            "win32"));
    envs.put(
        "pypy-linux-3.10.14",
        env(
            "pypy", "7.3.16", "posix", "x86_64", "PyPy", "6.1.0", "Linux", "#1 SMP", "3.10.14",
            "3.10", "linux"));
    return envs;
  }

  private static MarkerEnvironment env(String... v) {
    String[] keys = {
      "implementation_name", "implementation_version", "os_name", "platform_machine",
      "platform_python_implementation", "platform_release", "platform_system", "platform_version",
      "python_full_version", "python_version", "sys_platform"
    };
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < keys.length; i++) {
      m.put(keys[i], v[i]);
    }
    return new MarkerEnvironment(m, Set.of(), Set.of());
  }

  @Test
  void parsesAndEvaluatesLikePackaging() {
    Map<String, MarkerEnvironment> envs = environments();
    List<String> failures = new ArrayList<>();
    List<String[]> rows = Vectors.read("markers.tsv");
    assertThat(rows).hasSizeGreaterThan(20000);
    for (String[] row : rows) {
      String text = row[0];
      String want = row[3];
      Marker marker;
      try {
        marker = Marker.parse(text);
      } catch (InvalidMarkerException e) {
        if (!want.equals("INVALID") && !text.isBlank()) {
          failures.add("'" + text + "' should parse: " + e.getMessage());
        }
        continue;
      }
      if (want.equals("INVALID")) {
        if (!text.isBlank()) {
          failures.add("'" + text + "' should be invalid");
        }
        continue;
      }
      MarkerEnvironment env = envs.get(row[1]);
      if (!row[2].isEmpty()) {
        env = env.withExtras(Set.of(PackageName.normalize(row[2])));
      }
      String got;
      try {
        got = marker.evaluate(env) ? "True" : "False";
      } catch (InvalidMarkerException e) {
        got = "UNDEFINED";
      }
      if (!got.equals(want)) {
        failures.add(
            "'" + text + "' in " + row[1] + " extra=" + row[2] + ": got " + got + ", want " + want);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void extraUsesSetSemanticsForUvConflictMarkers() {
    Marker m =
        Marker.parse("extra == 'group-9-myproject-cuda12' and extra != 'extra-9-myproject-cpu'");
    MarkerEnvironment env = MarkerEnvironment.linuxCPython("x86_64", "3.13");
    assertThat(m.evaluate(env.withExtras(Set.of("group-9-myproject-cuda12")))).isTrue();
    assertThat(
            m.evaluate(env.withExtras(Set.of("group-9-myproject-cuda12", "extra-9-myproject-cpu"))))
        .isFalse();
    assertThat(m.evaluate(env)).isFalse();
  }

  @Test
  void lambdaEnvironmentUsesPatchZero() {
    MarkerEnvironment env = MarkerEnvironment.linuxCPython("aarch64", "3.12");
    assertThat(Marker.parse("python_full_version >= '3.12.1'").evaluate(env)).isFalse();
    assertThat(
            Marker.parse("platform_machine == 'aarch64' and sys_platform == 'linux'").evaluate(env))
        .isTrue();
  }

  @Test
  void rejectsGarbageWithPosition() {
    assertThatThrownBy(() -> Marker.parse("python_version >= '3.11' and"))
        .isInstanceOf(InvalidMarkerException.class)
        .hasMessageContaining("python_version >= '3.11' and");
  }
}
