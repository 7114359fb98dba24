package io.github.uvlambda.deploy.reconcile;

import java.util.Map;

/**
 * An existing SQS queue.
 *
 * @param retentionSeconds its MessageRetentionPeriod
 * @param messages messages waiting, in flight or delayed: what deleting it would lose
 */
public record QueueState(
    String name, String url, String retentionSeconds, long messages, Map<String, String> tags) {
  public QueueState {
    tags = Map.copyOf(tags);
  }
}
