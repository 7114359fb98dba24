package io.github.uvlambda.backend;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.archive.Hashes;
import io.github.uvlambda.pep.PackageName;
import io.github.uvlambda.pep.Version;
import io.github.uvlambda.pep.WheelFilename;
import io.github.uvlambda.uv.ExportedPackage;
import io.github.uvlambda.uv.LockArtifact;
import io.github.uvlambda.uv.LockPackage;
import io.github.uvlambda.uv.LockSource;
import io.github.uvlambda.uv.PackageId;
import io.github.uvlambda.uv.UvExecutable;
import io.github.uvlambda.wheel.SelectedWheel;
import io.github.uvlambda.wheel.WheelCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The exported packages that are not on an index — workspace members and other editable or
 * directory sources, {@code path} wheels and sdists, and git sources — turned into wheels before
 * anything is downloaded: pure-Python trees in Java ({@link JavaWheelBuilder}), the rest with
 * {@code uv build --wheel} when uv is available. Without uv, everything Java cannot build is named
 * in one error. Editable and non-editable sources both become a normal install; virtual ones have
 * nothing to install and are never exported.
 */
public final class LocalPackages {
  private final Path workspace;
  private final Path cacheRoot;
  private final UvExecutable uv;
  private final BuildLog log;

  /**
   * @param workspace the directory of uv.lock, against which the lock's paths resolve
   * @param uv a uv executable for what Java cannot build, or null
   */
  public LocalPackages(Path workspace, Path cacheRoot, UvExecutable uv, BuildLog log) {
    this.workspace = workspace;
    this.cacheRoot = cacheRoot;
    this.uv = uv;
    this.log = log;
  }

  /** Whether a locked package is built here rather than taken from an index. */
  public static boolean isLocal(LockPackage p) {
    return switch (p.source().kind()) {
      case EDITABLE, DIRECTORY, PATH, GIT -> true;
      default -> false;
    };
  }

  private static String label(LockPackage p) {
    return p.name() + " (" + p.source().kind().key() + " " + p.source().value() + ")";
  }

  /**
   * What a layer's fingerprint must cover for its local packages: the content digest of each source
   * tree or archive; git sources are pinned by the commit uv.lock already holds.
   */
  public SortedMap<String, String> fingerprints(List<ExportedPackage> exported) {
    SortedMap<String, String> out = new TreeMap<>();
    for (ExportedPackage e : exported) {
      LockPackage p = e.lockPackage();
      switch (p.source().kind()) {
        case EDITABLE, DIRECTORY -> out.put(label(p), TreeDigest.of(treeRoot(p)));
        case PATH -> out.put(label(p), Hashes.hex(Hashes.sha256(archive(p))));
        case GIT -> out.put(label(p), p.source().value());
        default -> {}
      }
    }
    return out;
  }

  /**
   * One wheel per local package, each in the wheel cache; fails before any download when some
   * cannot be built.
   */
  public Map<PackageId, SelectedWheel> build(List<ExportedPackage> exported, String context) {
    List<LockPackage> local =
        exported.stream().map(ExportedPackage::lockPackage).filter(LocalPackages::isLocal).toList();
    Map<LockPackage, Path> wheels = new LinkedHashMap<>();
    Map<LockPackage, JavaWheelBuilder.Analysis> trees = new LinkedHashMap<>();
    // Trees on disk first, git checkouts after: nothing is fetched for a build that cannot start.
    for (LockPackage p : local) {
      if (p.source().kind() == LockSource.Kind.PATH
          && archive(p).getFileName().toString().endsWith(".whl")) {
        wheels.put(p, verifiedWheel(p));
      } else if (p.source().kind() != LockSource.Kind.GIT) {
        trees.put(p, JavaWheelBuilder.analyse(SourceTree.read(tree(p), label(p)), p.version()));
      }
    }
    for (LockPackage p : local) {
      if (p.source().kind() == LockSource.Kind.GIT) {
        Path dir =
            new GitCheckout(cacheRoot, log)
                .checkout(
                    GitCheckout.Source.parse(p.source().value(), p.source().subdirectory()),
                    label(p));
        trees.put(p, JavaWheelBuilder.analyse(SourceTree.read(dir, label(p)), p.version()));
      }
    }
    failWithoutUv(trees, context);
    trees.forEach((p, a) -> wheels.put(p, wheelOf(a)));
    Map<PackageId, SelectedWheel> out = new LinkedHashMap<>();
    wheels.forEach((p, wheel) -> out.put(p.id(), keep(p, wheel)));
    return out;
  }

