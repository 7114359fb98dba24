package io.github.uvlambda.deploy.reconcile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans removals, a pure function of what stays and what the project has. Functions that left the
 * POM are orphans: {@code prune} deletes them with the queue, role and layer versions only they
 * used. What no function uses any more (a role after a rename, a queue after {@code enableDlq} was
 * turned off, the layer of a function without dependencies now) goes with any deploy. Never deleted
 * unless asked: log groups, and queues that still hold messages.
 */
public final class RemovalPlanner {
  private RemovalPlanner() {}

  /**
   * What stays after the deploy.
   *
   * @param functions the POM's functions
   * @param dlqFunctions those of them with a dead-letter queue
   * @param roles the POM's roles
   * @param layers the POM's layers (their old versions are retention's business)
   * @param layerArns layer version ARNs the POM's functions use after the deploy
   */
  public record Keep(
      Set<String> functions,
      Set<String> dlqFunctions,
      Set<String> roles,
      Set<String> layers,
      Set<String> layerArns) {
    public static final Keep NOTHING = new Keep(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
  }

  /** The removal plan of a deploy. */
  public static RemovalPlan plan(Inventory inv, Keep keep, RemovalOptions o) {
    return plan(inv, keep, o, false);
  }

  /** The removal plan of uv-destroy: everything the project has. */
  public static RemovalPlan destroy(Inventory inv, RemovalOptions o) {
    return plan(
        inv,
        Keep.NOTHING,
        new RemovalOptions(true, o.deleteLogs(), o.deleteQueuedMessages()),
        true);
  }

  private static RemovalPlan plan(Inventory inv, Keep keep, RemovalOptions o, boolean destroy) {
    List<RemovalPlan.Removal> removals = new ArrayList<>();
    List<Change> kept = new ArrayList<>();
    Set<String> orphans = new HashSet<>(inv.functions().keySet());
    orphans.removeAll(keep.functions());
    boolean going = o.prune();
    String why = destroy ? "" : "orphan: not in the POM";
    for (String fn : orphans) {
      removals.add(new RemovalPlan.DeleteFunction(fn, why, !destroy));
    }
    for (Map.Entry<String, QueueState> e : inv.queues().entrySet()) {
      String fn = e.getKey();
      QueueState q = e.getValue();
      if (keep.dlqFunctions().contains(fn)) {
        continue;
      }
      boolean orphaned = !destroy && orphans.contains(fn);
      String detail =
          orphaned
              ? "dead-letter queue of " + fn
              : destroy ? "" : "dead-letter queue no longer configured";
      if ((going || !orphaned) && q.messages() > 0 && !o.deleteQueuedMessages()) {
        kept.add(
            Change.keep(
                "SQS queue " + q.name(),
                "holds " + q.messages() + " message(s): kept (<deleteQueuedMessages> deletes it)"));
      } else {
        removals.add(new RemovalPlan.DeleteQueue(q, detail, orphaned));
      }
    }
    for (Map.Entry<String, LogGroupState> e : inv.logGroups().entrySet()) {
      String name = e.getValue().name();
      boolean orphaned = !destroy && orphans.contains(e.getKey());
      if (!going && orphaned) {
        continue;
      }
      if (o.deleteLogs()) {
        removals.add(
            new RemovalPlan.DeleteLogGroup(
                name, orphaned ? "logs of " + e.getKey() : "", orphaned));
      } else {
        kept.add(Change.keep("log group " + name, "kept with its logs (<deleteLogs> deletes it)"));
      }
    }
    Map<String, String> roleOf = new java.util.HashMap<>();
    inv.functions().forEach((fn, s) -> roleOf.put(fn, roleName(s.configuration().role())));
    for (RoleState r : inv.roles().values()) {
      if (keep.roles().contains(r.name())) {
        continue;
      }
      boolean usedByOrphan = orphans.stream().anyMatch(fn -> r.name().equals(roleOf.get(fn)));
      boolean orphaned = !destroy && usedByOrphan;
      removals.add(
          new RemovalPlan.DeleteRole(
              r,
              destroy ? "" : orphaned ? "used only by orphans" : "no function uses it",
              orphaned));
    }
    Set<String> orphanLayerArns = new HashSet<>();
    orphans.forEach(fn -> orphanLayerArns.addAll(inv.functions().get(fn).configuration().layers()));
    Set<String> used = new HashSet<>(keep.layerArns());
    if (!going) {
      used.addAll(orphanLayerArns);
    }
    for (LayerState l : inv.layers().values()) {
      if (keep.layers().contains(l.name())) {
        continue;
      }
      List<Long> versions = new ArrayList<>();
      boolean orphaned = false;
      for (LayerVersion v : l.versions()) {
        if (used.stream().noneMatch(a -> LayerArns.same(a, v.arn()))) {
          versions.add(v.version());
          orphaned |=
              !destroy && orphanLayerArns.stream().anyMatch(a -> LayerArns.same(a, v.arn()));
        }
      }
      if (!versions.isEmpty()) {
        removals.add(
            new RemovalPlan.DeleteLayerVersions(
                l.name(),
                versions,
                "versions "
                    + versions.stream()
                        .map(String::valueOf)
                        .reduce((a, b) -> a + ", " + b)
                        .orElse(""),
                orphaned));
      }
    }
    return new RemovalPlan(removals, kept, going);
  }

  static String roleName(String roleArn) {
    return roleArn == null ? null : roleArn.substring(roleArn.lastIndexOf('/') + 1);
  }
}
