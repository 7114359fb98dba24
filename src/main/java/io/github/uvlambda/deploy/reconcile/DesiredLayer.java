package io.github.uvlambda.deploy.reconcile;

import java.nio.file.Path;
import java.util.List;

/**
 * A dependency layer as the configuration wants it. Functions that name the same layer share one
 * published version; they must have the same layer inputs, so the same zip.
 *
 * @param sha256 Lambda's CodeSha256 of the zip (base64)
 * @param description what a published version says: project and hash, see {@link LayerVersion}
 * @param functions the functions that use it, for messages
 */
public record DesiredLayer(
    String name,
    String sha256,
    Path zip,
    String runtime,
    String architecture,
    String description,
    List<String> functions) {
  public DesiredLayer {
    functions = List.copyOf(functions);
  }
}
