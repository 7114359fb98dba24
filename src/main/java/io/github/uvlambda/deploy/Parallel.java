package io.github.uvlambda.deploy;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.deploy.reconcile.Journal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs independent AWS work on a few threads and gathers every failure, each named by what failed,
 * instead of stopping at the first.
 */
final class Parallel {
  private Parallel() {}

  /** A unit of work and the name its failure is reported under. */
  record Task<T>(String name, java.util.function.Supplier<T> work) {}

  /** A stage in which some tasks failed; {@code failures} name each. */
  static final class StageFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final List<String> failures;

    StageFailed(List<String> failures) {
      super(String.join("; ", failures));
      this.failures = List.copyOf(failures);
    }
  }

  static <T> List<T> run(List<Task<T>> tasks, int threads) {
    if (tasks.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())));
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Task<T> t : tasks) {
        futures.add(pool.submit(() -> t.work().get()));
      }
      List<T> out = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < tasks.size(); i++) {
        try {
          out.add(futures.get(i).get());
        } catch (ExecutionException e) {
          out.add(null);
          failures.add(tasks.get(i).name() + ": " + describe(e.getCause()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new UvLambdaException("Interrupted while talking to AWS");
        }
      }
      if (!failures.isEmpty()) {
        throw new StageFailed(failures);
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  static <I, T> List<T> map(
      List<I> items, int threads, Function<I, String> name, Function<I, T> work) {
    List<Task<T>> tasks = new ArrayList<>();
    for (I i : items) {
      tasks.add(new Task<>(name.apply(i), () -> work.apply(i)));
    }
    return run(tasks, threads);
  }

  /**
   * Runs a stage of work; turns its failures into one message that says what was already done and
   * that running {@code again} finishes the job.
   */
  static <T> T stage(
      String what, java.util.function.Supplier<T> work, Journal journal, String again) {
    List<String> failures;
    try {
      return work.get();
    } catch (StageFailed e) {
      failures = e.failures;
    } catch (SdkException e) {
      failures = List.of(describe(e));
    }
    List<String> done = journal == null ? List.of() : journal.entries();
    throw new UvLambdaException(
        "Failed while "
            + what
            + ":\n  - "
            + String.join("\n  - ", failures)
            + (done.isEmpty()
                ? "\nNothing was changed."
                : "\nAlready done: "
                    + String.join("; ", done)
                    + ".\nRun "
                    + again
                    + " again to finish."));
  }

  static String describe(Throwable c) {
    if (c instanceof AwsServiceException a && a.awsErrorDetails() != null) {
      return a.awsErrorDetails().serviceName()
          + " "
          + a.awsErrorDetails().errorCode()
          + ": "
          + a.awsErrorDetails().errorMessage();
    }
    if (c instanceof SdkException || c instanceof UvLambdaException) {
      return c.getMessage();
    }
    return String.valueOf(c);
  }
}
