package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.WheelTag;
import io.github.uvlambda.uv.RequirementsFile;
import io.github.uvlambda.uv.UvCommands;
import io.github.uvlambda.wheel.TargetTags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code installer=uv}: the Terraform module's literal pipeline with a real uv — {@code uv export}
 * of the group, then {@code uv pip install --target} for the Lambda platform — after which the
 * plugin checks the tags of every wheel uv installed against the runtime itself. Local packages
 * (workspace members, path and git sources) are left out of the export and installed from the
 * wheels the plugin builds for them ({@link UvLocalPackages}), never as editables.
 */
public final class UvLayerInstaller implements LayerInstaller {
  private final BuildLog log;

  public UvLayerInstaller(BuildLog log) {
    this.log = log;
  }

  @Override
  public LayerContents install(LayerBuilder.Request r) throws IOException {
    if (r.uv() == null) {
      throw new UvLambdaException(
          "<installer> is uv, but no uv executable was found on PATH. Install uv, set <uvExecutable>, or use <installer>java</installer>.");
    }
    Path work = Files.createTempDirectory("uv-lambda-layer");
    try {
      Path requirements = work.resolve("requirements.txt");
      Path target = Files.createDirectories(work.resolve("target"));
      Path dir = r.lockFiles().directory();
      // Local packages are built (or refused) before uv downloads anything.
      UvLocalPackages local = UvLocalPackages.prepare(r, log);
      Set<String> notEmitted = new TreeSet<>(r.excludePackages());
      notEmitted.addAll(local.names());
      r.uv().run(dir, UvCommands.export(r.dependencyGroup(), notEmitted, requirements), log);
      RequirementsFile exported = RequirementsFile.read(requirements);
      exported.requireNoLocal(r.label());
      if (!exported.requirements().isEmpty()) {
        r.uv().run(dir, UvCommands.pipInstall(requirements, r.runtime(), target), log);
      }
      if (!local.wheels().isEmpty()) {
        r.uv().run(dir, UvCommands.pipInstallWheels(local.wheels(), r.runtime(), target), log);
      }
      checkTags(r, target);
      return TargetFolder.read(target, LayerBuilder.PREFIX, () -> deleteTree(work));
    } catch (IOException | RuntimeException e) {
      deleteTree(work);
      throw e;
    }
  }

  /** Every installed wheel must carry a tag the runtime can load, whatever uv chose. */
  static void checkTags(LayerBuilder.Request r, Path target) throws IOException {
    TargetTags tags = new TargetTags(r.runtime());
    for (TargetFolder.Distribution d : TargetFolder.distributions(target)) {
      Path wheelFile = d.distInfo().resolve("WHEEL");
      if (!Files.isRegularFile(wheelFile)) {
        continue;
      }
      List<String> declared = new ArrayList<>();
      for (String line : Files.readAllLines(wheelFile, StandardCharsets.UTF_8)) {
        if (line.startsWith("Tag:")) {
          declared.add(line.substring("Tag:".length()).strip());
        }
      }
      if (!declared.isEmpty() && declared.stream().noneMatch(t -> loadable(tags, t))) {
        throw new UvLambdaException(
            r.label()
                + ": uv installed "
                + d.name()
                + " "
                + d.version()
                + " from a wheel tagged "
                + String.join(", ", declared)
                + ", which "
                + r.runtime()
                + " cannot load (best tag: "
                + tags.interpreter()
                + "-"
                + tags.bestPlatform()
                + "). Use <installer>java</installer>, or pin a version with a compatible wheel.");
      }
    }
  }

  /** Whether a WHEEL {@code Tag:} value (possibly a compressed tag set) fits the runtime. */
  private static boolean loadable(TargetTags tags, String tagSet) {
    String[] parts = tagSet.split("-");
    if (parts.length != 3) {
      return false;
    }
    for (String interpreter : parts[0].split("\\.")) {
      for (String abi : parts[1].split("\\.")) {
        for (String platform : parts[2].split("\\.")) {
          if (tags.rank(new WheelTag(interpreter, abi, platform)) >= 0) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
