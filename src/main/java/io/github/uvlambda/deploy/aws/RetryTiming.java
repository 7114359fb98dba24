package io.github.uvlambda.deploy.aws;

import java.time.Duration;

/**
 * How long the deploy keeps retrying what AWS reports as transient: IAM propagation ("The role
 * defined for the function cannot be assumed by Lambda"), an update still in progress
 * (ResourceConflictException). Throttling and 5xx are the SDK's own retries.
 */
public record RetryTiming(Duration timeout, Duration initialDelay, Duration maxDelay) {
  /** Two minutes, as Terraform's provider waits for IAM propagation. */
  public static final RetryTiming DEFAULT =
      new RetryTiming(Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(10));
}
