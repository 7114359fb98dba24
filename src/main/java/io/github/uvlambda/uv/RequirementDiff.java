package io.github.uvlambda.uv;

import io.github.uvlambda.pep.PackageName;
import io.github.uvlambda.pep.VersionSpecifiers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares what a pyproject.toml declares in one table with what uv.lock recorded for it, the way
 * {@code uv lock --check} does: names, extras and specifiers in normal form, markers by meaning
 * ({@link MarkerEquivalence}), a declared requirement whose marker can never hold under the lock's
 * {@code requires-python} ignored, and a workspace, path, git or URL source standing for its
 * version. Each difference becomes one line of the stale-lock message.
 */
final class RequirementDiff {

  private RequirementDiff() {}

  static void compare(
      String context,
      List<LockedRequirement> declared,
      List<LockedRequirement> locked,
      VersionSpecifiers requiresPython,
      List<String> out) {
    MarkerEquivalence eq = new MarkerEquivalence(requiresPython);
    List<LockedRequirement> want = new ArrayList<>();
    for (LockedRequirement e : declared) {
      if (!eq.neverTrue(e.marker())) {
        want.add(e);
      }
    }
    List<LockedRequirement> have = new ArrayList<>(locked);
    // Conditional sources split one declared requirement into several locked ones: compare those
    // packages by name and specifier only.
    Set<PackageName> conditional = new HashSet<>();
    want.stream()
        .filter(e -> e.source().equals("conditional"))
        .forEach(e -> conditional.add(e.name()));

    for (Iterator<LockedRequirement> it = want.iterator(); it.hasNext(); ) {
      LockedRequirement w = it.next();
      for (Iterator<LockedRequirement> h = have.iterator(); h.hasNext(); ) {
        LockedRequirement l = h.next();
        if (matches(w, l, eq, conditional.contains(w.name()))) {
          it.remove();
          h.remove();
          break;
        }
      }
    }
    if (!conditional.isEmpty()) {
      want.removeIf(
          e ->
              conditional.contains(e.name())
                  && locked.stream().anyMatch(l -> l.name().equals(e.name())));
      have.removeIf(
          l ->
              conditional.contains(l.name())
                  && declared.stream().anyMatch(d -> d.name().equals(l.name())));
    }
    for (LockedRequirement w : want) {
      Optional<LockedRequirement> sameName =
          have.stream().filter(l -> l.name().equals(w.name())).findFirst();
      if (sameName.isPresent()) {
        have.remove(sameName.get());
        out.add(
            "pyproject declares "
                + w.display()
                + " in "
                + w.where()
                + "; uv.lock was made from "
                + sameName.get().display());
      } else {
        out.add(
            "pyproject declares "
                + w.display()
                + " in "
                + w.where()
                + ", which uv.lock does not have");
      }
    }
    for (LockedRequirement l : have) {
      out.add(
          "uv.lock was made with "
              + l.display()
              + " in "
              + l.where()
              + ", which pyproject.toml no longer declares");
    }
  }

  private static boolean matches(
      LockedRequirement w, LockedRequirement l, MarkerEquivalence eq, boolean conditional) {
    // A workspace, path, git or URL source replaces the version: uv locks such requirements
    // without a specifier.
    boolean direct =
        (w.source().equals("local") && (l.source().equals("local") || l.source().isEmpty()))
            || (w.source().startsWith("git:") && w.source().equals(l.source()))
            || (w.source().equals("url") && l.source().equals("url"));
    if (!w.name().equals(l.name())
        || !w.extras().equals(l.extras())
        || (!direct && !w.specifier().equals(l.specifier()))) {
      return false;
    }
    if (conditional) {
      return true;
    }
    boolean sourceOk =
        direct
            || w.source().equals(l.source())
            || (w.source().equals("index") && l.source().isEmpty())
            || (w.source().isEmpty() && l.source().equals("index"));
    return sourceOk && eq.equivalent(w.marker(), l.marker());
  }
}
