package io.github.uvlambda.uv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uvlambda.BuildLog;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Real locks committed together with their pyproject.toml files are up to date: no false alarm. */
class LockCheckerRealProjectsTest {

  @TestFactory
  Stream<DynamicTest> noFalseAlarmOnRealLocks() {
    return RealProjects.all().stream()
        .map(
            (Path project) ->
                DynamicTest.dynamicTest(
                    project.getFileName().toString(),
                    () -> {
                      PyProject py = PyProject.read(project.resolve("pyproject.toml"));
                      UvLock lock =
                          new LockReader(BuildLog.SILENT).read(project.resolve("uv.lock"));
                      assertThat(new LockChecker().differences(py, lock)).isEmpty();
                    }));
  }
}
