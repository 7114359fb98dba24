package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.deploy.aws.AwsClients;
import io.github.uvlambda.deploy.aws.Retries;
import io.github.uvlambda.deploy.aws.ZipUploads;

/** What every reconciler's apply needs: the clients, retries, uploads, the journal and the log. */
public record ApplyContext(
    AwsClients aws, Retries retries, ZipUploads uploads, Journal journal, BuildLog log) {}
