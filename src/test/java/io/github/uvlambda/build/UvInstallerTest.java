package io.github.uvlambda.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.testing.TestProject;
import io.github.uvlambda.testing.TestWheel;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.uv.UvExecutable;
import io.github.uvlambda.wheel.FetchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delegation to a real uv ({@code installer=uv}, and {@code uv lock} before building). uv is
 * not installed here, so a stand-in script records the command lines and plays uv's part: what is
 * verified is exactly what the plugin asks uv to do, and what it makes of uv's --target folder.
 */
class UvInstallerTest {
  @TempDir Path tmp;
  Path lambdas;
  Path calls;
  UvExecutable uv;

  @BeforeEach
  void fakeUv() throws IOException {
    lambdas =
        new TestProject(tmp.resolve("lambdas"))
            .add("a", "1.0", new TestWheel("a", "1.0").file("a.py", ""))
            .write();
    calls = tmp.resolve("calls.txt");
    Path script = tmp.resolve("bin/uv");
    Files.createDirectories(script.getParent());
    Files.writeString(
        script,
        """
        #!/bin/sh
        echo "$@" >> "%s"
        out=""; target=""
        while [ $# -gt 0 ]; do
          case "$1" in
            -o) out="$2"; shift ;;
            --target) target="$2"; shift ;;
          esac
          shift
        done
        [ -n "$out" ] && echo "a==1.0" > "$out"
        if [ -n "$target" ]; then
          mkdir -p "$target/a" "$target/a-1.0.dist-info"
          echo "A = 1" > "$target/a/__init__.py"
          echo "Name: a" > "$target/a-1.0.dist-info/METADATA"
        fi
        exit 0
        """
            .formatted(calls));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    uv = UvExecutable.find(script.toString()).orElseThrow();
  }

  @Test
  void uvLockRunsFirstAndLockedForCi() throws IOException {
    LockFiles.prepare(lambdas, uv, false, false, BuildLog.SILENT);
    LockFiles.prepare(lambdas, uv, true, false, BuildLog.SILENT);
    assertThat(Files.readAllLines(calls)).containsExactly("lock", "lock --locked");
  }

  @Test
  void installerUvRunsTheTerraformModulesPipelineAndZipsTheResultReproducibly() throws IOException {
    LambdaRuntime arm = new LambdaRuntime("3.12", Architecture.ARM64);
    LayerBuilder.Request r =
        new LayerBuilder.Request(
            "fn",
            LockFiles.prepare(lambdas, uv, false, false, BuildLog.SILENT),
            "fn",
            Set.of("aws-lambda-powertools"),
            arm,
            tmp.resolve("deps.zip"),
            ReproducibleZipWriter.DEFAULT_TIME,
            FetchSettings.direct(lambdas),
            tmp.resolve("cache"),
            LayerBuilder.Installer.UV,
            uv,
            "test");
    new LayerBuilder(BuildLog.SILENT).build(r);
    List<String> lines = Files.readAllLines(calls);
    assertThat(lines.get(1))
        .startsWith(
            "export --frozen --format requirements-txt --no-emit-project --no-default-groups --group fn --no-emit-package aws-lambda-powertools -o ");
    assertThat(lines.get(2))
        .startsWith("pip install -r ")
        .contains(
            "--only-binary=:all: --python-platform aarch64-manylinux_2_34 --python-version 3.12 --target ")
        .endsWith("--no-installer-metadata --no-compile-bytecode");
    assertThat(LayerBuilderTest.entries(tmp.resolve("deps.zip")))
        .containsOnlyKeys("python/a/__init__.py", "python/a-1.0.dist-info/METADATA")
        .containsEntry("python/a/__init__.py", "A = 1\n");
  }

  @Test
  void aConfiguredUvThatIsNotExecutableIsAClearError() {
    assertThatThrownBy(() -> UvExecutable.find(tmp.resolve("nope").toString()))
        .isInstanceOf(UvLambdaException.class)
        .hasMessageContaining("<uvExecutable>");
  }
}
