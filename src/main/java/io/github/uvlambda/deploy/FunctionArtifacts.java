package io.github.uvlambda.deploy;

import io.github.uvlambda.build.LayerReport;
import io.github.uvlambda.function.FunctionSpec;
import java.nio.file.Path;

/**
 * A function with its built zips.
 *
 * @param codeUnzipped the unzipped size of code.zip, for Lambda's 250 MB check
 * @param layerZip deps.zip, or null when the function has no dependencies
 */
public record FunctionArtifacts(
    FunctionSpec spec, Path codeZip, long codeUnzipped, Path layerZip, LayerReport layerReport) {

  /** Whether the function gets a dependency layer: it has a deps.zip with packages in it. */
  public boolean hasLayer() {
    return layerZip != null && layerReport != null && !layerReport.hasNoPackages();
  }
}
