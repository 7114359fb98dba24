package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.SettingNames;
import io.github.uvlambda.SettingNeededException;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.uv.ExecutableSearch;
import io.github.uvlambda.uv.UvExecutable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A CPython of the exact minor version a function runs on, which is the only kind that may compile
 * its bytecode: a {@code .pyc} carries the magic number of the interpreter that wrote it, and
 * Python ignores one with another magic number. Found, in this order: {@code <pythonExecutable>},
 * {@code python3.X} on PATH, {@code uv python find 3.X} when uv is there.
 *
 * @param executable what to run
 * @param version the full version, {@code 3.11.7}: part of the layer fingerprint, since another
 *     patch release may compile differently
 * @param cacheTag {@code cpython-311}, the middle of the {@code .pyc} file names
 */
public record PythonInterpreter(String executable, String version, String cacheTag) {

  private static final String PROBE =
      "import sys; print('%d.%d.%d' % sys.version_info[:3], sys.implementation.cache_tag,"
          + " sys.implementation.name)";

  /**
   * No CPython of the wanted minor version could be found.
   *
   * @param setting the parameter that asked for bytecode: {@code compileBytecode} or {@code
   *     compileCode}
   * @param tried what was looked at, and why it did not do
   */
  public static final class NotFoundException extends UvLambdaException {
    private static final long serialVersionUID = 1L;
    private final String label;
    private final String setting;
    private final String pythonVersion;
    private final List<String> tried;

    public NotFoundException(
        String label, String setting, String pythonVersion, List<String> tried) {
      super(text(label, setting, pythonVersion, tried, SettingNames.POM));
      this.label = label;
      this.setting = setting;
      this.pythonVersion = pythonVersion;
      this.tried = List.copyOf(tried);
    }

    public String pythonVersion() {
      return pythonVersion;
    }

    public String setting() {
      return setting;
    }

    public List<String> tried() {
      return tried;
    }

    @Override
    public String message(SettingNames names) {
      return text(label, setting, pythonVersion, tried, names);
    }

    private static String text(
        String label, String setting, String v, List<String> tried, SettingNames names) {
      return label
          + ": "
          + SettingNames.element(setting)
          + " needs CPython "
          + v
          + " to compile the bytecode that python"
          + v
          + " loads, and none was found (tried: "
          + String.join("; ", tried)
          + "). Provide one of: "
          + names.set("pythonExecutable", "/path/to/python" + v)
          + "; python"
          + v
          + " on PATH; or uv on PATH (or <uvExecutable>) with `uv python install "
          + v
          + "`. Or set "
          + names.set(setting, "false")
          + ".";
    }
  }

  /** The {@code .pyc} version tag as in {@code cpython-311}: the minor version it belongs to. */
  public String minorVersion() {
    return version.substring(0, version.lastIndexOf('.'));
  }

  /** What the layer fingerprint records of this interpreter. */
  public String identity() {
    return "CPython " + version + " " + cacheTag;
  }

  /**
   * Finds the interpreter.
   *
   * @param label the function or layer, for messages
   * @param setting the parameter that asks for bytecode, for messages
   * @param pythonVersion the runtime's {@code 3.X}
   * @param configured {@code <pythonExecutable>}, or null
   * @param uv a uv executable to ask, when there is one
   */
  public static PythonInterpreter find(
      String label,
      String setting,
      String pythonVersion,
      String configured,
      Optional<UvExecutable> uv,
      BuildLog log) {
    return find(label, setting, pythonVersion, configured, uv, System.getenv("PATH"), log);
  }

  static PythonInterpreter find(
      String label,
      String setting,
      String pythonVersion,
      String configured,
      Optional<UvExecutable> uv,
      String pathEnv,
      BuildLog log) {
    if (configured != null && !configured.isBlank()) {
      PythonInterpreter p =
          probe(configured)
              .orElseThrow(
                  () ->
                      new SettingNeededException(
                          label
                              + ": <pythonExecutable> is '"
                              + configured
                              + "', which does not run as a Python interpreter. Set ",
                          "pythonExecutable",
                          "/path/to/python" + pythonVersion,
                          ", a CPython " + pythonVersion + ", or remove it."));
      if (!p.is(pythonVersion)) {
        throw new SettingNeededException(
            label
                + ": <pythonExecutable> '"
                + configured
                + "' is "
                + p.identity()
                + ", but the function runs on python"
                + pythonVersion
                + ", whose bytecode only CPython "
                + pythonVersion
                + " can compile. Set ",
            "pythonExecutable",
            "/path/to/python" + pythonVersion,
            ".");
      }
      return p;
    }
    List<String> tried = new ArrayList<>();
    String name = "python" + pythonVersion;
    Optional<Path> onPath = ExecutableSearch.onPath(name, pathEnv);
    if (onPath.isPresent()) {
      Optional<PythonInterpreter> p =
          probe(onPath.get().toString()).filter(i -> i.is(pythonVersion));
      if (p.isPresent()) {
        log.debug(label + ": compiling bytecode with " + p.get().executable());
        return p.get();
      }
      tried.add(onPath.get() + " does not run as CPython " + pythonVersion);
    } else {
      tried.add("no " + name + " on PATH");
    }
    if (uv.isPresent()) {
      try {
        String found =
            uv.get()
                .run(Path.of(".").toAbsolutePath(), List.of("python", "find", pythonVersion), log);
        String path = found.strip();
        Optional<PythonInterpreter> p = probe(path).filter(i -> i.is(pythonVersion));
        if (p.isPresent()) {
          return p.get();
        }
        tried.add(
            "`uv python find "
                + pythonVersion
                + "` gave "
                + path
                + ", not CPython "
                + pythonVersion);
      } catch (UvLambdaException e) {
        tried.add("`uv python find " + pythonVersion + "` found none");
      }
    } else {
      tried.add("no uv");
    }
    throw new NotFoundException(label, setting, pythonVersion, tried);
  }

  private boolean is(String pythonVersion) {
    return minorVersion().equals(pythonVersion) && cacheTag.startsWith("cpython-");
  }

  /** Runs the executable to learn its version, or empty when it does not run as Python. */
  static Optional<PythonInterpreter> probe(String executable) {
    try {
      Process p =
          new ProcessBuilder(executable, "-S", "-s", "-c", PROBE).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return Optional.empty();
      }
      String[] parts = out.split("\\s+");
      if (parts.length != 3 || !parts[0].matches("\\d+\\.\\d+\\.\\d+")) {
        return Optional.empty();
      }
      return Optional.of(new PythonInterpreter(executable, parts[0], parts[1]));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
