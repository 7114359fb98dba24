package io.github.uvlambda.uv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.MarkerEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * For real projects that commit both a uv.lock and `uv export` files made from it, the exporter
 * must print, for each Lambda target, exactly the lines of the export whose marker holds there.
 */
class LockExporterRealProjectsTest {
  private static final Pattern EXPECTED = Pattern.compile("(.+)-(aarch64|x86_64)-(3\\.\\d+)\\.txt");
  private static final Pattern COMMAND = Pattern.compile("#\\s+uv export (.*)");

  @TestFactory
  Stream<DynamicTest> exportMatchesUvForEveryTarget() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path project : RealProjects.all()) {
      Path expectedDir = project.resolve("expected");
      if (!Files.isDirectory(expectedDir)) {
        continue;
      }
      PyProject py = PyProject.read(project.resolve("pyproject.toml"));
      UvLock lock = new LockReader(BuildLog.SILENT).read(project.resolve("uv.lock"));
      try (Stream<Path> files = Files.list(expectedDir)) {
        for (Path expected : files.sorted().toList()) {
          Matcher m = EXPECTED.matcher(expected.getFileName().toString());
          assertThat(m.matches()).isTrue();
          Path export = project.resolve("exports").resolve(m.group(1) + ".txt");
          ExportOptions options = optionsFromHeader(export);
          tests.add(
              DynamicTest.dynamicTest(
                  project.getFileName() + "/" + expected.getFileName(),
                  () -> {
                    MarkerEnvironment env = MarkerEnvironment.linuxCPython(m.group(2), m.group(3));
                    List<String> got =
                        LockExporter.lines(new LockExporter().export(py, lock, options, env));
                    assertThat(got).containsExactlyElementsOf(Files.readAllLines(expected));
                  }));
        }
      }
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  @Test
  void targetBelowRequiresPythonIsAClearError() {
    Path project = RealProjects.root().resolve("onyx");
    PyProject py = PyProject.read(project.resolve("pyproject.toml"));
    UvLock lock = new LockReader(BuildLog.SILENT).read(project.resolve("uv.lock"));
    assertThatThrownBy(
            () ->
                new LockExporter()
                    .export(
                        py,
                        lock,
                        ExportOptions.forLayer("backend", Set.of()),
                        MarkerEnvironment.linuxCPython("x86_64", "3.12")))
        .isInstanceOf(UvLambdaException.class)
        .hasMessageContaining("Python 3.12 is outside the requires-python")
        .hasMessageContaining(">=3.13");
  }

  /** Reads the flags from the export's header, as uv recorded them. */
  static ExportOptions optionsFromHeader(Path export) throws IOException {
    for (String line : Files.readAllLines(export)) {
      Matcher m = COMMAND.matcher(line);
      if (m.matches()) {
        return ExportFlags.parse(List.of(m.group(1).split("\\s+")));
      }
    }
    throw new IllegalStateException(export + " has no uv export header");
  }
}
