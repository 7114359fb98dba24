package io.github.uvlambda.deploy.reconcile;

/**
 * One line of a plan: what happens to which resource, and why. Plans list their changes as these;
 * the printed plan and {@code plan.json} are rendered from them.
 *
 * @param resource the kind and name, e.g. {@code function my-fn}
 * @param detail what changes, e.g. {@code memorySize 128→512}; empty when the action says it all
 * @param drift the resource was changed outside the plugin since its last deploy
 */
public record Change(Action action, String resource, String detail, boolean drift) {

  /**
   * What happens. {@link #ORPHAN} is a resource of the project the POM no longer has, which only
   * {@code prune} deletes; {@link #KEEP} is reported and left alone (kept data, foreign policies).
   */
  public enum Action {
    CREATE("+"),
    UPDATE("~"),
    DELETE("-"),
    ORPHAN("!"),
    KEEP("=");

    private final String symbol;

    Action(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  public Change {
    detail = detail == null ? "" : detail;
  }

  public static Change create(String resource, String detail) {
    return new Change(Action.CREATE, resource, detail, false);
  }

  public static Change update(String resource, String detail) {
    return new Change(Action.UPDATE, resource, detail, false);
  }

  public static Change delete(String resource, String detail) {
    return new Change(Action.DELETE, resource, detail, false);
  }

  public static Change orphan(String resource, String detail) {
    return new Change(Action.ORPHAN, resource, detail, false);
  }

  public static Change keep(String resource, String detail) {
    return new Change(Action.KEEP, resource, detail, false);
  }

  public Change asDrift() {
    return new Change(action, resource, detail, true);
  }

  /** Whether applying it writes to AWS; {@link Action#KEEP} and {@link Action#ORPHAN} do not. */
  public boolean isChange() {
    return action != Action.KEEP && action != Action.ORPHAN;
  }

  /** Whether AWS differs from the POM here: every write, and orphans. */
  public boolean isDifference() {
    return action != Action.KEEP;
  }

  @Override
  public String toString() {
    return action.symbol
        + " "
        + resource
        + (detail.isEmpty() ? "" : ": " + detail)
        + (drift ? " (drift: changed outside the plugin)" : "");
  }
}
