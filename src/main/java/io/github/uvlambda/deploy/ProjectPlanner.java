package io.github.uvlambda.deploy;

import io.github.uvlambda.deploy.reconcile.DesiredFunction;
import io.github.uvlambda.deploy.reconcile.DesiredLayer;
import io.github.uvlambda.deploy.reconcile.FunctionPlan;
import io.github.uvlambda.deploy.reconcile.FunctionReconciler;
import io.github.uvlambda.deploy.reconcile.LayerArns;
import io.github.uvlambda.deploy.reconcile.LayerPlan;
import io.github.uvlambda.deploy.reconcile.LayerReconciler;
import io.github.uvlambda.deploy.reconcile.LayerState;
import io.github.uvlambda.deploy.reconcile.LogGroupReconciler;
import io.github.uvlambda.deploy.reconcile.QueuePlan;
import io.github.uvlambda.deploy.reconcile.QueueReconciler;
import io.github.uvlambda.deploy.reconcile.RemovalOptions;
import io.github.uvlambda.deploy.reconcile.RemovalPlan;
import io.github.uvlambda.deploy.reconcile.RemovalPlanner;
import io.github.uvlambda.deploy.reconcile.Retention;
import io.github.uvlambda.deploy.reconcile.RolePlan;
import io.github.uvlambda.deploy.reconcile.RoleReconciler;
import io.github.uvlambda.deploy.reconcile.VersionPlan;
import io.github.uvlambda.deploy.reconcile.VersionReconciler;
import io.github.uvlambda.deploy.reconcile.VersionState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans a deploy: a pure function of what the POM asks for and what exists. Each resource is
 * planned by its reconciler; this class wires them (a function uses the layer version its layer
 * plan publishes or keeps) and computes retention, which needs every function's references.
 */
final class ProjectPlanner {
  private ProjectPlanner() {}

  static ProjectPlan plan(
      DesiredProject desired,
      ProjectState state,
      boolean recreate,
      int keepVersions,
      RemovalOptions removal) {
    var owner = desired.owner();
    Map<String, LayerPlan> layers = new LinkedHashMap<>();
    for (DesiredLayer l : desired.layers().values()) {
      LayerState s =
          state.layers().getOrDefault(l.name(), new LayerState(l.name(), List.of(), null));
      layers.put(l.name(), LayerReconciler.plan(l, s, owner));
    }
    List<RolePlan> roles = new ArrayList<>();
    desired
        .roles()
        .values()
        .forEach(r -> roles.add(RoleReconciler.plan(r, state.roles().get(r.name()), owner)));

    List<ProjectPlan.Step> steps = new ArrayList<>();
    for (DesiredFunction f : desired.functions()) {
      String name = f.name();
      LayerPlan layer = f.layerName() == null ? null : layers.get(f.layerName());
      String depsArn = layer == null || layer.publish() ? null : layer.current().arn();
      String pending = layer != null && layer.publish() ? f.layerName() : null;
      FunctionPlan function =
          FunctionReconciler.plan(
              f, state.functions().get(name), depsArn, pending, owner, recreate);
      VersionState versions = state.versions().getOrDefault(name, VersionState.NONE);
      VersionPlan version = VersionReconciler.plan(f, versions, function, keepVersions);
      QueuePlan queue =
          f.queue() == null
              ? null
              : QueueReconciler.plan(f.queue(), state.queues().get(name), owner);
      steps.add(
          new ProjectPlan.Step(
              name,
              f.roleName(),
              f.layerName(),
              LogGroupReconciler.plan(f.logGroup(), state.logGroups().get(name), owner),
              queue,
              function,
              version));
    }
    Set<String> referenced = referencedLayers(steps, state);
    RemovalPlan removals =
        RemovalPlanner.plan(state.inventory(), keep(desired, referenced), removal);
    if (!removal.prune()) {
      state
          .inventory()
          .functions()
          .values()
          .forEach(f -> referenced.addAll(f.configuration().layers()));
    }
    layers.replaceAll(
        (name, p) ->
            p.withRetire(
                Retention.layerVersions(
                    state.layers().containsKey(name)
                        ? state.layers().get(name).versions()
                        : List.of(),
                    p.publish(),
                    referenced,
                    owner.project(),
                    keepVersions)));
    return new ProjectPlan(owner, steps, roles, new ArrayList<>(layers.values()), removals);
  }

  private static RemovalPlanner.Keep keep(DesiredProject d, Set<String> layerArns) {
    Set<String> functions = new HashSet<>();
    Set<String> dlq = new HashSet<>();
    for (DesiredFunction f : d.functions()) {
      functions.add(f.name());
      if (f.queue() != null) {
        dlq.add(f.name());
      }
    }
    return new RemovalPlanner.Keep(
        functions, dlq, d.roles().keySet(), d.layers().keySet(), Set.copyOf(layerArns));
  }

  /**
   * Layer version ARNs a function of the project still uses after the deploy: in its configuration
   * and in every published version retention keeps.
   */
  private static Set<String> referencedLayers(List<ProjectPlan.Step> steps, ProjectState state) {
    Set<String> refs = new HashSet<>();
    for (ProjectPlan.Step s : steps) {
      refs.addAll(s.function().target().layers());
      VersionState v = state.versions().getOrDefault(s.name(), VersionState.NONE);
      for (VersionState.Published p : v.versions()) {
        if (!s.versions().retire().contains(p.version())) {
          refs.addAll(p.configuration().layers());
        }
      }
    }
    refs.removeIf(arn -> LayerArns.name(arn) == null);
    return refs;
  }
}
