package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.lambda.RuntimeProvidedPackages;
import io.github.uvlambda.pep.PackageName;
import io.github.uvlambda.pep.Requirement;
import io.github.uvlambda.uv.LockPackage;
import io.github.uvlambda.wheel.WheelRequirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@link RuntimePackageExclusion} to what an installer produced, whichever installer it
 * was: the requirements come from the installed {@code .dist-info/METADATA}, and the files of a
 * package left out are the entries attributed to it.
 */
final class LayerRuntimePackages {
  private static final Pattern METADATA =
      Pattern.compile("python/([^/]+)-([^/-]+)\\.dist-info/METADATA");

  private LayerRuntimePackages() {}

  static LayerContents leaveOut(
      LayerContents contents,
      List<LockPackage> layer,
      LayerBuilder.Request r,
      RuntimeProvidedPackages table,
      BuildLog log) {
    Map<String, LayerEntry> metadata = new HashMap<>();
    for (LayerEntry e : contents.entries()) {
      Matcher m = METADATA.matcher(e.name());
      if (m.matches()) {
        metadata.put(PackageName.normalize(m.group(1)), e);
      }
    }
    RuntimePackageExclusion.Decision d =
        new RuntimePackageExclusion(table, r.runtime())
            .decide(layer, p -> requirements(metadata.get(p.name().value())));
    for (RuntimePackageExclusion.Excluded e : d.excluded()) {
      log.info(
          r.label()
              + ": "
              + e.name()
              + " "
              + e.lockedVersion()
              + " left out of the layer: "
              + r.runtime().id()
              + " provides "
              + e.runtimeVersion()
              + " (source: "
              + e.source()
              + ")");
    }
    for (RuntimePackageExclusion.Kept k : d.kept()) {
      log.info(
          r.label()
              + ": "
              + k.name()
              + " "
              + k.lockedVersion()
              + " stays in the layer: "
              + k.reason());
    }
    Set<String> excluded = d.excludedNames();
    List<LayerEntry> kept = new ArrayList<>();
    for (LayerEntry e : contents.entries()) {
      if (!excluded.contains(e.packageName())) {
        kept.add(e);
      }
    }
    return new LayerContents(kept, () -> {});
  }

  private static List<Requirement> requirements(LayerEntry metadata) {
    if (metadata == null) {
      return List.of();
    }
    try {
      return WheelRequirements.parse(
          new String(metadata.content().bytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UvLambdaException("Cannot read " + metadata.name() + ": " + e.getMessage(), e);
    }
  }
}
