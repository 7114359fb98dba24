package io.github.uvlambda.deploy.reconcile;

/**
 * What a deploy or destroy may delete beyond what the POM change itself asks for.
 *
 * @param prune delete functions of the project that left the POM, with what only they use
 * @param deleteLogs delete log groups too (their logs are lost)
 * @param deleteQueuedMessages delete dead-letter queues that still hold messages too
 */
public record RemovalOptions(boolean prune, boolean deleteLogs, boolean deleteQueuedMessages) {
  public static final RemovalOptions NONE = new RemovalOptions(false, false, false);
}
