package io.github.uvlambda.deploy.reconcile;

import java.util.Map;

/** An existing function: its {@code $LATEST} settings and its tags. */
public record FunctionState(
    String arn, LambdaConfiguration configuration, Map<String, String> tags) {
  public FunctionState {
    tags = Map.copyOf(tags);
  }
}
