package io.github.uvlambda.deploy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.deploy.aws.AccountContext;
import io.github.uvlambda.deploy.aws.AwsClients;
import io.github.uvlambda.deploy.aws.Retries;
import io.github.uvlambda.deploy.aws.RetryTiming;
import io.github.uvlambda.deploy.aws.S3Target;
import io.github.uvlambda.deploy.aws.ZipUploads;
import io.github.uvlambda.deploy.reconcile.ApplyContext;
import io.github.uvlambda.deploy.reconcile.Change;
import io.github.uvlambda.deploy.reconcile.Inventory;
import io.github.uvlambda.deploy.reconcile.Journal;
import io.github.uvlambda.deploy.reconcile.Ownership;
import io.github.uvlambda.deploy.reconcile.RemovalOptions;
import io.github.uvlambda.deploy.reconcile.RemovalPlan;
import io.github.uvlambda.deploy.reconcile.RemovalPlanner;
import io.github.uvlambda.deploy.reconcile.RemovalReconciler;
import io.github.uvlambda.function.FunctionSpec;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * {@code uv-destroy}: deletes everything of the project, the POM's functions and the orphans its
 * tags reveal, in dependency order, after printing the plan. Keeps log groups and queues that hold
 * messages unless asked; touches nothing without the project's tags. A run that stopped half-way is
 * finished by running again; with nothing left, it says so and writes nothing.
 */
public final class Destroyer {
  private final BuildLog log;
  private final List<ExecutionInterceptor> interceptors;
  private final RetryTiming timing;

  public Destroyer(BuildLog log) {
    this(log, List.of(), RetryTiming.DEFAULT);
  }

  public Destroyer(BuildLog log, List<ExecutionInterceptor> interceptors, RetryTiming timing) {
    this.log = log;
    this.interceptors = List.copyOf(interceptors);
    this.timing = timing;
  }

  /** Returns the plan's changes: what was (or, for a dry run, would be) deleted and kept. */
  public List<Change> destroy(List<FunctionSpec> functions, DestroySettings settings) {
    try (AwsClients aws = AwsClients.create(settings.connection(), interceptors, log)) {
      AccountContext account = Identity.of(aws, settings.connection(), log);
      Ownership owner = new Ownership(settings.project(), false);
      log.info(
          "Destroying "
              + settings.project()
              + " in account "
              + account.account()
              + " in "
              + account.region()
              + (settings.dryRun() ? " (dry run)" : ""));
      Inventory inventory =
          Parallel.stage("reading", () -> read(aws, account, owner, functions), null, "");
      RemovalPlan plan =
          RemovalPlanner.destroy(
              inventory,
              new RemovalOptions(true, settings.deleteLogs(), settings.deleteQueuedMessages()));
      PlanReport report =
          new PlanReport(
              settings.project(),
              List.of(new PlanReport.Section("destroy " + settings.project(), List.of(plan))));
      report.write(settings.outputDirectory().resolve("plan.json"));
      if (plan.applied().isEmpty()) {
        log.info("Nothing to destroy: no resource of " + settings.project() + " is left.");
        plan.kept().forEach(c -> log.info("  " + c));
        return plan.changes();
      }
      report.lines().forEach(log::info);
      if (settings.dryRun()) {
        log.info("Dry run: nothing was deleted.");
        return plan.changes();
      }
      Journal journal = new Journal();
      ApplyContext ctx =
          new ApplyContext(
              aws,
              new Retries(timing, log),
              new ZipUploads(aws, new S3Target(null, null, false), log),
              journal,
              log);
      Parallel.stage(
          "destroying",
          () -> {
            RemovalReconciler.apply(plan, ctx);
            return null;
          },
          journal,
          "uv-destroy");
      log.info(
          "Destroyed " + plan.applied().size() + " resource(s) of " + settings.project() + ".");
      return plan.changes();
    }
  }

  /** The POM's resources by name, and the project's others from its inventory; only owned ones. */
  private static Inventory read(
      AwsClients aws, AccountContext account, Ownership owner, List<FunctionSpec> specs) {
    Set<String> names = new TreeSet<>();
    Set<String> roles = new TreeSet<>();
    Set<String> layers = new TreeSet<>();
    for (FunctionSpec f : specs) {
      names.add(f.functionName());
      roles.add(f.deploy().roleName());
      layers.add(f.deploy().layerName());
    }
    String logGroups = account.arn("logs", "log-group:");
    Inventory pom = Inventory.named(aws, owner, names, roles, layers, Set.of(), logGroups);
    Inventory others =
        Inventory.read(
            aws,
            owner,
            RoleUnion.description(owner),
            new Inventory.Known(names, roles, layers, Set.of()),
            logGroups);
    return pom.merge(others);
  }
}
