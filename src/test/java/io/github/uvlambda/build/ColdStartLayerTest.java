package io.github.uvlambda.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.testing.MachineTools;
import io.github.uvlambda.testing.ReadOnlyDirectory;
import io.github.uvlambda.testing.RecordingLog;
import io.github.uvlambda.testing.TestProject;
import io.github.uvlambda.testing.TestWheel;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.wheel.FetchSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compileBytecode} and {@code excludeRuntimePackages} on whole layers: the zip opened, its
 * bytecode imported by the machine's CPython 3.11 from a directory nobody can write to.
 */
class ColdStartLayerTest {
  static final LambdaRuntime PY311 = new LambdaRuntime("3.11", Architecture.X86_64);

  @TempDir Path tmp;
  String python;
  final RecordingLog log = new RecordingLog();

  @BeforeEach
  void python311() {
    Optional<String> exe = MachineTools.python311();
    MachineTools.require(exe.isPresent(), "Python 3.11");
    python = exe.get();
  }

  static TestProject demo(Path dir, String value) {
    return new TestProject(dir)
        .add(
            "demo",
            "1.0",
            new TestWheel("demo", "1.0")
                .file("demo/__init__.py", "from demo.mod import twice\nVALUE = " + value + "\n")
                .file("demo/mod.py", "def twice(x):\n    return 2 * x\n")
                .file("demo/empty/__init__.py", "")
                .file("demo/py2_fixture.py", "print 'not python 3'\n")
                .file("demo/__pycache__/shipped.cpython-311.pyc", "shipped by the wheel")
                .file("demo/shipped.py", "X = 1\n"));
  }

  /** The layer of the project at {@code lambdas}, built with these options. */
  LayerBuilder.Result build(Path lambdas, Path cache, Path output, LayerOptions options) {
    return new LayerBuilder(log, options).build(request(lambdas, cache, output));
  }

  LayerBuilder.Request request(Path lambdas, Path cache, Path output) {
    return new LayerBuilder.Request(
        "fn",
        LockFiles.prepare(lambdas, null, false, false, BuildLog.SILENT),
        "fn",
        Set.of(),
        PY311,
        output,
        ReproducibleZipWriter.DEFAULT_TIME,
        FetchSettings.direct(lambdas).withIndex(lambdas.resolve("index/simple").toUri().toString()),
        cache,
        LayerBuilder.Installer.JAVA,
        null,
        "test");
  }

  LayerOptions bytecode() {
    return new LayerOptions(true, python, false);
  }

  static Map<String, byte[]> entries(Path zip) throws IOException {
    Map<String, byte[]> out = new java.util.TreeMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (ZipEntry e : Collections.list(z.entries())) {
        out.put(e.getName(), z.getInputStream(e).readAllBytes());
      }
    }
    return out;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  static Path unzip(Path zip, Path dir) throws IOException {
    for (Map.Entry<String, byte[]> e : entries(zip).entrySet()) {
      Path t = dir.resolve(e.getKey());
      Files.createDirectories(t.getParent());
      Files.write(t, e.getValue());
    }
    return dir;
  }

  @Test
  void theLayerWithBytecodeIsByteIdenticalFromTwoCheckoutsAndTwoCaches() throws Exception {
    Path a = demo(tmp.resolve("a/lambdas"), "1").write();
    Path b = tmp.resolve("b/lambdas");
    copyTree(a, b);
    Path zipA = tmp.resolve("outA/deps.zip");
    Path zipB = tmp.resolve("outB/deps.zip");
    build(a, tmp.resolve("cacheA"), zipA, bytecode());
    build(b, tmp.resolve("cacheB"), zipB, bytecode());

    assertThat(Files.readAllBytes(zipB)).isEqualTo(Files.readAllBytes(zipA));
    Map<String, byte[]> e = entries(zipA);
    assertThat(e)
        .containsKeys(
            "python/demo/__pycache__/__init__.cpython-311.pyc",
            "python/demo/__pycache__/mod.cpython-311.pyc",
            "python/demo/empty/__pycache__/__init__.cpython-311.pyc")
        .doesNotContainKey("python/demo/__pycache__/py2_fixture.cpython-311.pyc");
    // The wheel's own .pyc is kept as shipped, not compiled again.
    assertThat(
            new String(
                e.get("python/demo/__pycache__/shipped.cpython-311.pyc"), StandardCharsets.UTF_8))
        .isEqualTo("shipped by the wheel");
    assertThat(log.lines())
        .anyMatch(
            l -> l.contains("bytecode for 3 of 5 Python files") && l.contains("CPython 3.11"));
  }

