package io.github.uvlambda.deploy.reconcile;

import java.util.Map;

/**
 * An existing log group as read from CloudWatch Logs; {@code retentionDays} null = never expire.
 */
public record LogGroupState(String name, Integer retentionDays, Map<String, String> tags) {
  public LogGroupState {
    tags = Map.copyOf(tags);
  }
}
