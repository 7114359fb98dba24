package io.github.uvlambda.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.testing.TestProject;
import io.github.uvlambda.testing.TestWheel;
import io.github.uvlambda.uv.ExportOptions;
import io.github.uvlambda.uv.LockFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** uv-export's wheels list: every package a layer installs, local ones marked as built here. */
class LayerExportTest {
  @TempDir Path tmp;

  private static final LambdaRuntime X86_313 = new LambdaRuntime("3.13", Architecture.X86_64);

  @Test
  void localPackagesAreListedWithTheirSourceNextToTheChosenWheels() throws IOException {
    Path lambdas =
        new TestProject(tmp.resolve("lambdas"))
            .addTransitive(
                "alpha",
                "1.0",
                new TestWheel("alpha", "1.0").file("alpha/__init__.py", ""),
                new TestWheel("alpha", "1.0").tags("cp313-cp313-manylinux_2_17_x86_64"))
            .addSdistOnly("beta", "2.0")
            .member("common", "0.1.0", "libs/common", "alpha")
            .directory("legacy", "3.2.1", "libs/legacy")
            .inFn("common")
            .inFn("legacy")
            .write();
    LayerExport.Result r =
        LayerExport.of(
            LockFiles.read(lambdas),
            X86_313,
            ExportOptions.forLayer("fn", Set.of()),
            BuildLog.SILENT);
    assertThat(r.requirements())
        .containsExactly("-e ./libs/common", "./libs/legacy", "alpha==1.0", "beta==2.0");
    assertThat(r.wheels())
        .containsExactly(
            "common==0.1.0 LOCAL editable libs/common",
            "legacy==3.2.1 LOCAL directory libs/legacy",
            "alpha==1.0 alpha-1.0-cp313-cp313-manylinux_2_17_x86_64.whl",
            "beta==2.0 NO-WHEEL");
  }

  /**
   * The real workspace of bayashi-cl/uv-workspace-managed-lambda-example (see its SOURCE.md): its
   * three uv_build members are in the list, each once, as the local packages they are.
   */
  @Test
  void aRealWorkspacesMembersAreListedAsLocal() {
    Path root = Path.of("src/test/resources/real/bayashi-uv-workspace-lambda");
    LayerExport.Result r =
        LayerExport.of(
            LockFiles.read(root), X86_313, ExportOptions.forLayer(null, Set.of()), BuildLog.SILENT);
    assertThat(r.wheels()).hasSameSizeAs(r.requirements());
    assertThat(r.wheels().subList(0, 3))
        .containsExactly(
            "example-common==0.1.0 LOCAL editable packages/example-common",
            "example-lambda-a==0.1.0 LOCAL editable packages/example-lambda-a",
            "example-lambda-b==0.1.0 LOCAL editable packages/example-lambda-b");
    assertThat(r.wheels()).contains("boto3==1.40.31 boto3-1.40.31-py3-none-any.whl");
  }
}
