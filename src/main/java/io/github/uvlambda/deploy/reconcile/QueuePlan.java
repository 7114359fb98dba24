package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.UvLambdaException;
import java.util.ArrayList;
import java.util.List;

/** What happens to a function's dead-letter queue. */
public record QueuePlan(
    DesiredQueue desired,
    String url,
    boolean create,
    boolean changeRetention,
    TagPlan tags,
    List<UvLambdaException> problems)
    implements ResourcePlan {

  public QueuePlan {
    problems = List.copyOf(problems);
  }

  public String resource() {
    return "SQS queue " + desired.name();
  }

  @Override
  public List<Change> changes() {
    List<Change> c = new ArrayList<>();
    if (create) {
      c.add(Change.create(resource(), "dead-letter queue, messages kept 14 days"));
      return c;
    }
    if (changeRetention) {
      c.add(Change.update(resource(), "message retention → 14 days"));
    }
    if (!tags.isEmpty()) {
      c.add(Change.update(resource(), tags.describe()));
    }
    return c;
  }
}
