package io.github.uvlambda.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import io.github.uvlambda.function.FunctionConfigResolver;
import io.github.uvlambda.function.FunctionSettings;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.function.Purpose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code allowedSecretFiles} and {@code useDefaultExcludes} set on one {@code <function>} change
 * that function's code.zip only; allowed secret files add to the plugin level's.
 */
class PerFunctionCodeSettingsTest {
  @TempDir Path basedir;

  private void function(String name) throws IOException {
    Path dir = basedir.resolve("lambdas").resolve(name);
    FileTime now = FileTime.from(Instant.now());
    CodePackagerTest.sources(dir, now);
    CodePackagerTest.write(dir.resolve("certs/shared-ca.pem"), "shared", now);
    CodePackagerTest.write(dir.resolve("certs/own.pem"), "own", now);
  }

  private List<FunctionSpec> specs(FunctionSettings... functions) throws IOException {
    Files.writeString(basedir.resolve("lambdas/pyproject.toml"), "[project]\nname='x'\n");
    FunctionSettings shared =
        FunctionSettings.builder()
            .set(FunctionSettings.LAMBDAS_DIR, "lambdas")
            .set(FunctionSettings.HANDLER, "my_worker.handler.handler")
            .set(FunctionSettings.ALLOWED_SECRET_FILES, List.of("certs/shared-ca.pem"))
            .set(FunctionSettings.USE_DEFAULT_EXCLUDES, true)
            .build();
    return new FunctionConfigResolver(basedir).resolve(shared, List.of(functions), Purpose.CODE);
  }

  private static FunctionSettings.Builder named(String name) {
    return FunctionSettings.builder().set(FunctionSettings.FUNCTION_NAME, name);
  }

  private List<String> codeZip(FunctionSpec f) throws IOException {
    Path zip = basedir.resolve("out").resolve(f.functionName() + ".zip");
    new CodePackager(BuildLog.SILENT)
        .packageCode(CodePackager.Request.of(f, zip, ReproducibleZipWriter.DEFAULT_TIME));
    try (ZipFile z = new ZipFile(zip.toFile())) {
      return Collections.list(z.entries()).stream().map(ZipEntry::getName).toList();
    }
  }

  @Test
  void eachFunctionShipsWhatItsOwnSettingsAllow() throws IOException {
    function("allows-own");
    function("keeps-tests");
    List<FunctionSpec> specs =
        specs(
            named("allows-own")
                .set(FunctionSettings.ALLOWED_SECRET_FILES, List.of("certs/own.pem"))
                .build(),
            named("keeps-tests")
                .set(FunctionSettings.USE_DEFAULT_EXCLUDES, false)
                .set(FunctionSettings.EXCLUDES, List.of("certs/own.pem"))
                .build());

    assertThat(codeZip(specs.get(0)))
        .contains("certs/shared-ca.pem", "certs/own.pem")
        .doesNotContain("tests/test_handler.py");
    assertThat(codeZip(specs.get(1)))
        .contains("certs/shared-ca.pem", "tests/test_handler.py", "my_worker/stale.pyc")
        .doesNotContain("certs/own.pem");
  }

  @Test
  void aFunctionWithoutItsOwnAllowanceStillRefusesTheFile() throws IOException {
    function("plain");
    FunctionSpec plain = specs(named("plain").build()).get(0);
    assertThatThrownBy(() -> codeZip(plain))
        .isInstanceOf(UnsafeSourceFilesException.class)
        .hasMessageContaining("certs/own.pem")
        .hasMessageNotContaining("certs/shared-ca.pem");
    assertThat(basedir.resolve("out/plain.zip")).doesNotExist();
  }
}
