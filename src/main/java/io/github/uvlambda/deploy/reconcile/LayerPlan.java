package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.UvLambdaException;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens to a dependency layer: a new version is published only when the zip (or its
 * compatible runtime/architecture) changed, once however many functions share it; after the deploy,
 * versions beyond {@code keepVersions} that nothing uses are deleted.
 *
 * @param publishReason why a version is published, or null when {@code current} is used
 * @param current the newest version, or null when there is none
 * @param retire versions deleted after a successful deploy (retention)
 */
public record LayerPlan(
    DesiredLayer desired,
    String publishReason,
    LayerVersion current,
    List<LayerVersion> retire,
    List<UvLambdaException> problems)
    implements ResourcePlan {

  public LayerPlan {
    retire = List.copyOf(retire);
    problems = List.copyOf(problems);
  }

  public boolean publish() {
    return publishReason != null;
  }

  public LayerPlan withRetire(List<LayerVersion> versions) {
    return new LayerPlan(desired, publishReason, current, versions, problems);
  }

  public String resource() {
    return "layer " + desired.name();
  }

  @Override
  public List<Change> changes() {
    List<Change> c = new ArrayList<>();
    if (publish()) {
      c.add(
          current == null
              ? Change.create(resource(), publishReason)
              : Change.update(resource(), publishReason));
    }
    if (!retire.isEmpty()) {
      c.add(
          Change.delete(
              resource(),
              "versions "
                  + String.join(", ", retire.stream().map(v -> "" + v.version()).toList())
                  + " (retention)"));
    }
    return c;
  }
}
