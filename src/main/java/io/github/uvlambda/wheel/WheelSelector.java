package io.github.uvlambda.wheel;

import io.github.uvlambda.pep.WheelFilename;
import io.github.uvlambda.pep.WheelTag;
import io.github.uvlambda.uv.ExportedPackage;
import io.github.uvlambda.uv.LockArtifact;
import io.github.uvlambda.uv.LockPackage;
import io.github.uvlambda.uv.LockSource;
import io.github.uvlambda.uv.PackageId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Chooses, for each exported package, the best of the wheels its lock entry lists — as uv does when
 * it installs from a lock: the wheel with the best-ranked compatible tag, then the highest build
 * tag, then the first in lock order. No source distribution is ever built.
 */
public final class WheelSelector {
  private final TargetTags tags;

  public WheelSelector(TargetTags tags) {
    this.tags = tags;
  }

  private Optional<String> bestTag(WheelFilename filename) {
    int rank = Integer.MAX_VALUE;
    String best = null;
    for (WheelTag t : filename.tags()) {
      int r = tags.rank(t);
      if (r >= 0 && r < rank) {
        rank = r;
        best = t.toString();
      }
    }
    return Optional.ofNullable(best);
  }

  /** The best wheel of a package, if it has one for this target. */
  public Optional<SelectedWheel> best(LockPackage p) {
    SelectedWheel best = null;
    int bestRank = Integer.MAX_VALUE;
    BigInteger bestBuild = null;
    for (LockArtifact w : p.wheels()) {
      Optional<WheelFilename> parsed =
          w.filename() == null ? Optional.empty() : WheelFilename.tryParse(w.filename());
      if (parsed.isEmpty()) {
        continue;
      }
      int rank = Integer.MAX_VALUE;
      String tag = null;
      for (WheelTag t : parsed.get().tags()) {
        int r = tags.rank(t);
        if (r >= 0 && r < rank) {
          rank = r;
          tag = t.toString();
        }
      }
      if (tag == null) {
        continue;
      }
      BigInteger build =
          parsed.get().buildNumber() == null ? BigInteger.valueOf(-1) : parsed.get().buildNumber();
      if (best == null || rank < bestRank || (rank == bestRank && build.compareTo(bestBuild) > 0)) {
        best = new SelectedWheel(p, w, parsed.get(), tag);
        bestRank = rank;
        bestBuild = build;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Chooses a wheel for every registry package; fails before anything is downloaded when any
   * package has none, listing each of them with what the lock offers.
   *
   * @param context where the packages come from, for the message (e.g. "group my-api-handler")
   */
  public List<SelectedWheel> selectAll(List<ExportedPackage> packages, String context) {
    return selectAll(packages, context, Map.of());
  }

  /**
   * Like {@link #selectAll(List, String)}, with the wheels already built on this machine for the
   * local packages (workspace members, path and git sources); each must suit the target too.
   */
  public List<SelectedWheel> selectAll(
      List<ExportedPackage> packages, String context, Map<PackageId, SelectedWheel> built) {
    List<SelectedWheel> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String target = tags.interpreter() + "/" + tags.bestPlatform() + " (" + tags.runtime() + ")";
    for (ExportedPackage e : packages) {
      LockPackage p = e.lockPackage();
      SelectedWheel local = built.get(p.id());
      if (local != null) {
        Optional<String> tag = bestTag(local.filename());
        if (tag.isPresent()) {
          out.add(new SelectedWheel(p, local.artifact(), local.filename(), tag.get()));
        } else {
          problems.add(
              p.label()
                  + " was built locally as "
                  + local.filename().filename()
                  + ", which does not run on "
                  + target
                  + ": a package with compiled code must be built for the Lambda platform. Publish"
                  + " wheels for it to an index, or build on a machine of the target's platform.");
        }
        continue;
      }
      if (p.source().kind() != LockSource.Kind.REGISTRY
          && !(p.source().kind() == LockSource.Kind.URL && !p.wheels().isEmpty())) {
        problems.add(
            p.label()
                + " comes from "
                + p.source().kind().key()
                + " source "
                + p.source().value()
                + ", which would have to be built from source; a layer is made of wheels only."
                + " Publish it as a wheel to an index, move it out of "
                + context
                + ", or set <installer>uv</installer> to let uv install it.");
        continue;
      }
      Optional<SelectedWheel> w = best(p);
      if (w.isPresent()) {
        out.add(w.get());
        continue;
      }
      if (p.wheels().isEmpty()) {
        problems.add(
            p.label()
                + (p.sdist() != null ? " publishes only an sdist" : " has no wheels in uv.lock")
                + "; a Lambda layer needs a wheel for "
                + target
                + ": pin a version with wheels or move it out of "
                + context
                + ".");
      } else {
        String offered =
            p.wheels().stream().map(LockArtifact::filename).collect(Collectors.joining(", "));
        problems.add(
            p.label()
                + " has no wheel for "
                + target
                + "; uv.lock offers: "
                + offered
                + ". Choose another architecture or Python version, pin a version with a matching wheel, or move it out of "
                + context
                + ".");
      }
    }
    if (!problems.isEmpty()) {
      throw new NoUsableWheelException(context, problems);
    }
    return out;
  }
}
