package io.github.uvlambda.deploy.reconcile;

import java.util.ArrayList;
import java.util.List;

/**
 * What happens to a function's published versions and its alias: a version is published when {@code
 * $LATEST} changed since the newest version (or the newest version serves something else), the
 * alias moves to it, and retention deletes old versions no alias points to.
 *
 * @param publish whether a new version is published
 * @param target the existing version the alias should point to when nothing is published
 * @param aliasFrom the version the alias points to now, or null when it does not exist
 * @param aliasArn the alias's ARN now, or null
 * @param retire versions deleted after a successful deploy
 */
public record VersionPlan(
    String function,
    String aliasName,
    boolean publish,
    String target,
    String aliasFrom,
    String aliasArn,
    List<String> retire)
    implements ResourcePlan {

  public VersionPlan {
    retire = List.copyOf(retire);
  }

  public boolean moveAlias() {
    return aliasName != null && (publish || !target.equals(aliasFrom));
  }

  @Override
  public List<Change> changes() {
    List<Change> c = new ArrayList<>();
    if (publish) {
      c.add(
          Change.create(
              "version of " + function,
              aliasFrom == null
                  ? "first published version"
                  : "code, configuration or layer changed since version " + aliasFrom));
    }
    if (moveAlias()) {
      String to = publish ? "the new version" : "version " + target;
      c.add(
          aliasFrom == null
              ? Change.create("alias " + aliasName, "→ " + to)
              : Change.update("alias " + aliasName, aliasFrom + "→ " + to));
    }
    if (!retire.isEmpty()) {
      c.add(Change.delete("versions of " + function, String.join(", ", retire) + " (retention)"));
    }
    return c;
  }
}
