package io.github.uvlambda.deploy.reconcile;

import java.util.Map;

/** A function's SQS dead-letter queue, {@code NAME-dlq}, keeping messages 14 days. */
public record DesiredQueue(String name, String arn, Map<String, String> tags) {
  /** Fourteen days, SQS's maximum: failed events wait as long as possible for a look. */
  public static final String RETENTION_SECONDS = "1209600";

  public DesiredQueue {
    tags = Map.copyOf(tags);
  }
}
