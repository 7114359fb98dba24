package io.github.uvlambda.uv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.MarkerEnvironment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * uv export's selection rules on a small lock in uv's format: groups and their flags, extras,
 * conflict markers, forks, local/git/URL sources and the emit filters.
 */
class LockExporterTest {
  static final Path DIR = Path.of("src/test/resources/synthetic/export");
  static final MarkerEnvironment LINUX_312 = MarkerEnvironment.linuxCPython("x86_64", "3.12");

  private static List<String> export(String... flags) {
    return export(LINUX_312, flags);
  }

  private static List<String> export(MarkerEnvironment env, String... flags) {
    PyProject py = PyProject.read(DIR.resolve("pyproject.toml"));
    UvLock lock = new LockReader(BuildLog.SILENT).read(DIR.resolve("uv.lock"));
    return LockExporter.lines(
        new LockExporter().export(py, lock, ExportFlags.parse(List.of(flags)), env));
  }

  @Test
  void defaultsAreTheProjectDependenciesAndTheDevGroup() {
    assertThat(export())
        .containsExactly(
            "-e .",
            "-e ./libs/lib",
            "anyio==4.0.0",
            "idna==3.0",
            "numpy==2.0.0",
            "pytest==8.0.0",
            "six==1.16.0");
  }

  @Test
  void markersAreEvaluatedForTheTarget() {
    // six is needed below 3.13 only; winonly never on Linux; numpy forks by platform.
    assertThat(export(MarkerEnvironment.linuxCPython("aarch64", "3.13"), "--no-dev"))
        .containsExactly("-e .", "-e ./libs/lib", "anyio==4.0.0", "idna==3.0", "numpy==2.0.0");
  }

  @Test
  void emitFlagsDropLinesButNotTheirDependencies() {
    assertThat(
            export(
                "--no-dev",
                "--no-emit-project",
                "--no-emit-package",
                "anyio",
                "--no-emit-package",
                "lib"))
        .containsExactly("idna==3.0", "numpy==2.0.0", "six==1.16.0");
  }

  @Test
  void extrasFollowOptionalDependenciesAndTheExtrasOfEdges() {
    assertThat(export("--no-default-groups", "--no-emit-project", "--extra", "web"))
        .contains("h2==4.0.0", "httpcore==1.0.0", "httpx==0.28.0");
    assertThat(export("--no-default-groups", "--no-emit-project", "--extra", "cpu"))
        .contains("torch==2.0.0+cpu");
    assertThat(export("--no-default-groups", "--all-extras"))
        .contains("h2==4.0.0", "torch==2.0.0+cpu");
  }

  @Test
  void onlyGroupLeavesTheProjectOutAndPrintsGitAndUrlSources() {
    assertThat(export("--only-group", "lambda"))
        .containsExactly(
            "boto3==1.0.0",
            "gitpkg @ git+https://github.com/example/gitpkg@0123456789abcdef0123456789abcdef01234567",
            "jmespath==1.0.0",
            "urlpkg @ https://example.com/urlpkg-1.0.0.tar.gz");
  }

  @Test
  void conflictMarkersSeeWhichGroupsAreActive() {
    assertThat(export("--only-group", "lambda")).doesNotContain("special==1.0.0");
    assertThat(export("--only-group", "lambda", "--group", "gpu"))
        .contains("special==1.0.0", "torch==2.0.0");
  }

  @Test
  void groupSelectionFollowsUv() {
    assertThat(export("--no-default-groups")).doesNotContain("pytest==8.0.0");
    assertThat(export("--all-groups")).contains("pytest==8.0.0", "boto3==1.0.0", "torch==2.0.0");
    assertThat(export("--all-groups", "--no-group", "gpu")).doesNotContain("torch==2.0.0");
    // Exclusion wins: --no-dev --group dev selects nothing of dev.
    assertThat(export("--no-dev", "--group", "dev")).doesNotContain("pytest==8.0.0");
  }

  @Test
  void unknownGroupsAndExtrasNameWhatIsDefined() {
    assertThatThrownBy(() -> export("--group", "api"))
        .isInstanceOf(UvLambdaException.class)
        .hasMessageContaining("Group 'api' is not defined")
        .hasMessageContaining("Defined groups: dev, gpu, lambda.");
    assertThatThrownBy(() -> export("--extra", "gpu"))
        .hasMessageContaining("Extra 'gpu' is not defined")
        .hasMessageContaining("Defined extras: cpu, web.");
  }

  @Test
  void theSyntheticLockIsUpToDate() {
    PyProject py = PyProject.read(DIR.resolve("pyproject.toml"));
    UvLock lock = new LockReader(BuildLog.SILENT).read(DIR.resolve("uv.lock"));
    assertThat(new LockChecker().differences(py, lock)).isEmpty();
  }
}
