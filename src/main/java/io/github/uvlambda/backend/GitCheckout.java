package io.github.uvlambda.backend;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.archive.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A git source of uv.lock ({@code git = "<url>?<ref>#<commit>"}) checked out at its locked commit
 * with the {@code git} executable, once per commit, into {@code <cache>/git/<commit>/}.
 */
public final class GitCheckout {
  /** The parts of a lock's git source. */
  public record Source(String url, String commit, String subdirectory) {
    public static Source parse(String value, String subdirectory) {
      int hash = value.indexOf('#');
      if (hash < 0 || hash == value.length() - 1) {
        throw new UvLambdaException(
            "uv.lock has the git source " + value + " without its commit (#<sha>). Run `uv lock`.");
      }
      String commit = value.substring(hash + 1);
      String base = value.substring(0, hash);
      String sub = subdirectory;
      int q = base.indexOf('?');
      if (q >= 0) {
        for (String param : base.substring(q + 1).split("&")) {
          if (param.startsWith("subdirectory=") && sub == null) {
            sub = URLDecoder.decode(param.substring(13), StandardCharsets.UTF_8);
          }
        }
        base = base.substring(0, q);
      }
      if (!commit.matches("[0-9a-fA-F]{7,64}")) {
        throw new UvLambdaException(
            "uv.lock pins the git source "
                + base
                + " to '"
                + commit
                + "', which is not a commit hash. Run `uv lock`.");
      }
      return new Source(base, commit.toLowerCase(java.util.Locale.ROOT), sub);
    }
  }

  private final Path directory;
  private final BuildLog log;
  private final String searchPath;

  public GitCheckout(Path cacheRoot, BuildLog log) {
    this(cacheRoot, log, System.getenv("PATH"));
  }

  /**
   * @param searchPath where to look for the git executable, in the form of the PATH variable
   */
  GitCheckout(Path cacheRoot, BuildLog log, String searchPath) {
    this.directory = cacheRoot.resolve("git");
    this.log = log;
    this.searchPath = searchPath;
  }

  /** The checked-out tree of the source (its subdirectory when it has one). */
  public Path checkout(Source source, String label) {
    Path target = directory.resolve(source.commit());
    if (!Files.isDirectory(target)) {
      clone(source, label, target);
    }
    Path tree =
        source.subdirectory() == null ? target : target.resolve(source.subdirectory()).normalize();
    if (!tree.startsWith(target) || !Files.isDirectory(tree)) {
      throw new UvLambdaException(
          label
              + ": commit "
              + source.commit()
              + " of "
              + source.url()
              + " has no directory '"
              + source.subdirectory()
              + "'. Fix the subdirectory in [tool.uv.sources] and run `uv lock`.");
    }
    return tree;
  }

  private void clone(Source source, String label, Path target) {
    String git = findGit(searchPath, label, source);
    Path temp = null;
    try {
      Files.createDirectories(directory);
      temp = Files.createTempDirectory(directory, source.commit() + ".");
      log.info(label + ": checking out " + source.url() + " at " + source.commit());
      run(
          label,
          List.of(git, "clone", "--quiet", "--no-checkout", source.url(), temp.toString()),
          null);
      run(label, List.of(git, "checkout", "--quiet", "--detach", source.commit()), temp);
      AtomicFiles.moveIntoPlace(temp, target);
      temp = null;
    } catch (IOException e) {
      if (Files.isDirectory(target)) {
        return; // another build checked out the same commit at the same time
      }
      throw new UvLambdaException(
          label + ": cannot check out " + source.url() + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        deleteQuietly(temp);
      }
    }
  }

  private static String findGit(String path, String label, Source source) {
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        for (String name : List.of("git", "git.exe")) {
          Path p = Path.of(dir, name);
          if (!dir.isBlank() && Files.isExecutable(p)) {
            return p.toString();
          }
        }
      }
    }
    throw new UvLambdaException(
        label
            + " comes from the git repository "
            + source.url()
            + " (commit "
            + source.commit()
            + "), and no git executable is on the PATH to check it out. Install git, or publish the"
            + " package as a wheel to your index and depend on that version.");
  }

  private static void run(String label, List<String> cmd, Path dir) throws IOException {
    Path out = Files.createTempFile("uv-lambda-git", ".log");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
      pb.environment().put("GIT_TERMINAL_PROMPT", "0");
      if (dir != null) {
        pb.directory(dir.toFile());
      }
      Process p = pb.start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new UvLambdaException(
            label + ": `" + String.join(" ", cmd) + "` did not finish within 10 minutes.");
      }
      if (p.exitValue() != 0) {
        throw new UvLambdaException(
            label
                + ": `"
                + String.join(" ", cmd)
                + "` failed (exit "
                + p.exitValue()
                + "):\n"
                + Files.readString(out).strip()
                + "\nCheck that the repository is reachable and still has the commit uv.lock pins.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UvLambdaException(label + ": interrupted while running git");
    } finally {
      Files.deleteIfExists(out);
    }
  }

  static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a leftover temporary directory in the cache is harmless
    }
  }
}
