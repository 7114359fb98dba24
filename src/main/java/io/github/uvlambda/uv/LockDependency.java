package io.github.uvlambda.uv;

import io.github.uvlambda.pep.Marker;
import java.util.List;

/**
 * A dependency edge in {@code uv.lock}, already resolved to the package it points to.
 *
 * @param extras the extras of the target this edge activates
 */
public record LockDependency(PackageId target, List<String> extras, Marker marker) {
  public LockDependency {
    extras = List.copyOf(extras);
  }
}
