package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.Fingerprint;
import io.github.uvlambda.lambda.LambdaLimits;
import io.github.uvlambda.lambda.RuntimeProvidedPackages;
import io.github.uvlambda.uv.ExportedPackage;
import io.github.uvlambda.uv.LockPackage;
import java.util.List;
import java.util.Optional;

/**
 * What {@link LayerOptions} change in one layer build: the fingerprint first (the interpreter that
 * compiles is found then, so that its version is part of it), then the installed contents —
 * runtime-provided packages left out, bytecode added — whichever installer produced them.
 */
final class LayerTuning {
  private final LayerBuilder.Request request;
  private final LayerOptions options;
  private final BuildLog log;
  private final BytecodeCompiler bytecode;

  LayerTuning(LayerBuilder.Request request, LayerOptions options, BuildLog log) {
    this.request = request;
    this.options = options;
    this.log = log;
    this.bytecode =
        options.compileBytecode()
            ? new BytecodeCompiler(
                PythonInterpreter.find(
                    request.label(),
                    "compileBytecode",
                    request.runtime().pythonVersion(),
                    options.pythonExecutable(),
                    Optional.ofNullable(request.uv()),
                    log),
                log)
            : null;
  }

  /** Adds what the options change; nothing when they are off, so older fingerprints still hold. */
  void addTo(Fingerprint f) {
    if (bytecode != null) {
      f.add("bytecode", bytecode.python().identity());
    }
    if (options.excludeRuntimePackages()) {
      f.add("runtime-provided packages", RuntimeProvidedPackages.load().text());
    }
  }

  LayerContents apply(LayerContents installed) {
    LayerContents contents = installed;
    if (options.excludeRuntimePackages()) {
      List<LockPackage> layer =
          new JavaLayerInstaller(log)
              .export(request).stream().map(ExportedPackage::lockPackage).toList();
      contents =
          LayerRuntimePackages.leaveOut(
              contents, layer, request, RuntimeProvidedPackages.load(), log);
    }
    if (bytecode != null) {
      contents = LayerBytecode.addTo(contents, bytecode, request.label(), log);
    }
    return contents;
  }

  /**
   * Warns above {@link LayerReport#WARNING_SIZE}: uv-layer cannot see the function's other layers,
   * which share Lambda's 250 MB with this one.
   */
  static void warnIfLarge(String label, LayerReport report, BuildLog log) {
    if (report.unzippedSize() > LayerReport.WARNING_SIZE) {
      log.warn(
          label
              + ": deps.zip is "
              + LayerReport.mb(report.unzippedSize())
              + " unzipped, over "
              + LayerReport.mb(LayerReport.WARNING_SIZE)
              + ": only "
              + LayerReport.mb(LambdaLimits.UNZIPPED_SIZE - report.unzippedSize())
              + " remain under Lambda's 250 MB for code.zip and every other layer of the function"
              + " (additionalLayers, Powertools). uv-deploy checks the total before any change.");
    }
  }
}
