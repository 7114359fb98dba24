package io.github.uvlambda.backend;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.uv.UvCommands;
import io.github.uvlambda.uv.UvExecutable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds a wheel with the package's real backend through {@code uv build --wheel}, for the trees
 * Java cannot build; cached under {@code <cache>/local-builds/<tree digest>/}, so an unchanged tree
 * is built once.
 */
final class UvWheelBuild {
  private final UvExecutable uv;
  private final Path directory;
  private final BuildLog log;

  UvWheelBuild(UvExecutable uv, Path cacheRoot, BuildLog log) {
    this.uv = uv;
    this.directory = cacheRoot.resolve("local-builds");
    this.log = log;
  }

  Path build(SourceTree tree, String digest, List<String> reasons) {
    Path out = directory.resolve(digest);
    Path cached = wheelIn(out);
    if (cached != null) {
      return cached;
    }
    log.info(
        tree.label() + ": building with `uv build --wheel`, since " + String.join("; ", reasons));
    try {
      Files.createDirectories(directory);
      Path temp = Files.createTempDirectory(directory, digest + ".");
      try {
        uv.run(tree.root(), UvCommands.buildWheel(temp, tree.root()), log);
        if (wheelIn(temp) == null) {
          throw new UvLambdaException(
              tree.label()
                  + ": `uv build --wheel` finished without writing a wheel into "
                  + temp
                  + ".");
        }
        io.github.uvlambda.archive.AtomicFiles.moveIntoPlace(temp, out);
      } finally {
        if (Files.isDirectory(temp)) {
          GitCheckout.deleteQuietly(temp);
        }
      }
    } catch (IOException e) {
      if (wheelIn(out) == null) {
        throw new UvLambdaException(tree.label() + ": cannot build with uv: " + e.getMessage(), e);
      }
    }
    return wheelIn(out);
  }

  private static Path wheelIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".whl")).findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }
}
