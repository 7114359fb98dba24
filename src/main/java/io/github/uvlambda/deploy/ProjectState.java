package io.github.uvlambda.deploy;

import io.github.uvlambda.deploy.reconcile.FunctionState;
import io.github.uvlambda.deploy.reconcile.Inventory;
import io.github.uvlambda.deploy.reconcile.LayerState;
import io.github.uvlambda.deploy.reconcile.LogGroupState;
import io.github.uvlambda.deploy.reconcile.QueueState;
import io.github.uvlambda.deploy.reconcile.RoleState;
import io.github.uvlambda.deploy.reconcile.VersionState;
import java.util.Map;

/**
 * What exists in AWS for the POM's functions, as read before planning. Maps are keyed by function
 * name (log groups, queues, functions, versions) or by resource name (roles, layers); a missing key
 * means the resource does not exist.
 */
record ProjectState(
    Map<String, LogGroupState> logGroups,
    Map<String, QueueState> queues,
    Map<String, FunctionState> functions,
    Map<String, VersionState> versions,
    Map<String, RoleState> roles,
    Map<String, LayerState> layers,
    Inventory inventory) {

  ProjectState {
    logGroups = Map.copyOf(logGroups);
    queues = Map.copyOf(queues);
    functions = Map.copyOf(functions);
    versions = Map.copyOf(versions);
    roles = Map.copyOf(roles);
    layers = Map.copyOf(layers);
  }
}
