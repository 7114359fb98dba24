package io.github.uvlambda.realworld;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.backend.LocalPackages;
import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.pep.WheelFilename;
import io.github.uvlambda.testing.MachineTools;
import io.github.uvlambda.uv.ExportOptions;
import io.github.uvlambda.uv.ExportedPackage;
import io.github.uvlambda.uv.LockChecker;
import io.github.uvlambda.uv.LockExporter;
import io.github.uvlambda.uv.LockReader;
import io.github.uvlambda.uv.PackageId;
import io.github.uvlambda.uv.PyProject;
import io.github.uvlambda.uv.UvLock;
import io.github.uvlambda.wheel.SelectedWheel;
import io.github.uvlambda.wheel.TargetTags;
import io.github.uvlambda.wheel.WheelCache;
import io.github.uvlambda.wheel.WheelSelector;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real public uv workspace for Lambda whose functions share a library (see SOURCE.md of
 * src/test/resources/real/bayashi-uv-workspace-lambda).
 */
class RealWorkspaceTest {
  static final Path ROOT =
      Path.of("src/test/resources/real/bayashi-uv-workspace-lambda").toAbsolutePath();
  private static final LambdaRuntime X86_313 = new LambdaRuntime("3.13", Architecture.X86_64);

  @TempDir Path tmp;

  private static PyProject pyproject() {
    return PyProject.read(ROOT.resolve("pyproject.toml"));
  }

  private static UvLock lock() {
    return new LockReader(BuildLog.SILENT).read(ROOT.resolve("uv.lock"));
  }

  private static List<ExportedPackage> export(LambdaRuntime runtime) {
    return new LockExporter()
        .export(
            pyproject(),
            lock(),
            ExportOptions.forLayer(null, Set.of()),
            runtime.markerEnvironment());
  }

  @Test
  void theLockUvWroteIsUpToDateWithMembersFoundOnDisk() {
    assertThat(new LockChecker().differences(pyproject(), lock())).isEmpty();
  }

  @Test
  void theRootsDependenciesExportTheSharedMembersAsEditablesWithoutTheRoot() {
    List<String> lines = LockExporter.lines(export(X86_313));
    assertThat(lines.subList(0, 3))
        .containsExactly(
            "-e ./packages/example-common",
            "-e ./packages/example-lambda-a",
            "-e ./packages/example-lambda-b");
    assertThat(lines).contains("boto3==1.40.31", "httpx==0.28.1").noneMatch(l -> l.equals("-e ."));
  }

  @Test
  void membersAreBuiltByUvBuildRulesAndEveryWheelIsSelectedForBothArchitectures()
      throws IOException {
    List<ExportedPackage> exported = export(X86_313);
    Map<PackageId, SelectedWheel> built =
        new LocalPackages(ROOT, tmp.resolve("cache"), null, BuildLog.SILENT)
            .build(exported, "the project's dependencies");
    assertThat(built).hasSize(3);
    Map<String, byte[]> common = wheel(built, "example-common");
    assertThat(common.keySet())
        .containsExactlyInAnyOrder(
            "example_common/__init__.py",
            "example_common/py.typed",
            "example_common-0.1.0.dist-info/METADATA",
            "example_common-0.1.0.dist-info/WHEEL",
            "example_common-0.1.0.dist-info/RECORD");
    assertThat(
            new String(
                common.get("example_common-0.1.0.dist-info/METADATA"), StandardCharsets.UTF_8))
        .contains(
            "Name: example-common\n",
            "Requires-Python: >=3.13\n",
            "Requires-Dist: pydantic>=2.11.9\n");
    assertThat(new String(common.get("example_common/__init__.py"), StandardCharsets.UTF_8))
        .isEqualTo(
            Files.readString(
                ROOT.resolve("packages/example-common/src/example_common/__init__.py")));

    for (Architecture arch : Architecture.values()) {
      LambdaRuntime runtime = new LambdaRuntime("3.13", arch);
      List<SelectedWheel> selected =
          new WheelSelector(new TargetTags(runtime))
              .selectAll(export(runtime), "the project's dependencies", built);
      assertThat(selected).hasSize(export(runtime).size());
    }
  }

