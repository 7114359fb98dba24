package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.UvLambdaException;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens to a function's code, configuration and tags.
 *
 * @param target the configuration apply sets; its dependency layer is resolved at apply when {@code
 *     pendingLayer} publishes a new version
 * @param pendingLayer the dependency layer that publishes a new version first, or null
 * @param codeDrift the deployed code is not what the plugin last deployed
 * @param configDrift the configuration is not what the plugin last set
 * @param refreshRecord only the plugin's record of what it deployed is out of date
 */
public record FunctionPlan(
    DesiredFunction desired,
    FunctionState current,
    Kind kind,
    LambdaConfiguration target,
    String pendingLayer,
    List<FieldChange> code,
    List<FieldChange> configuration,
    boolean codeDrift,
    boolean configDrift,
    TagPlan tags,
    boolean refreshRecord,
    List<UvLambdaException> problems)
    implements ResourcePlan {

  /** Create it, delete and create it again, update it, or leave it. */
  public enum Kind {
    CREATE,
    RECREATE,
    UPDATE,
    NONE
  }

  public FunctionPlan {
    code = List.copyOf(code);
    configuration = List.copyOf(configuration);
    problems = List.copyOf(problems);
  }

  public String resource() {
    return "function " + desired.name();
  }

  /** Whether {@code $LATEST} changes: a new version must then be published. */
  public boolean changesLatest() {
    return kind == Kind.CREATE
        || kind == Kind.RECREATE
        || !code.isEmpty()
        || !configuration.isEmpty();
  }

  @Override
  public List<Change> changes() {
    String r = resource();
    List<Change> c = new ArrayList<>();
    if (kind == Kind.RECREATE) {
      c.add(
          Change.delete(
              r, "recreate: durable execution can only be enabled when a function is created"));
    }
    if (kind == Kind.CREATE || kind == Kind.RECREATE) {
      LambdaConfiguration t = target;
      c.add(
          Change.create(
              r,
              t.runtime()
                  + "/"
                  + t.architecture()
                  + ", handler "
                  + t.handler()
                  + ", "
                  + t.memorySize()
                  + " MB, "
                  + t.timeout()
                  + " s"));
      return c;
    }
    if (!code.isEmpty()) {
      Change change = Change.update(r, join(code));
      c.add(codeDrift ? change.asDrift() : change);
    }
    if (!configuration.isEmpty()) {
      Change change = Change.update(r, join(configuration));
      c.add(configDrift ? change.asDrift() : change);
    }
    if (!tags.isEmpty()) {
      c.add(Change.update(r, tags.describe()));
    } else if (refreshRecord) {
      c.add(Change.update(r, "tags (the plugin's record of its last deploy)"));
    }
    return c;
  }

  private static String join(List<FieldChange> changes) {
    return String.join(", ", changes.stream().map(FieldChange::toString).toList());
  }
}
