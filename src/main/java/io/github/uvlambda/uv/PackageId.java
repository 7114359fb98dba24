package io.github.uvlambda.uv;

import io.github.uvlambda.pep.PackageName;

/** The identity of a locked package: name, version (absent for dynamic source trees), source. */
public record PackageId(PackageName name, String version, LockSource source) {
  @Override
  public String toString() {
    return name + (version == null ? "" : " " + version) + " (" + source + ")";
  }
}
