package io.github.uvlambda.deploy.reconcile;

import java.util.Map;

/** The log group a function writes to, {@code /aws/lambda/NAME}, as the configuration wants it. */
public record DesiredLogGroup(
    String name, String arn, int retentionDays, Map<String, String> tags) {
  public DesiredLogGroup {
    tags = Map.copyOf(tags);
  }
}
