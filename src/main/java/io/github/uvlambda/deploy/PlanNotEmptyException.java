package io.github.uvlambda.deploy;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.deploy.reconcile.Change;
import java.util.List;

/**
 * {@code failOnChanges}: AWS does not match the POM. Carries every change the plan lists, drift
 * marked, so CI can gate on "is production what main says?".
 */
public final class PlanNotEmptyException extends UvLambdaException {
  private static final long serialVersionUID = 1L;

  private final transient List<Change> changes;

  public PlanNotEmptyException(List<Change> changes) {
    super(
        "AWS does not match the POM ("
            + changes.size()
            + " change"
            + (changes.size() == 1 ? "" : "s")
            + (changes.stream().anyMatch(Change::drift) ? ", some made outside the plugin" : "")
            + "); <failOnChanges> is set, so nothing was changed:\n  - "
            + String.join("\n  - ", changes.stream().map(Change::toString).toList()));
    this.changes = List.copyOf(changes);
  }

  public List<Change> changes() {
    return changes;
  }
}
