package io.github.uvlambda.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tools of the build machine that some tests use as oracles or peers — Python 3.11, the local PyPI
 * mirror pip is configured with, moto_server. Each is discovered, never hard-coded; when one is
 * missing the test is skipped with the reason, except under CI=true, where it fails.
 */
public final class MachineTools {
  private MachineTools() {}

  public static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Skips the test (or fails it under CI=true) with the reason. */
  public static void require(boolean available, String what) {
    if (!available) {
      String message = what + " is not available on this machine";
      if (ci()) {
        Assertions.fail(message + " (CI=true: tools the tests need must be installed)");
      }
      Assumptions.abort(message + ": skipping");
    }
  }

  public static String run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return null;
      }
      return out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** A Python 3.11 interpreter: python3.11 on PATH, or python3 if it is 3.11. */
  public static Optional<String> python311() {
    for (String candidate : List.of("python3.11", "python3")) {
      String v = run(List.of(candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"));
      if (v != null && v.strip().equals("3.11")) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The simple indexes pip is configured with ({@code pip config list}: index-url and
   * extra-index-url), local ({@code file://}) ones first.
   */
  public static List<String> pipIndexes() {
    List<String> out = new ArrayList<>();
    for (String python : List.of("python3", "python")) {
      String config = run(List.of(python, "-m", "pip", "config", "list"));
      if (config == null) {
        continue;
      }
      for (String line : config.split("\n")) {
        int eq = line.indexOf('=');
        if (eq < 0 || !(line.contains("index-url"))) {
          continue;
        }
        for (String url :
            line.substring(eq + 1).replace("'", "").replace("\"", "").strip().split("\\s+")) {
          if (!url.isBlank() && !out.contains(url)) {
            out.add(url);
          }
        }
      }
      break;
    }
    out.sort((a, b) -> Boolean.compare(!a.startsWith("file:"), !b.startsWith("file:")));
    return out;
  }

  /** The first local mirror index that has a page for every one of these packages. */
  public static Optional<String> mirrorWith(String... packages) {
    for (String index : pipIndexes()) {
      if (!index.startsWith("file:")) {
        continue;
      }
      Path root = Path.of(java.net.URI.create(index.endsWith("/") ? index : index + "/"));
      boolean all = true;
      for (String p : packages) {
        all &= Files.isDirectory(root.resolve(p));
      }
      if (all) {
        return Optional.of(index);
      }
    }
    return Optional.empty();
  }

  /** moto_server on PATH. */
  public static Optional<String> motoServer() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, "moto_server");
      if (Files.isExecutable(p)) {
        return Optional.of(p.toString());
      }
    }
    return Optional.empty();
  }
}
