package io.github.uvlambda.uv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The command lines given to a real uv, checked against what uv accepts: the list of {@code
 * --python-platform} values comes from uv's own source, and the options of each command from uv's
 * CLI reference (see the resource files), not from this plugin.
 */
class UvCommandsTest {
  private static final Pattern MANYLINUX = Pattern.compile("(x86_64|aarch64)-manylinux_2_(\\d+)");

  static List<String> uvPythonPlatforms() throws IOException {
    try (InputStream in = UvCommandsTest.class.getResourceAsStream("/uv/python-platforms.txt")) {
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
      return out;
    }
  }

  static List<LambdaRuntime> lambdaRuntimes() {
    List<LambdaRuntime> out = new ArrayList<>();
    for (String py : LambdaRuntime.PYTHON_VERSIONS) {
      for (Architecture a : Architecture.values()) {
        out.add(new LambdaRuntime(py, a));
      }
    }
    return out;
  }

  /** {@code cli-options.txt}: section name (the command, or "command --option") to its entries. */
  static Map<String, Set<String>> uvOptions() throws IOException {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    try (InputStream in = UvCommandsTest.class.getResourceAsStream("/uv/cli-options.txt")) {
      Set<String> current = null;
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String entry = line.replaceFirst("\\s*#.*", "").strip();
        if (entry.startsWith("[")) {
          current = new TreeSet<>();
          out.put(entry.substring(1, entry.length() - 1), current);
        } else if (!entry.isEmpty()) {
          current.add(entry);
        }
      }
    }
    return out;
  }

  /** Every option of a command line (the part before any '='), after the subcommand's words. */
  private static List<String> optionsOf(List<String> argv) {
    return argv.stream().filter(a -> a.startsWith("-")).map(a -> a.split("=", 2)[0]).toList();
  }

  private static String argumentAfter(List<String> argv, String flag) {
    return argv.get(argv.indexOf(flag) + 1);
  }

  @Test
  void everyLambdaRuntimeGetsAPythonPlatformUvAccepts() throws IOException {
    List<String> accepted = uvPythonPlatforms();
    for (LambdaRuntime runtime : lambdaRuntimes()) {
      List<String> argv = UvCommands.pipInstall(Path.of("req.txt"), runtime, Path.of("target"));
      assertThat(argumentAfter(argv, "--python-platform")).as("%s", runtime).isIn(accepted);
      assertThat(argumentAfter(argv, "--python-version")).isEqualTo(runtime.pythonVersion());
    }
  }

  /**
   * The target is the newest manylinux uv offers that the runtime's glibc can run: never newer (uv
   * would pick wheels that fail to load), and not older than it has to be.
   */
  @Test
  void thePlatformIsTheNewestUvTargetTheRuntimesGlibcRuns() throws IOException {
    List<String> accepted = uvPythonPlatforms();
    for (LambdaRuntime runtime : lambdaRuntimes()) {
      String arch = runtime.architecture().platformMachine();
      int newestRunnable = -1;
      for (String value : accepted) {
        Matcher m = MANYLINUX.matcher(value);
        if (m.matches() && m.group(1).equals(arch)) {
          int minor = Integer.parseInt(m.group(2));
          if (minor <= runtime.glibcMinor()) {
            newestRunnable = Math.max(newestRunnable, minor);
          }
        }
      }
      assertThat(PythonPlatform.forRuntime(runtime).value())
          .as("%s (glibc 2.%d)", runtime, runtime.glibcMinor())
          .isEqualTo(arch + "-manylinux_2_" + newestRunnable);
    }
  }

  @Test
  void amazonLinux2RuntimesGetManylinux217AndAl2023RuntimesManylinux234() {
    assertThat(PythonPlatform.forRuntime(new LambdaRuntime("3.11", Architecture.X86_64)).value())
        .isEqualTo("x86_64-manylinux_2_17");
    assertThat(PythonPlatform.forRuntime(new LambdaRuntime("3.10", Architecture.ARM64)).value())
        .isEqualTo("aarch64-manylinux_2_17");
    assertThat(PythonPlatform.forRuntime(new LambdaRuntime("3.12", Architecture.ARM64)).value())
        .isEqualTo("aarch64-manylinux_2_34");
    assertThat(PythonPlatform.forRuntime(new LambdaRuntime("3.14", Architecture.X86_64)).value())
        .isEqualTo("x86_64-manylinux_2_34");
  }

  @Test
  void theExportNamesTheGroupAndEveryExcludedPackageInOrder() {
    List<String> argv =
        UvCommands.export("fn", Set.of("zeta", "aws-lambda-powertools"), Path.of("r.txt"));
    assertThat(argv)
        .containsSubsequence("--group", "fn")
        .containsSubsequence(
            "--no-emit-package", "aws-lambda-powertools", "--no-emit-package", "zeta")
        .contains("--frozen", "--no-emit-project", "--no-default-groups")
        .endsWith("-o", "r.txt");
    assertThat(UvCommands.export(null, Set.of(), Path.of("r.txt"))).doesNotContain("--group");
  }

  /**
   * Each option of each command line the plugin gives uv is one uv documents for that command, and
   * the export format is one of its values. The "hidden" ones in the list are declared by uv's
   * source without appearing in the reference.
   */
  @Test
  void everyOptionOfEveryCommandLineIsOneUvHasForThatCommand() throws IOException {
    Map<String, Set<String>> uv = uvOptions();
    LambdaRuntime runtime = new LambdaRuntime("3.12", Architecture.ARM64);
    Path wheel = Path.of("common-0.1.0-py3-none-any.whl");
    Map<String, List<List<String>>> commands =
        Map.of(
            "lock", List.of(UvCommands.lock(true), UvCommands.lock(false)),
            "export",
                List.of(
                    UvCommands.export("fn", Set.of("common", "boto3"), Path.of("r.txt")),
                    UvCommands.export(null, Set.of(), Path.of("r.txt"))),
            "pip install",
                List.of(
                    UvCommands.pipInstall(Path.of("r.txt"), runtime, Path.of("t")),
                    UvCommands.pipInstallWheels(List.of(wheel), runtime, Path.of("t"))),
            "build", List.of(UvCommands.buildWheel(Path.of("out"), Path.of("libs/common"))));
    commands.forEach(
        (command, lines) -> {
          assertThat(uv).containsKey(command);
          for (List<String> argv : lines) {
            assertThat(String.join(" ", argv) + " ").startsWith(command + " ");
            assertThat(optionsOf(argv)).as("%s", argv).isSubsetOf(uv.get(command));
          }
        });
    assertThat(argumentAfter(UvCommands.export("fn", Set.of(), Path.of("r.txt")), "--format"))
        .isIn(uv.get("export --format"));
  }

  /**
   * The local packages' wheels are installed without resolving (their dependencies came with the
   * export), without an index, for the same platform and into the same folder as the export.
   */
  @Test
  void theLocalWheelsGoIntoTheSameTargetWithoutDependenciesOrIndex() {
    LambdaRuntime runtime = new LambdaRuntime("3.11", Architecture.X86_64);
    List<Path> wheels = List.of(Path.of("/c/common-0.1.0-py3-none-any.whl"), Path.of("/c/b.whl"));
    List<String> install = UvCommands.pipInstallWheels(wheels, runtime, Path.of("t"));
    List<String> export = UvCommands.pipInstall(Path.of("r.txt"), runtime, Path.of("t"));
    assertThat(install).contains("--no-deps", "--no-index").doesNotContain("-r", "--editable");
    assertThat(install).endsWith("/c/common-0.1.0-py3-none-any.whl", "/c/b.whl");
    for (String flag : List.of("--python-platform", "--python-version", "--target")) {
      assertThat(argumentAfter(install, flag)).isEqualTo(argumentAfter(export, flag));
    }
    assertThat(install).contains("--no-installer-metadata", "--no-compile-bytecode");
  }
}
