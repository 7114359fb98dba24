package io.github.uvlambda.deploy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.deploy.aws.AccountContext;
import io.github.uvlambda.deploy.aws.AwsClients;
import io.github.uvlambda.deploy.aws.Retries;
import io.github.uvlambda.deploy.aws.RetryTiming;
import io.github.uvlambda.deploy.aws.ZipUploads;
import io.github.uvlambda.deploy.reconcile.ApplyContext;
import io.github.uvlambda.deploy.reconcile.Change;
import io.github.uvlambda.deploy.reconcile.Journal;
import io.github.uvlambda.deploy.reconcile.Ownership;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * {@code uv-deploy}: reads every resource of every function, plans, checks (nothing is written
 * while any plan or {@link PreWriteCheck} has a problem), prints the plan and writes {@code
 * plan.json}, then applies it unless it is a dry run, and writes each function's outputs.
 */
public final class Deployer {
  private final BuildLog log;
  private final List<ExecutionInterceptor> interceptors;
  private final RetryTiming timing;
  private final List<PreWriteCheck> checks;

  public Deployer(BuildLog log) {
    this(log, List.of(), RetryTiming.DEFAULT);
  }

  public Deployer(BuildLog log, List<ExecutionInterceptor> interceptors, RetryTiming timing) {
    this.log = log;
    this.interceptors = List.copyOf(interceptors);
    this.timing = timing;
    this.checks = List.of(new SizeBudget(log));
  }

  /** The outputs of every function; empty for a dry run. */
  public List<FunctionOutputs> deploy(List<FunctionArtifacts> functions, DeploySettings settings) {
    SharedLayers.check(functions.stream().map(FunctionArtifacts::spec).toList());
    Uploads.check(functions, settings.s3());
    try (AwsClients aws = AwsClients.create(settings.connection(), interceptors, log)) {
      AccountContext account = Identity.of(aws, settings.connection(), log);
      log.info(
          "Deploying "
              + settings.project()
              + " to account "
              + account.account()
              + " in "
              + account.region()
              + (settings.connection().endpointUrl() == null
                  ? ""
                  : " at " + settings.connection().endpointUrl())
              + (settings.dryRun() ? " (dry run)" : ""));
      Ownership owner = new Ownership(settings.project(), settings.adoptExisting());
      DesiredProject desired = DesiredProject.of(functions, account, owner);
      DeployCoordinator coordinator = new DeployCoordinator(aws, account, settings.threads());
      ProjectState state = Parallel.stage("reading", () -> coordinator.read(desired), null, "");
      ProjectPlan plan =
          ProjectPlanner.plan(
              desired, state, settings.recreate(), settings.keepVersions(), settings.removal());

      List<UvLambdaException> problems = new ArrayList<>(plan.problems());
      for (PreWriteCheck check : checks) {
        problems.addAll(check.problems(functions, aws));
      }
      if (!problems.isEmpty()) {
        throw new NothingDeployedException(problems);
      }
      PlanReport report = PlanReport.of(plan);
      report.lines().forEach(log::info);
      report.write(settings.outputDirectory().resolve("plan.json"));
      if (settings.dryRun() || settings.failOnChanges()) {
        List<Change> changes = report.changes();
        if (settings.failOnChanges() && !changes.isEmpty()) {
          throw new PlanNotEmptyException(changes);
        }
        log.info("Dry run: nothing was changed.");
        return List.of();
      }
      Journal journal = new Journal();
      ApplyContext ctx =
          new ApplyContext(
              aws, new Retries(timing, log), new ZipUploads(aws, settings.s3(), log), journal, log);
      List<FunctionOutputs> outputs =
          Parallel.stage("deploying", () -> coordinator.apply(plan, ctx), journal, "the deploy");
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

  private void summary(List<FunctionOutputs> outputs) {
    String format = "%-24s %-60s %s";
    log.info(
        String.format(
            Locale.ROOT, format, "function", "function_arn", "alias_arn / layer version"));
    for (FunctionOutputs o : outputs) {
      log.info(
          String.format(
              Locale.ROOT,
              format,
              o.functionName(),
              o.functionArn(),
              (o.aliasArn() == null ? "-" : o.aliasArn())
                  + " / "
                  + (o.layerVersion() == null ? "-" : o.layerVersion())));
    }
  }
}
