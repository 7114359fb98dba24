package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.UvLambdaException;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens to a function's log group.
 *
 * @param retentionFrom the current retention when it changes (null = never expire)
 */
public record LogGroupPlan(
    DesiredLogGroup desired,
    boolean create,
    boolean changeRetention,
    Integer retentionFrom,
    TagPlan tags,
    List<UvLambdaException> problems)
    implements ResourcePlan {

  public LogGroupPlan {
    problems = List.copyOf(problems);
  }

  public String resource() {
    return "log group " + desired.name();
  }

  @Override
  public List<Change> changes() {
    List<Change> c = new ArrayList<>();
    if (create) {
      c.add(Change.create(resource(), "retention " + desired.retentionDays() + " days"));
      return c;
    }
    if (changeRetention) {
      c.add(
          Change.update(
              resource(), "retention " + retentionFrom + "→" + desired.retentionDays() + " days"));
    }
    if (!tags.isEmpty()) {
      c.add(Change.update(resource(), tags.describe()));
    }
    return c;
  }
}
