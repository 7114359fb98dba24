package io.github.uvlambda.deploy;

import io.github.uvlambda.deploy.aws.AccountContext;
import io.github.uvlambda.deploy.aws.AwsClients;
import io.github.uvlambda.deploy.reconcile.ApplyContext;
import io.github.uvlambda.deploy.reconcile.DesiredFunction;
import io.github.uvlambda.deploy.reconcile.DesiredLayer;
import io.github.uvlambda.deploy.reconcile.DesiredRole;
import io.github.uvlambda.deploy.reconcile.FunctionReconciler;
import io.github.uvlambda.deploy.reconcile.FunctionState;
import io.github.uvlambda.deploy.reconcile.Inventory;
import io.github.uvlambda.deploy.reconcile.LayerPlan;
import io.github.uvlambda.deploy.reconcile.LayerReconciler;
import io.github.uvlambda.deploy.reconcile.LayerState;
import io.github.uvlambda.deploy.reconcile.LayerVersion;
import io.github.uvlambda.deploy.reconcile.LogGroupReconciler;
import io.github.uvlambda.deploy.reconcile.LogGroupState;
import io.github.uvlambda.deploy.reconcile.QueueReconciler;
import io.github.uvlambda.deploy.reconcile.QueueState;
import io.github.uvlambda.deploy.reconcile.RemovalReconciler;
import io.github.uvlambda.deploy.reconcile.RolePlan;
import io.github.uvlambda.deploy.reconcile.RoleReconciler;
import io.github.uvlambda.deploy.reconcile.RoleState;
import io.github.uvlambda.deploy.reconcile.VersionReconciler;
import io.github.uvlambda.deploy.reconcile.VersionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what exists for every resource of the POM, and applies a {@link ProjectPlan} in dependency
 * order: log groups, queues, roles and layers first (independent of each other, in parallel), then
 * each function and its version and alias (functions in parallel), then retention. A failing stage
 * stops the deploy; the journal tells what was already done.
 */
final class DeployCoordinator {
  private final AwsClients aws;
  private final AccountContext account;
  private final int threads;

  DeployCoordinator(AwsClients aws, AccountContext account, int threads) {
    this.aws = aws;
    this.account = account;
    this.threads = threads;
  }

  ProjectState read(DesiredProject d) {
    Map<String, LogGroupState> logGroups = new ConcurrentHashMap<>();
    Map<String, QueueState> queues = new ConcurrentHashMap<>();
    Map<String, FunctionState> functions = new ConcurrentHashMap<>();
    Map<String, VersionState> versions = new ConcurrentHashMap<>();
    Map<String, RoleState> roles = new ConcurrentHashMap<>();
    Map<String, LayerState> layers = new ConcurrentHashMap<>();
    List<Parallel.Task<Void>> tasks = new ArrayList<>();
    for (DesiredFunction f : d.functions()) {
      tasks.add(
          new Parallel.Task<>(
              f.name(),
              () -> {
                putIfPresent(
                    logGroups,
                    f.name(),
                    LogGroupReconciler.read(aws, f.logGroup().name(), f.logGroup().arn()));
                if (f.queue() != null) {
                  putIfPresent(queues, f.name(), QueueReconciler.read(aws, f.queue().name()));
                }
                FunctionState fn = FunctionReconciler.read(aws, f.name());
                if (fn != null) {
                  functions.put(f.name(), fn);
                  versions.put(f.name(), VersionReconciler.read(aws, f.name()));
                }
                return null;
              }));
    }
    for (DesiredRole r : d.roles().values()) {
      tasks.add(
          new Parallel.Task<>(
              "role " + r.name(),
              () -> {
                putIfPresent(roles, r.name(), RoleReconciler.read(aws, r.name()));
                return null;
              }));
    }
    for (DesiredLayer l : d.layers().values()) {
      tasks.add(
          new Parallel.Task<>(
              "layer " + l.name(),
              () -> {
                layers.put(l.name(), LayerReconciler.read(aws, l.name()));
                return null;
              }));
    }
    Inventory[] inventory = {Inventory.EMPTY};
    tasks.add(
        new Parallel.Task<>(
            "the project's other resources",
            () -> {
              inventory[0] =
                  Inventory.read(
                      aws,
                      d.owner(),
                      RoleUnion.description(d.owner()),
                      known(d),
                      account.arn("logs", "log-group:"));
              return null;
            }));
    Parallel.run(tasks, threads);
    return new ProjectState(logGroups, queues, functions, versions, roles, layers, inventory[0]);
  }

  private static Inventory.Known known(DesiredProject d) {
    Set<String> functions = new TreeSet<>();
    Set<String> withoutQueue = new TreeSet<>();
    for (DesiredFunction f : d.functions()) {
      functions.add(f.name());
      if (f.queue() == null) {
        withoutQueue.add(f.name());
      }
    }
    return new Inventory.Known(functions, d.roles().keySet(), d.layers().keySet(), withoutQueue);
  }

  private static <T> void putIfPresent(Map<String, T> map, String key, T value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** Applies the plan; returns each function's outputs, in the plan's order. */
  List<FunctionOutputs> apply(ProjectPlan plan, ApplyContext ctx) {
    Map<String, String> queueUrls = new ConcurrentHashMap<>();
    Map<String, String> roleIds = new ConcurrentHashMap<>();
    Map<String, LayerVersion> layerVersions = new ConcurrentHashMap<>();
    List<Parallel.Task<Void>> first = new ArrayList<>();
    for (ProjectPlan.Step s : plan.functions()) {
      first.add(task(s.logGroup().resource(), () -> LogGroupReconciler.apply(s.logGroup(), ctx)));
      if (s.queue() != null) {
        first.add(
            task(
                s.queue().resource(),
                () -> queueUrls.put(s.name(), QueueReconciler.apply(s.queue(), ctx))));
      }
    }
    for (RolePlan r : plan.roles()) {
      first.add(
          task(r.resource(), () -> roleIds.put(r.desired().name(), RoleReconciler.apply(r, ctx))));
    }
    for (LayerPlan l : plan.layers()) {
      first.add(
          task(
              l.resource(),
              () -> layerVersions.put(l.desired().name(), LayerReconciler.apply(l, ctx))));
    }
    Parallel.run(first, threads);

    List<FunctionOutputs> outputs =
        Parallel.map(
            plan.functions(),
            threads,
            s -> "function " + s.name(),
            s -> {
              LayerVersion layer = s.layerName() == null ? null : layerVersions.get(s.layerName());
              String arn =
                  FunctionReconciler.apply(s.function(), layer == null ? null : layer.arn(), ctx);
              String alias =
                  VersionReconciler.apply(
                      s.versions(), s.function().desired().configuration().codeSha256(), ctx);
              return FunctionOutputs.of(
                  account,
                  s,
                  arn,
                  alias,
                  layer,
                  roleIds.get(s.roleName()),
                  queueUrls.get(s.name()));
            });

    List<Parallel.Task<Void>> retention = new ArrayList<>();
    plan.functions()
        .forEach(
            s ->
                retention.add(
                    task(
                        "versions of " + s.name(),
                        () -> VersionReconciler.retire(s.versions(), ctx))));
    plan.layers()
        .forEach(l -> retention.add(task(l.resource(), () -> LayerReconciler.retire(l, ctx))));
    Parallel.run(retention, threads);
    Parallel.run(List.of(task("removals", () -> RemovalReconciler.apply(plan.removals(), ctx))), 1);
    return outputs;
  }

  private static Parallel.Task<Void> task(String name, Runnable r) {
    return new Parallel.Task<>(
        name,
        () -> {
          r.run();
          return null;
        });
  }
}
