package io.github.uvlambda.deploy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.build.LayerReport;
import io.github.uvlambda.lambda.LambdaLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Deploys every function: checks sizes, credentials and region first, reads and plans every
 * function (nothing is written while any plan has a problem), prints the plans, then applies them —
 * functions in parallel — unless it is a dry run, and writes each function's outputs.
 */
public final class Deployer {
  private final BuildLog log;
  private final List<ExecutionInterceptor> interceptors;
  private final RetryTiming timing;

  public Deployer(BuildLog log, List<ExecutionInterceptor> interceptors, RetryTiming timing) {
    this.log = log;
    this.interceptors = List.copyOf(interceptors);
    this.timing = timing;
  }

  /** The outputs of every function; empty for a dry run. */
  public List<FunctionOutputs> deploy(List<FunctionArtifacts> functions, DeploySettings settings) {
    checkSizes(functions);
    S3Uploads.check(functions, settings);
    try (AwsClients aws = AwsClients.create(settings, interceptors)) {
      AccountContext account = identify(aws, settings);
      log.info(
          "Deploying to account "
              + account.account()
              + " in "
              + account.region()
              + (settings.endpointUrl() == null ? "" : " at " + settings.endpointUrl())
              + (settings.dryRun() ? " (dry run)" : ""));
      Retries retries = new Retries(timing, log);
      S3Uploads uploads = new S3Uploads(aws, settings, log);
      List<FunctionDeployment> deployments = new ArrayList<>();
      for (FunctionArtifacts a : functions) {
        deployments.add(new FunctionDeployment(aws, account, a, settings, retries, uploads, log));
      }
      parallel(
          deployments,
          settings.threads(),
          d -> {
            d.plan();
            return null;
          },
          "reading the current state of");

      List<String> problems = new ArrayList<>();
      deployments.forEach(d -> problems.addAll(d.problems()));
      if (!problems.isEmpty()) {
        throw new UvLambdaException(
            "Nothing was deployed:\n  - " + String.join("\n  - ", problems));
      }
      for (FunctionDeployment d : deployments) {
        if (d.changes().isEmpty()) {
          log.info(d.name() + ": up to date");
        } else {
          log.info("Plan for " + d.name() + ":");
          d.changes().forEach(c -> log.info("  " + c));
        }
      }
      if (settings.dryRun()) {
        log.info("Dry run (-Duv-lambda.dryRun=true): nothing was changed.");
        return List.of();
      }
      List<FunctionOutputs> outputs =
          parallel(
              deployments,
              settings.threads(),
              d -> d.changes().isEmpty() ? d.currentOutputs() : d.apply(),
              "deploying");
      for (FunctionOutputs o : outputs) {
        try {
          o.write(settings.outputDirectory().resolve(o.functionName()).resolve("outputs.json"));
        } catch (IOException e) {
          throw new UvLambdaException(
              "Cannot write the outputs of " + o.functionName() + ": " + e.getMessage(), e);
        }
      }
      summary(outputs);
      return outputs;
    }
  }

  private AccountContext identify(AwsClients aws, DeploySettings settings) {
    try {
      GetCallerIdentityResponse id = aws.sts().getCallerIdentity();
      String partition = id.arn() == null ? "aws" : id.arn().split(":")[1];
      return new AccountContext(id.account(), partition, aws.region().id());
    } catch (SdkClientException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("credentials") || m.contains("Credentials")) {
        log.debug(m);
        throw new UvLambdaException(
            "No AWS credentials found: the SDK's default chain (environment variables, system properties, ~/.aws"
                + " profiles, SSO, container and instance roles) has none"
                + (settings.profile() == null
                    ? ""
                    : " for the profile '" + settings.profile() + "'")
                + ". Configure credentials the usual way, or name a profile with <profile> / -Duv-lambda.profile."
                + " Nothing was deployed.");
      }
      throw new UvLambdaException(
          "Cannot reach AWS"
              + (settings.endpointUrl() == null ? "" : " at " + settings.endpointUrl())
              + ": "
              + firstLine(m)
              + (settings.endpointUrl() == null
                  ? ""
                  : " Check <endpointUrl> (-Duv-lambda.endpointUrl).")
              + " Nothing was deployed.",
          e);
    } catch (AwsServiceException e) {
      throw new UvLambdaException(
          "AWS rejected the credentials ("
              + e.awsErrorDetails().errorCode()
              + ": "
              + e.awsErrorDetails().errorMessage()
              + "). Refresh them or choose another <profile>. Nothing was deployed.",
          e);
    }
  }

  private static String firstLine(String s) {
    return s.lines().findFirst().orElse(s).strip() + (s.strip().endsWith(".") ? "" : ".");
  }

  private void checkSizes(List<FunctionArtifacts> functions) {
    for (FunctionArtifacts a : functions) {
      long layer = a.layerReport() == null ? 0 : a.layerReport().unzippedSize();
      long total = a.codeUnzipped() + layer;
      if (total > LambdaLimits.UNZIPPED_SIZE) {
        throw new UvLambdaException(
            a.spec().functionName()
                + ": code.zip ("
                + LayerReport.mb(a.codeUnzipped())
                + ") and deps.zip ("
                + LayerReport.mb(layer)
                + ") are "
                + LayerReport.mb(total)
                + " unzipped, more than Lambda's 250 MB for a function and its layers."
                + (a.layerReport() == null ? "" : "\n" + a.layerReport().table())
                + "Nothing was deployed.");
      }
    }
  }

  private <T> List<T> parallel(
      List<FunctionDeployment> ds, int threads, Function<FunctionDeployment, T> work, String what) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, ds.size())));
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (FunctionDeployment d : ds) {
        futures.add(pool.submit(() -> work.apply(d)));
      }
      List<T> out = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < ds.size(); i++) {
        FunctionDeployment d = ds.get(i);
        try {
          out.add(futures.get(i).get());
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          String message =
              c instanceof SdkException sdk
                  ? describe(sdk)
                  : c instanceof UvLambdaException u ? u.getMessage() : String.valueOf(c);
          failures.add(
              d.name()
                  + ": "
                  + message
                  + (d.done().isEmpty()
                      ? ""
                      : " (already done: "
                          + String.join(", ", d.done())
                          + "; run the deploy again to finish)"));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new UvLambdaException("Interrupted while " + what + " the functions");
        }
      }
      if (!failures.isEmpty()) {
        throw new UvLambdaException(
            "Failed while "
                + what
                + " "
                + failures.size()
                + " function(s):\n  - "
                + String.join("\n  - ", failures));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String describe(SdkException e) {
    if (e instanceof AwsServiceException a && a.awsErrorDetails() != null) {
      return a.awsErrorDetails().serviceName()
          + " "
          + a.awsErrorDetails().errorCode()
          + ": "
          + a.awsErrorDetails().errorMessage();
    }
    return e.getMessage();
  }

  private void summary(List<FunctionOutputs> outputs) {
    log.info(
        String.format(
            Locale.ROOT,
            "%-24s %-60s %s",
            "function",
            "function_arn",
            "alias_arn / layer version"));
    for (FunctionOutputs o : outputs) {
      log.info(
          String.format(
              Locale.ROOT,
              "%-24s %-60s %s",
              o.functionName(),
              o.functionArn(),
              (o.aliasArn() == null ? "-" : o.aliasArn())
                  + " / "
                  + (o.layerVersion() == null ? "-" : o.layerVersion())));
    }
  }
}
