package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.testing.TestProject;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.wheel.FetchSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The build requests the hardening tests make: group "fn" of a test project, python3.12/arm64. */
final class TestRequests {
  private TestRequests() {}

  /** The layer of the project's group "fn", its wheels taken from the project's file:// index. */
  static LayerBuilder.Request layer(TestProject project, Path output, Path cacheRoot) {
    return new LayerBuilder.Request(
        "fn",
        LockFiles.prepare(project.dir(), null, false, false, BuildLog.SILENT),
        "fn",
        Set.of(),
        new LambdaRuntime("3.12", Architecture.ARM64),
        output,
        ReproducibleZipWriter.DEFAULT_TIME,
        FetchSettings.direct(project.dir()).withIndex(project.indexUrl()),
        cacheRoot,
        LayerBuilder.Installer.JAVA,
        null,
        "test");
  }

  /** The code.zip of every file under {@code src}, with the default rules. */
  static CodePackager.Request code(Path src, String handler, Path output) {
    return new CodePackager.Request(
        "fn",
        src,
        handler,
        SourceSelection.Rules.of(List.of("**"), List.of()),
        output,
        ReproducibleZipWriter.DEFAULT_TIME);
  }
}
