package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.deploy.aws.AwsClients;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.LayersListItem;

/**
 * The resources of a project beyond those its POM names: what prune and destroy may delete. The
 * Resource Groups Tagging API would find tagged resources in one call, but it does not cover IAM
 * roles, so the inventory starts from the roles: the plugin writes the project into each role's
 * description, ListRoles finds them, ListFunctions finds the functions that use them; each
 * function's log group and queue follow from its name; ListLayers finds the layers whose newest
 * version the project published. Only resources with the project's tags are kept.
 */
public record Inventory(
    Map<String, FunctionState> functions,
    Map<String, RoleState> roles,
    Map<String, LayerState> layers,
    Map<String, LogGroupState> logGroups,
    Map<String, QueueState> queues) {

  public static final Inventory EMPTY =
      new Inventory(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

  public Inventory {
    functions = sorted(functions);
    roles = sorted(roles);
    layers = sorted(layers);
    logGroups = sorted(logGroups);
    queues = sorted(queues);
  }

  private static <T> Map<String, T> sorted(Map<String, T> m) {
    return java.util.Collections.unmodifiableMap(new TreeMap<>(m));
  }

  /** What the POM names, so the inventory can skip what the deploy reads anyway. */
  public record Known(
      Set<String> functions, Set<String> roles, Set<String> layers, Set<String> queueFunctions) {}

  /**
   * Reads the project's resources that {@code known} does not cover, plus the queue of each known
   * function that has none configured (a queue whose DLQ was turned off).
   *
   * @param roleDescription the description the plugin gives this project's roles
   */
  public static Inventory read(
      AwsClients aws,
      Ownership owner,
      String roleDescription,
      Known known,
      String logGroupArnPrefix) {
    Set<String> roles = new TreeSet<>();
    Set<String> roleArns = new TreeSet<>();
    for (Role r : aws.iam().listRolesPaginator().roles()) {
      if (roleDescription.equals(r.description())) {
        roleArns.add(r.arn());
        roles.add(r.roleName());
      }
    }
    Set<String> functions = new TreeSet<>();
    for (FunctionConfiguration f : aws.lambda().listFunctionsPaginator().functions()) {
      if (roleArns.contains(f.role())) {
        functions.add(f.functionName());
      }
    }
    functions.removeAll(known.functions());
    roles.removeAll(known.roles());
    Set<String> layers = new TreeSet<>();
    for (LayersListItem l : aws.lambda().listLayersPaginator().layers()) {
      var latest = l.latestMatchingVersion();
      if (latest != null
          && new LayerVersion(
                  latest.version(),
                  latest.layerVersionArn(),
                  latest.description(),
                  List.of(),
                  List.of())
              .project()
              .map(owner.project()::equals)
              .orElse(false)) {
        layers.add(l.layerName());
      }
    }
    layers.removeAll(known.layers());
    Inventory found =
        named(aws, owner, functions, roles, layers, known.queueFunctions(), logGroupArnPrefix);
    // a role the orphans use that the plugin did not describe (adopted)
    Set<String> more = new TreeSet<>();
    found
        .functions()
        .values()
        .forEach(f -> more.add(RemovalPlanner.roleName(f.configuration().role())));
    more.removeAll(found.roles().keySet());
    more.removeAll(known.roles());
    Map<String, RoleState> allRoles = new TreeMap<>(found.roles());
    allRoles.putAll(
        named(aws, owner, Set.of(), more, Set.of(), Set.of(), logGroupArnPrefix).roles());
    return new Inventory(
        found.functions(), allRoles, found.layers(), found.logGroups(), found.queues());
  }

  /**
   * The named resources that exist and are this project's: functions with their log group and
   * queue, roles, layers (with only this project's versions), and the queues of {@code
   * queueFunctions}.
   */
  public static Inventory named(
      AwsClients aws,
      Ownership owner,
      Set<String> functionNames,
      Set<String> roleNames,
      Set<String> layerNames,
      Set<String> queueFunctions,
      String logGroupArnPrefix) {
    Map<String, FunctionState> functions = new TreeMap<>();
    Map<String, LogGroupState> logGroups = new TreeMap<>();
    Map<String, QueueState> queues = new TreeMap<>();
    for (String fn : functionNames) {
      FunctionState f = FunctionReconciler.read(aws, fn);
      if (f != null && owner.owns(f.tags())) {
        functions.put(fn, f);
      }
      String group = "/aws/lambda/" + fn;
      LogGroupState g = LogGroupReconciler.read(aws, group, logGroupArnPrefix + group);
      if (g != null && owner.owns(g.tags())) {
        logGroups.put(fn, g);
      }
    }
    Set<String> queueOwners = new TreeSet<>(functionNames);
    queueOwners.addAll(queueFunctions);
    for (String fn : queueOwners) {
      QueueState q = QueueReconciler.read(aws, fn + "-dlq");
      if (q != null && owner.owns(q.tags())) {
        queues.put(fn, q);
      }
    }
    Map<String, RoleState> roles = new TreeMap<>();
    for (String name : roleNames) {
      RoleState r = RoleReconciler.read(aws, name);
      if (r != null && owner.owns(r.tags())) {
        roles.put(name, r);
      }
    }
    Map<String, LayerState> layers = new TreeMap<>();
    for (String name : layerNames) {
      LayerState l = ours(LayerReconciler.read(aws, name), owner);
      if (!l.versions().isEmpty()) {
        layers.put(name, l);
      }
    }
    return new Inventory(functions, roles, layers, logGroups, queues);
  }

  /** Both inventories; where both hold a resource, {@code other}'s reading. */
  public Inventory merge(Inventory other) {
    Map<String, FunctionState> f = new TreeMap<>(functions);
    f.putAll(other.functions);
    Map<String, RoleState> r = new TreeMap<>(roles);
    r.putAll(other.roles);
    Map<String, LayerState> l = new TreeMap<>(layers);
    l.putAll(other.layers);
    Map<String, LogGroupState> g = new TreeMap<>(logGroups);
    g.putAll(other.logGroups);
    Map<String, QueueState> q = new TreeMap<>(queues);
    q.putAll(other.queues);
    return new Inventory(f, r, l, g, q);
  }

  /** The layer with only the versions this project published. */
  public static LayerState ours(LayerState s, Ownership owner) {
    return new LayerState(
        s.name(),
        s.versions().stream()
            .filter(v -> v.project().map(owner.project()::equals).orElse(false))
            .toList(),
        s.latestSha256());
  }
}