  /** Imports demo with -B and counts the modules Python had to compile from source. */
  String importCounting(Path layerPython) throws Exception {
    String script =
        String.join(
            "\n",
            "import sys, importlib._bootstrap_external as be",
            "compiled = []",
            "original = be.SourceLoader.source_to_code",
            "def counting(self, data, path, *args, **kwargs):",
            "    compiled.append(path)",
            "    return original(self, data, path, *args, **kwargs)",
            "be.SourceLoader.source_to_code = counting",
            "sys.path.insert(0, sys.argv[1])",
            "import demo",
            "from_layer = [p for p in compiled if p.startswith(sys.argv[1])]",
            "print('value', demo.VALUE, demo.twice(21), 'compiled', len(from_layer), sys.flags.dont_write_bytecode)");
    Process p =
        new ProcessBuilder(python, "-B", "-S", "-c", script, layerPython.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void pythonImportsTheShippedBytecodeFromAReadOnlyCopy() throws Exception {
    Path lambdas = demo(tmp.resolve("lambdas"), "7").write();
    Path with = tmp.resolve("with/deps.zip");
    Path without = tmp.resolve("without/deps.zip");
    build(lambdas, tmp.resolve("cache"), with, bytecode());
    build(lambdas, tmp.resolve("cache"), without, LayerOptions.NONE);

    try (ReadOnlyDirectory compiled = ReadOnlyDirectory.of(unzip(with, tmp.resolve("opt-with")));
        ReadOnlyDirectory plain =
            ReadOnlyDirectory.of(unzip(without, tmp.resolve("opt-without")))) {
      assertThat(importCounting(compiled.path().resolve("python")))
          .isEqualTo("value 7 42 compiled 0 1");
      // The same check sees compilation when there is no bytecode: the counter counts.
      assertThat(importCounting(plain.path().resolve("python")))
          .isEqualTo("value 7 42 compiled 2 1");
    }
  }

  @Test
  void bytecodeIsPartOfTheFingerprintAndAChangedSourceMakesANewLayer() throws Exception {
    Path lambdas = demo(tmp.resolve("lambdas"), "1").write();
    Path out = tmp.resolve("out/deps.zip");
    Path cache = tmp.resolve("cache");
    assertThat(build(lambdas, cache, out, LayerOptions.NONE).upToDate()).isFalse();
    LayerBuilder.Result first = build(lambdas, cache, out, bytecode());
    assertThat(first.upToDate()).isFalse();
    assertThat(build(lambdas, cache, out, bytecode()).upToDate()).isTrue();
    byte[] pycBefore = entries(out).get("python/demo/__pycache__/__init__.cpython-311.pyc");

    demo(lambdas, "2").write();
    LayerBuilder.Result changed = build(lambdas, cache, out, bytecode());
    assertThat(changed.upToDate()).isFalse();
    assertThat(changed.codeSha256()).isNotEqualTo(first.codeSha256());
    assertThat(entries(out).get("python/demo/__pycache__/__init__.cpython-311.pyc"))
        .isNotEqualTo(pycBefore);
    try (ReadOnlyDirectory ro = ReadOnlyDirectory.of(unzip(out, tmp.resolve("opt")))) {
      assertThat(importCounting(ro.path().resolve("python"))).isEqualTo("value 2 42 compiled 0 1");
    }
  }

  @Test
  void aMissingInterpreterIsAClearErrorAndNothingIsWritten() throws Exception {
    Path lambdas = demo(tmp.resolve("lambdas"), "1").write();
    Path out = tmp.resolve("out/deps.zip");
    assertThatThrownBy(
            () ->
                build(
                    lambdas,
                    tmp.resolve("cache"),
                    out,
                    new LayerOptions(true, tmp.resolve("no/python3.11").toString(), false)))
        .hasMessageContaining("<pythonExecutable>")
        .hasMessageContaining("no/python3.11")
        .hasMessageContaining("python3.11");
    assertThat(out).doesNotExist();
  }

  @Test
  void runtimeExclusionDropsTheRuntimesOwnSdkAndKeepsANewerPin() throws Exception {
    LayerOptions exclude = new LayerOptions(false, null, true);
    Path own = RuntimePackageExclusionTest.sdk(tmp.resolve("own"), "1.27.1", "1.30.1").write();
    Path ownZip = tmp.resolve("own-out/deps.zip");
    build(own, tmp.resolve("cache"), ownZip, exclude);
    Set<String> ownEntries = entries(ownZip).keySet();
    assertThat(ownEntries)
        .noneMatch(n -> n.startsWith("python/boto3") || n.startsWith("python/botocore"));
    assertThat(ownEntries)
        .contains("python/s3transfer/__init__.py", "python/urllib3/__init__.py", "python/six.py");
    assertThat(log.lines())
        .anyMatch(
            l ->
                l.equals(
                    "INFO fn: boto3 1.27.1 left out of the layer: python3.11 provides 1.27.1 (source: aws-runtimes-2023)"));

    Path newer =
        RuntimePackageExclusionTest.sdk(tmp.resolve("newer"), "1.43.107", "1.43.107").write();
    Path newerZip = tmp.resolve("newer-out/deps.zip");
    build(newer, tmp.resolve("cache"), newerZip, exclude);
    assertThat(entries(newerZip))
        .containsKeys("python/boto3/__init__.py", "python/botocore/__init__.py");
    assertThat(log.lines())
        .anyMatch(
            l ->
                l.startsWith(
                    "INFO fn: boto3 1.43.107 stays in the layer: uv.lock pins it newer than python3.11's 1.27.1"));
  }

  @Test
  void bothStepsWorkOnWhatInstallerUvProduces() throws Exception {
    // installer=uv yields a `pip install --target` folder; the machine's real pip makes one here.
    TestProject p = RuntimePackageExclusionTest.sdk(tmp.resolve("lambdas"), "1.27.1", "1.30.1");
    Path lambdas = p.write();
    Path target = tmp.resolve("target");
    String out =
        MachineTools.run(
            List.of(
                python,
                "-m",
                "pip",
                "install",
                "--isolated",
                "--no-index",
                "--no-compile",
                "--find-links",
                p.index().resolve("files").toString(),
                "--target",
                target.toString(),
                "boto3==1.27.1"));
    assertThat(out).as("pip install --target").isNotNull();
    LayerBuilder.Request r = request(lambdas, tmp.resolve("cache"), tmp.resolve("out/deps.zip"));
    try (LayerContents installed = TargetFolder.read(target, LayerBuilder.PREFIX, () -> {})) {
      LayerContents tuned =
          new LayerTuning(r, new LayerOptions(true, python, true), log).apply(installed);
      Set<String> names = new java.util.TreeSet<>();
      tuned.entries().forEach(e -> names.add(e.name()));
      assertThat(names)
          .noneMatch(n -> n.startsWith("python/boto3") || n.startsWith("python/botocore"));
      assertThat(names)
          .contains(
              "python/urllib3/__init__.py",
              "python/urllib3/__pycache__/__init__.cpython-311.pyc",
              "python/six.py",
              "python/__pycache__/six.cpython-311.pyc");
    }
  }

  @Test
  void withoutTheOptionsTheLayerIsWhatTheLockInstalls() throws Exception {
    Path own = RuntimePackageExclusionTest.sdk(tmp.resolve("own"), "1.27.1", "1.30.1").write();
    Path zip = tmp.resolve("out/deps.zip");
    build(own, tmp.resolve("cache"), zip, LayerOptions.NONE);
    List<String> names = new ArrayList<>(entries(zip).keySet());
    assertThat(names).contains("python/boto3/__init__.py", "python/botocore/__init__.py");
    assertThat(names).noneMatch(n -> n.endsWith(".pyc"));
  }
}