  /** One error naming every package Java cannot build, when there is no uv to build them. */
  private void failWithoutUv(Map<LockPackage, JavaWheelBuilder.Analysis> trees, String context) {
    Map<String, List<String>> blocked = new LinkedHashMap<>();
    trees.forEach(
        (p, a) -> {
          if (!a.buildable()) {
            blocked.put(label(p), a.obstacles());
          }
        });
    if (!blocked.isEmpty() && uv == null) {
      throw new LocalBuildNeedsUvException(context, blocked);
    }
  }

  /** The wheel of an analysed tree: built in Java, or by uv when Java cannot. */
  private Path wheelOf(JavaWheelBuilder.Analysis a) {
    if (!a.buildable()) {
      return new UvWheelBuild(uv, cacheRoot, log)
          .build(a.tree(), TreeDigest.of(a.tree().root()), a.obstacles());
    }
    String name =
        a.tree().rawName() == null ? "unnamed" : PackageName.normalize(a.tree().rawName());
    return JavaWheelBuilder.build(
        a, cacheRoot.resolve("local-builds").resolve("java").resolve(name));
  }

  /** Checks the wheel against the lock and keeps it in the wheel cache. */
  private SelectedWheel keep(LockPackage p, Path wheel) {
    checkIdentity(p, wheel);
    try {
      String sha = new WheelCache(cacheRoot).put(wheel);
      log.debug(label(p) + ": built " + wheel.getFileName());
      return SelectedWheel.local(p, wheel.getFileName().toString(), sha, Files.size(wheel));
    } catch (IOException e) {
      throw new UvLambdaException(
          label(p) + ": cannot keep its wheel in the cache " + cacheRoot + ": " + e.getMessage(),
          e);
    }
  }

  private Path treeRoot(LockPackage p) {
    return workspace.resolve(p.source().value()).normalize();
  }

  private Path archive(LockPackage p) {
    Path file = workspace.resolve(p.source().value()).normalize();
    if (!Files.isRegularFile(file)) {
      throw new UvLambdaException(
          label(p) + ": " + file + " does not exist. Restore it, or run `uv lock` if it moved.");
    }
    return file;
  }

  /** The source tree of an editable, directory or path-sdist package. */
  private Path tree(LockPackage p) {
    if (p.source().kind() != LockSource.Kind.PATH) {
      return treeRoot(p);
    }
    Path sdist = archive(p);
    String sha = Hashes.hex(Hashes.sha256(sdist));
    Path target = cacheRoot.resolve("sdists").resolve(sha);
    try {
      if (!Files.isDirectory(target)) {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempDirectory(target.getParent(), sha + ".");
        SdistArchive.unpack(sdist, temp);
        io.github.uvlambda.archive.AtomicFiles.moveIntoPlace(temp, target);
      }
      try (var s = Files.list(target)) {
        return s.filter(Files::isDirectory).findFirst().orElseThrow();
      }
    } catch (IOException e) {
      throw new UvLambdaException(label(p) + ": cannot unpack " + sdist + ": " + e.getMessage(), e);
    }
  }

  private Path verifiedWheel(LockPackage p) {
    Path file = archive(p);
    String expected =
        p.wheels().stream()
            .map(LockArtifact::sha256)
            .filter(s -> s != null)
            .findFirst()
            .orElse(null);
    String actual = Hashes.hex(Hashes.sha256(file));
    if (expected != null && !expected.equals(actual)) {
      throw new UvLambdaException(
          label(p)
              + ": "
              + file
              + " has SHA-256 "
              + actual
              + ", but uv.lock expects "
              + expected
              + ". Run `uv lock` if the file changed on purpose.");
    }
    return file;
  }

  private static void checkIdentity(LockPackage p, Path wheel) {
    WheelFilename name = WheelFilename.parse(wheel.getFileName().toString());
    boolean sameName = name.name().equals(p.name());
    boolean sameVersion =
        p.version() == null
            || Version.tryParse(p.version())
                .map(Version::publicVersion)
                .equals(Version.tryParse(name.version()).map(Version::publicVersion));
    if (!sameName || !sameVersion) {
      throw new UvLambdaException(
          label(p)
              + " builds "
              + wheel.getFileName()
              + ", but uv.lock has "
              + p.label()
              + ": the lock is out of date with its pyproject.toml. Run `uv lock`.");
    }
  }
}
