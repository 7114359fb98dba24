package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.deploy.aws.AwsClients;
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
    Map<String, RoleState> roles = new TreeMap<>();
    Set<String> projectRoleArns = new TreeSet<>();
    for (Role r : aws.iam().listRolesPaginator().roles()) {
      if (roleDescription.equals(r.description())) {
        projectRoleArns.add(r.arn());
        if (!known.roles().contains(r.roleName())) {
          addIfOwned(roles, r.roleName(), RoleReconciler.read(aws, r.roleName()), owner);
        }
      }
    }
    Map<String, FunctionState> functions = new TreeMap<>();
    for (FunctionConfiguration f : aws.lambda().listFunctionsPaginator().functions()) {
      if (projectRoleArns.contains(f.role()) && !known.functions().contains(f.functionName())) {
        FunctionState s = FunctionReconciler.read(aws, f.functionName());
        if (s != null && owner.owns(s.tags())) {
          functions.put(f.functionName(), s);
          String role = s.configuration().role();
          String roleName = role.substring(role.lastIndexOf('/') + 1);
          if (!roles.containsKey(roleName) && !known.roles().contains(roleName)) {
            addIfOwned(roles, roleName, RoleReconciler.read(aws, roleName), owner);
          }
        }
      }
    }
    Map<String, LayerState> layers = new TreeMap<>();
    for (LayersListItem l : aws.lambda().listLayersPaginator().layers()) {
      var latest = l.latestMatchingVersion();
      if (latest != null
          && !known.layers().contains(l.layerName())
          && new LayerVersion(
                  latest.version(),
                  latest.layerVersionArn(),
                  latest.description(),
                  java.util.List.of(),
                  java.util.List.of())
              .project()
              .map(owner.project()::equals)
              .orElse(false)) {
        layers.put(l.layerName(), ours(LayerReconciler.read(aws, l.layerName()), owner));
      }
    }
    Map<String, LogGroupState> logGroups = new TreeMap<>();
    Map<String, QueueState> queues = new TreeMap<>();
    for (String fn : functions.keySet()) {
      String group = "/aws/lambda/" + fn;
      LogGroupState g = LogGroupReconciler.read(aws, group, logGroupArnPrefix + group);
      if (g != null && owner.owns(g.tags())) {
        logGroups.put(fn, g);
      }
    }
    Set<String> queueOwners = new TreeSet<>(functions.keySet());
    queueOwners.addAll(known.queueFunctions());
    for (String fn : queueOwners) {
      QueueState q = QueueReconciler.read(aws, fn + "-dlq");
      if (q != null && owner.owns(q.tags())) {
        queues.put(fn, q);
      }
    }
    return new Inventory(functions, roles, layers, logGroups, queues);
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

  private static void addIfOwned(
      Map<String, RoleState> roles, String name, RoleState s, Ownership owner) {
    if (s != null && owner.owns(s.tags())) {
      roles.put(name, s);
    }
  }
}
