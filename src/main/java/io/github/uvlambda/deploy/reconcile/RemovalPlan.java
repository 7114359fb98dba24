package io.github.uvlambda.deploy.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What goes because the POM no longer has it (or, for uv-destroy, everything of the project), in
 * the order apply deletes it: queues and log groups while their function still exists to find them
 * by, functions (with their versions and aliases), roles, layer versions. A removal the POM change
 * does not ask for directly (an orphan function and what only it uses) waits for {@code prune};
 * until then it is listed as an orphan. Data is kept unless asked: log groups, and queues that hold
 * messages.
 *
 * @param kept resources reported and left in place
 */
public record RemovalPlan(List<Removal> removals, List<Change> kept, boolean prune)
    implements ResourcePlan {

  public static final RemovalPlan NONE = new RemovalPlan(List.of(), List.of(), false);

  /** One resource to delete; {@code orphaned}: only prune deletes it. */
  public sealed interface Removal {
    String resource();

    String detail();

    boolean orphaned();

    /** Deletion order: smaller first. */
    int order();
  }

  public record DeleteQueue(QueueState queue, String detail, boolean orphaned) implements Removal {
    public String resource() {
      return "SQS queue " + queue.name();
    }

    public int order() {
      return 0;
    }
  }

  public record DeleteLogGroup(String name, String detail, boolean orphaned) implements Removal {
    public String resource() {
      return "log group " + name;
    }

    public int order() {
      return 1;
    }
  }

  public record DeleteFunction(String name, String detail, boolean orphaned) implements Removal {
    public String resource() {
      return "function " + name;
    }

    public int order() {
      return 2;
    }
  }

  public record DeleteRole(RoleState role, String detail, boolean orphaned) implements Removal {
    public String resource() {
      return "role " + role.name();
    }

    public int order() {
      return 3;
    }
  }

  public record DeleteLayerVersions(
      String layer, List<Long> versions, String detail, boolean orphaned) implements Removal {
    public DeleteLayerVersions {
      versions = List.copyOf(versions);
    }

    public String resource() {
      return "layer " + layer;
    }

    public int order() {
      return 4;
    }
  }

  public RemovalPlan {
    removals = removals.stream().sorted(Comparator.comparingInt(Removal::order)).toList();
    kept = List.copyOf(kept);
  }

  /** The removals apply performs: all with prune, else those that are not orphaned. */
  public List<Removal> applied() {
    return removals.stream().filter(r -> prune || !r.orphaned()).toList();
  }

  @Override
  public List<Change> changes() {
    List<Change> c = new ArrayList<>();
    for (Removal r : removals) {
      if (prune || !r.orphaned()) {
        c.add(Change.delete(r.resource(), r.detail()));
      } else {
        c.add(Change.orphan(r.resource(), r.detail() + "; <prune> deletes it"));
      }
    }
    c.addAll(kept);
    return c;
  }
}
