package io.github.uvlambda.deploy.reconcile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A function as the configuration wants it.
 *
 * @param configuration every managed setting; its layers are the fixed ones (Powertools,
 *     additional), without the dependency layer, whose version is only known once it is published
 * @param layerName the dependency layer, or null without dependencies
 * @param aliasName the alias moved to each new version, or null when no version is published
 * @param logGroup where the function logs
 * @param queue its dead-letter queue, or null
 * @param roleName its execution role
 * @param tags the user's tags
 */
public record DesiredFunction(
    String name,
    Path codeZip,
    LambdaConfiguration configuration,
    String layerName,
    String aliasName,
    DesiredLogGroup logGroup,
    DesiredQueue queue,
    String roleName,
    Map<String, String> tags) {

  public DesiredFunction {
    tags = Map.copyOf(tags);
  }

  public boolean publishes() {
    return aliasName != null;
  }

  /** The configuration with the dependency layer's version ARN first, when there is one. */
  public LambdaConfiguration configuration(String depsLayerVersionArn) {
    List<String> layers = new ArrayList<>();
    if (depsLayerVersionArn != null) {
      layers.add(depsLayerVersionArn);
    }
    layers.addAll(configuration.layers());
    return configuration.withLayers(layers);
  }
}
