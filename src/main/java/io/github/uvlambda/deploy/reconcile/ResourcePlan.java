package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.UvLambdaException;
import java.util.List;

/**
 * The plan of one resource: an immutable record whose changes the plan prints and apply executes.
 */
public interface ResourcePlan {
  /** Every change, in the order apply makes them; {@link Change.Action#KEEP} lines included. */
  List<Change> changes();

  /** Why nothing may be applied (a resource of another project in the way, ...); usually empty. */
  default List<UvLambdaException> problems() {
    return List.of();
  }

  /** Whether apply makes no write call. */
  default boolean isEmpty() {
    return changes().stream().noneMatch(Change::isChange);
  }
}
