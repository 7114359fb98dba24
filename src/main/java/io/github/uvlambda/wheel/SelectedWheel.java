package io.github.uvlambda.wheel;

import io.github.uvlambda.pep.WheelFilename;
import io.github.uvlambda.uv.LockArtifact;
import io.github.uvlambda.uv.LockPackage;

/**
 * The wheel chosen for one package.
 *
 * @param bestTag the wheel's best-ranked tag for the target, e.g. {@code
 *     cp313-cp313-manylinux_2_17_aarch64}
 */
public record SelectedWheel(
    LockPackage lockPackage, LockArtifact artifact, WheelFilename filename, String bestTag) {

  /**
   * A wheel built on this machine from a local package (a workspace member, a path or git source),
   * already in the wheel cache under its SHA-256.
   */
  public static SelectedWheel local(LockPackage p, String filename, String sha256, long size) {
    return new SelectedWheel(
        p,
        new LockArtifact(filename, null, null, "sha256:" + sha256, size),
        WheelFilename.parse(filename),
        "py3-none-any");
  }

  public String sha256() {
    return artifact.sha256();
  }

  /**
   * True when only the plain {@code linux_<arch>} tag matched: such wheels make no glibc promise.
   */
  public boolean isPlainLinux() {
    return bestTag.contains("-linux_");
  }
}