  private Map<String, byte[]> wheel(Map<PackageId, SelectedWheel> built, String name)
      throws IOException {
    SelectedWheel w =
        built.values().stream()
            .filter(s -> s.lockPackage().name().value().equals(name))
            .findFirst()
            .orElseThrow();
    Path file =
        new WheelCache(tmp.resolve("cache"))
            .lookup(w.sha256(), w.filename().filename())
            .orElseThrow();
    Map<String, byte[]> out = new java.util.TreeMap<>();
    try (var z = new java.util.zip.ZipFile(file.toFile())) {
      for (var e : java.util.Collections.list(z.entries())) {
        out.put(e.getName(), z.getInputStream(e).readAllBytes());
      }
    }
    return out;
  }

  @Test
  void theBuiltMembersImportInPython311() throws Exception {
    var python = MachineTools.python311();
    var index = MachineTools.mirrorWith("pydantic", "pydantic-core", "httpx", "boto3");
    MachineTools.require(
        python.isPresent() && index.isPresent(),
        "python3.11 and a local PyPI mirror with pydantic, httpx, boto3");
    Map<PackageId, SelectedWheel> built =
        new LocalPackages(ROOT, tmp.resolve("cache"), null, BuildLog.SILENT)
            .build(export(X86_313), "g");
    Path site = tmp.resolve("site");
    for (String member : List.of("example-common", "example-lambda-a", "example-lambda-b")) {
      unzip(wheel(built, member), site);
    }
    // The members' own dependencies, in the versions the offline mirror has (see SOURCE.md).
    for (String dep :
        List.of(
            "pydantic",
            "pydantic-core",
            "annotated-types",
            "typing-extensions",
            "typing-inspection",
            "httpx",
            "httpcore",
            "h11",
            "anyio",
            "idna",
            "certifi",
            "sniffio",
            "boto3",
            "botocore",
            "jmespath",
            "s3transfer",
            "urllib3",
            "python-dateutil",
            "six")) {
      unzip(mirrorWheel(index.get(), dep, dep.equals("pydantic-core") ? "2.46.5" : ""), site);
    }
    String script =
        "import sys; sys.path.insert(0, sys.argv[1])\n"
            + "import importlib.metadata as m, example_common, example_lambda_a, example_lambda_b\n"
            + "assert example_common.__file__.startswith(sys.argv[1])\n"
            + "print(example_common.ExampleDto(message='hi').model_dump_json(), m.version('example-common'),"
            + " sorted(m.requires('example-lambda-a')))\n";
    Process p =
        new ProcessBuilder(python.get(), "-S", "-c", script, site.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).isEqualTo("{\"message\":\"hi\"} 0.1.0 ['boto3>=1.40.31', 'example-common']");
  }

  private static void unzip(Map<String, byte[]> entries, Path dir) throws IOException {
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      Path target = dir.resolve(e.getKey()).normalize();
      assertThat(target.startsWith(dir)).isTrue();
      Files.createDirectories(target.getParent());
      Files.write(target, e.getValue());
    }
  }

  private static void unzip(Path wheel, Path dir) throws IOException {
    Map<String, byte[]> entries = new java.util.TreeMap<>();
    try (var z = new java.util.zip.ZipFile(wheel.toFile())) {
      for (var e : java.util.Collections.list(z.entries())) {
        if (!e.isDirectory()) {
          entries.put(e.getName(), z.getInputStream(e).readAllBytes());
        }
      }
    }
    unzip(entries, dir);
  }

  /**
   * The newest wheel of a package on a file:// simple index that python3.11/x86_64 can use, of the
   * given version when one is given (pydantic requires one exact pydantic-core).
   */
  private static Path mirrorWheel(String index, String name, String version) throws IOException {
    URI page = URI.create(index.endsWith("/") ? index : index + "/").resolve(name + "/");
    String html = Files.readString(Path.of(page.resolve("index.html")));
    Matcher m = Pattern.compile("href=\"([^\"#]+\\.whl)[^\"]*\"").matcher(html);
    List<String> candidates = new ArrayList<>();
    while (m.find()) {
      String file = m.group(1).substring(m.group(1).lastIndexOf('/') + 1);
      WheelFilename w = WheelFilename.parse(file);
      boolean usable =
          w.tags().stream()
              .anyMatch(
                  t ->
                      t.toString().endsWith("-none-any")
                          || (t.toString().startsWith("cp311-cp311-")
                              && t.toString().contains("x86_64")));
      if (usable && (version.isEmpty() || w.version().equals(version))) {
        candidates.add(m.group(1));
      }
    }
    assertThat(candidates).as("wheels of " + name + " on " + index).isNotEmpty();
    candidates.sort(null);
    return Path.of(page.resolve(candidates.get(candidates.size() - 1)));
  }
}
