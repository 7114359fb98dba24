package io.github.uvlambda.uv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.MarkerEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample monorepo's lock: up to date, and exported per function as the seed's pipeline would.
 */
class SampleProjectTest {
  static final Path LAMBDAS = Path.of("lambdas-sample", "lambdas");

  static PyProject pyproject() {
    return PyProject.read(LAMBDAS.resolve("pyproject.toml"));
  }

  static UvLock lock() {
    return new LockReader(BuildLog.SILENT).read(LAMBDAS.resolve("uv.lock"));
  }

  @Test
  void sampleLockIsUpToDate() {
    assertThat(new LockChecker().differences(pyproject(), lock())).isEmpty();
  }

  @Test
  void apiHandlerLayerHoldsItsGroupOnly() {
    var lines =
        LockExporter.lines(
            new LockExporter()
                .export(
                    pyproject(),
                    lock(),
                    ExportOptions.forLayer("my-api-handler", Set.of("aws-lambda-powertools")),
                    MarkerEnvironment.linuxCPython("aarch64", "3.13")));
    assertThat(lines)
        .containsExactly(
            "-e ./libs/common",
            "annotated-types==0.8.0",
            "boto3==1.43.107",
            "botocore==1.43.107",
            "jmespath==1.1.0",
            "pydantic==2.13.5",
            "pydantic-core==2.46.5",
            "pydantic-settings==2.15.0",
            "python-dateutil==2.9.0.post0",
            "python-dotenv==1.2.4",
            "s3transfer==0.19.2",
            "six==1.17.0",
            "typing-extensions==4.16.0",
            "typing-inspection==0.4.4",
            "urllib3==2.8.0");
  }

  @Test
  void defaultExportIncludesDevGroupAndGitSource() {
    var lines =
        LockExporter.lines(
            new LockExporter()
                .export(
                    pyproject(),
                    lock(),
                    ExportOptions.defaults(),
                    MarkerEnvironment.linuxCPython("x86_64", "3.14")));
    assertThat(lines)
        .contains(
            "aws-lambda-powertools @ git+https://github.com/aws-powertools/powertools-lambda-python@4d20f6d4d068163b1e281ae5e9dd5da6df14556e",
            "moto==5.1.15",
            "py-partiql-parser==0.6.1",
            "httpx==0.28.1")
        .doesNotContain("colorama==0.4.6")
        // typing-extensions is needed by pydantic even though anyio drops it on 3.15+.
        .contains("typing-extensions==4.16.0");
  }

  @Test
  void staleLockNamesTheChangedRequirement(@TempDir Path dir) throws IOException {
    Files.copy(LAMBDAS.resolve("uv.lock"), dir.resolve("uv.lock"));
    Files.createDirectories(dir.resolve("libs/common"));
    Files.copy(
        LAMBDAS.resolve("libs/common/pyproject.toml"), dir.resolve("libs/common/pyproject.toml"));
    String py = Files.readString(LAMBDAS.resolve("pyproject.toml"));
    Files.writeString(
        dir.resolve("pyproject.toml"),
        py.replace("\"boto3>=1.41.1\",\n]\nmy-worker", "\"boto3>=1.42\",\n]\nmy-worker")
            .replace("  \"httpx>=0.28.0\",\n", "  \"httpx>=0.28.0\",\n  \"orjson>=3.10\",\n"));
    PyProject changed = PyProject.read(dir.resolve("pyproject.toml"));
    UvLock lock = new LockReader(BuildLog.SILENT).read(dir.resolve("uv.lock"));
    assertThat(new LockChecker().differences(changed, lock))
        .containsExactlyInAnyOrder(
            "pyproject declares boto3>=1.42 in group my-api-handler of my-lambdas; uv.lock was made from boto3>=1.41.1",
            "pyproject declares orjson>=3.10 in group my-worker of my-lambdas, which uv.lock does not have");
    assertThatThrownBy(() -> new LockChecker().check(changed, lock))
        .isInstanceOf(UvLambdaException.class)
        .hasMessageContaining("is out of date with")
        .hasMessageContaining("Run `uv lock` in " + dir);
  }
}
