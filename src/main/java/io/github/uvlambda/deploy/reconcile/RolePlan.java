package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.UvLambdaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What happens to an execution role and its policies. Policies converge to the configuration, but
 * only those the plugin wrote or attached (its own {@code uv-lambda-*} inline policies, and those
 * recorded in the role's {@link RoleReconciler#POLICY_RECORD_KEY} tags) are removed; the others are
 * reported and kept.
 *
 * @param putPolicies inline policies to write, by name
 * @param newPolicies the names among {@code putPolicies} that do not exist yet
 * @param keptInline inline policies not configured and not the plugin's: reported, kept
 * @param keptManaged managed policies not configured and not attached by the plugin: kept
 */
public record RolePlan(
    DesiredRole desired,
    RoleState current,
    boolean create,
    boolean updateTrust,
    boolean updateDescription,
    Map<String, String> putPolicies,
    Set<String> newPolicies,
    Set<String> deletePolicies,
    Set<String> attach,
    Set<String> detach,
    Set<String> keptInline,
    Set<String> keptManaged,
    TagPlan tags,
    List<UvLambdaException> problems)
    implements ResourcePlan {

  public RolePlan {
    putPolicies = Map.copyOf(putPolicies);
    newPolicies = Set.copyOf(newPolicies);
    deletePolicies = Set.copyOf(deletePolicies);
    attach = Set.copyOf(attach);
    detach = Set.copyOf(detach);
    keptInline = Set.copyOf(keptInline);
    keptManaged = Set.copyOf(keptManaged);
    problems = List.copyOf(problems);
  }

  public String resource() {
    return "role " + desired.name();
  }

  @Override
  public List<Change> changes() {
    String r = resource();
    List<Change> c = new ArrayList<>();
    if (create) {
      c.add(
          Change.create(
              r,
              "trust lambda.amazonaws.com; inline policies "
                  + new TreeSet<>(putPolicies.keySet())
                  + (attach.isEmpty() ? "" : "; managed " + new TreeSet<>(attach))));
      return c;
    }
    if (updateTrust) {
      c.add(Change.update(r, "trust policy (lambda.amazonaws.com)"));
    }
    if (updateDescription) {
      c.add(Change.update(r, "description \"" + desired.description() + "\""));
    }
    if (!tags.isEmpty()) {
      c.add(Change.update(r, tags.describe()));
    }
    for (String name : new TreeSet<>(putPolicies.keySet())) {
      c.add(
          Change.update(
              r, (newPolicies.contains(name) ? "add" : "change") + " inline policy " + name));
    }
    new TreeSet<>(deletePolicies)
        .forEach(n -> c.add(Change.update(r, "remove inline policy " + n)));
    new TreeSet<>(attach).forEach(a -> c.add(Change.update(r, "attach " + a)));
    new TreeSet<>(detach).forEach(a -> c.add(Change.update(r, "detach " + a)));
    new TreeSet<>(keptInline)
        .forEach(
            n ->
                c.add(
                    Change.keep(
                        r,
                        "inline policy " + n + " was not written by the plugin: left in place")));
    new TreeSet<>(keptManaged)
        .forEach(a -> c.add(Change.keep(r, a + " was attached outside the plugin: left attached")));
    return c;
  }
}
