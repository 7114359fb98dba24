package io.github.uvlambda.deploy;

import io.github.uvlambda.deploy.aws.AwsConnection;
import java.nio.file.Path;

/**
 * How to destroy a project.
 *
 * @param project the owning project, as {@link DeploySettings#project()}
 * @param deleteLogs delete log groups too (their logs are lost)
 * @param deleteQueuedMessages delete dead-letter queues that still hold messages too
 * @param outputDirectory where {@code plan.json} goes
 */
public record DestroySettings(
    AwsConnection connection,
    String project,
    boolean dryRun,
    boolean deleteLogs,
    boolean deleteQueuedMessages,
    Path outputDirectory) {}
