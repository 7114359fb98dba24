package io.github.uvlambda.deploy.aws;

import io.github.uvlambda.BuildLog;
import java.util.function.Supplier;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;

/** Retries Lambda calls through IAM propagation delays and in-progress updates. */
public final class Retries {
  private final RetryTiming timing;
  private final BuildLog log;

  public Retries(RetryTiming timing, BuildLog log) {
    this.timing = timing;
    this.log = log;
  }

  static boolean isPropagation(InvalidParameterValueException e) {
    String m = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    m = m == null ? "" : m;
    return m.contains("cannot be assumed by Lambda")
        || m.contains("does not have permissions")
        || m.contains("is invalid for CreateGrant");
  }

  public <T> T call(String what, Supplier<T> call, Runnable beforeRetry) {
    long deadline = System.nanoTime() + timing.timeout().toNanos();
    long delay = timing.initialDelay().toMillis();
    while (true) {
      try {
        return call.get();
      } catch (InvalidParameterValueException e) {
        if (!isPropagation(e) || System.nanoTime() > deadline) {
          throw e;
        }
        log.info(
            what + ": waiting for IAM to propagate (" + e.awsErrorDetails().errorMessage() + ")");
      } catch (ResourceConflictException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        log.info(what + ": waiting for an update in progress to finish");
        if (beforeRetry != null) {
          beforeRetry.run();
        }
      }
      sleep(delay);
      delay = Math.min(timing.maxDelay().toMillis(), Math.max(1, delay * 2));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
