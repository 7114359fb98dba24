package io.github.uvlambda.deploy;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.deploy.reconcile.Change;
import io.github.uvlambda.deploy.reconcile.FunctionPlan;
import io.github.uvlambda.deploy.reconcile.LayerPlan;
import io.github.uvlambda.deploy.reconcile.LogGroupPlan;
import io.github.uvlambda.deploy.reconcile.Ownership;
import io.github.uvlambda.deploy.reconcile.QueuePlan;
import io.github.uvlambda.deploy.reconcile.RemovalPlan;
import io.github.uvlambda.deploy.reconcile.ResourcePlan;
import io.github.uvlambda.deploy.reconcile.RolePlan;
import io.github.uvlambda.deploy.reconcile.VersionPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole deploy as records: per function its log group, queue, code and configuration, versions;
 * the roles and layers (shared or not); what is removed. Printing, {@code plan.json} and apply all
 * read this one value.
 */
record ProjectPlan(
    Ownership owner,
    List<Step> functions,
    List<RolePlan> roles,
    List<LayerPlan> layers,
    RemovalPlan removals) {

  /** One function's own resources. {@code queue} is null without a dead-letter queue. */
  record Step(
      String name,
      String roleName,
      String layerName,
      LogGroupPlan logGroup,
      QueuePlan queue,
      FunctionPlan function,
      VersionPlan versions) {

    List<ResourcePlan> plans() {
      List<ResourcePlan> p = new ArrayList<>();
      p.add(logGroup);
      if (queue != null) {
        p.add(queue);
      }
      p.add(function);
      p.add(versions);
      return p;
    }
  }

  ProjectPlan {
    functions = List.copyOf(functions);
    roles = List.copyOf(roles);
    layers = List.copyOf(layers);
  }

  /** Every resource plan, in the order apply runs them. */
  List<ResourcePlan> all() {
    List<ResourcePlan> all = new ArrayList<>();
    functions.forEach(s -> all.add(s.logGroup()));
    functions.stream().map(Step::queue).filter(q -> q != null).forEach(all::add);
    all.addAll(roles);
    all.addAll(layers);
    functions.forEach(s -> all.add(s.function()));
    functions.forEach(s -> all.add(s.versions()));
    all.add(removals);
    return all;
  }

  List<UvLambdaException> problems() {
    return all().stream().flatMap(p -> p.problems().stream()).toList();
  }

  List<Change> changes() {
    return all().stream().flatMap(p -> p.changes().stream()).toList();
  }

  /** Whether apply would make no write call. */
  boolean isEmpty() {
    return all().stream().allMatch(ResourcePlan::isEmpty);
  }
}
