package io.github.uvlambda.deploy.reconcile;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What apply has already done, in order, across every resource: when a deploy fails half-way the
 * error lists it, so the user knows the state and that running again finishes the job.
 */
public final class Journal {
  private final List<String> entries = new CopyOnWriteArrayList<>();

  public void done(String what) {
    entries.add(what);
  }

  public List<String> entries() {
    return List.copyOf(entries);
  }
}
