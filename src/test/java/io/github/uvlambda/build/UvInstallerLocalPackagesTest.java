package io.github.uvlambda.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.testing.MachineTools;
import io.github.uvlambda.testing.TestProject;
import io.github.uvlambda.testing.TestWheel;
import io.github.uvlambda.testing.UvTestDouble;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.uv.UvExecutable;
import io.github.uvlambda.wheel.FetchSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code installer=uv} with local packages: a workspace member Java builds and a path dependency
 * only its own backend can build. uv is not installed here, so uv is a TEST DOUBLE ({@link
 * UvTestDouble}): the machine's real pip installs into the {@code --target} folder, and its export
 * is what uv exports for the group minus what the command line leaves out. What is checked is the
 * layer: each local package exactly once, as a normal install, importable by python3.11, and the
 * same files the Java installer lays out.
 */
class UvInstallerLocalPackagesTest {
  @TempDir Path tmp;

  private static final LambdaRuntime X86_311 = new LambdaRuntime("3.11", Architecture.X86_64);

  private TestProject project;
  private UvTestDouble uv;

  @BeforeEach
  void workspace() throws IOException {
    String python = MachineTools.python311().orElse(null);
    String mirror = MachineTools.mirrorWith("setuptools", "wheel").orElse(null);
    MachineTools.require(
        python != null && mirror != null, "python3.11 and a local PyPI mirror with setuptools");
    // fn: the member common (which needs alpha), the path package legacy and beta; other: beta.
    project =
        new TestProject(tmp.resolve("lambdas"))
            .addTransitive(
                "alpha", "1.0", new TestWheel("alpha", "1.0").file("alpha/__init__.py", "A = 1\n"))
            .addTransitive("beta", "2.0", new TestWheel("beta", "2.0").file("beta.py", "B = 2\n"))
            .member("common", "0.1.0", "libs/common", "alpha")
            .directory("legacy", "3.2.1", "libs/legacy")
            .inFn("common")
            .inFn("legacy")
            .group("other", "beta");
    Path dir = project.write();
    write(
        dir.resolve("libs/common/pyproject.toml"),
        "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n"
            + "[project]\nname = \"common\"\nversion = \"0.1.0\"\ndependencies = [\"alpha\"]\n");
    write(dir.resolve("libs/common/src/common/__init__.py"), "TABLE = 'orders'\n");
    // setup.py with logic: Java leaves it to the real backend (`uv build --wheel`).
    write(
        dir.resolve("libs/legacy/pyproject.toml"),
        "[build-system]\nrequires = [\"setuptools>=70\"]\nbuild-backend = \"setuptools.build_meta\"\n\n"
            + "[project]\nname = \"legacy\"\ndynamic = [\"version\"]\n");
    write(
        dir.resolve("libs/legacy/setup.py"),
        "import pathlib\nfrom setuptools import setup\n"
            + "setup(version=pathlib.Path(__file__).with_name('VERSION').read_text().strip(),"
            + " py_modules=['legacy'])\n");
    write(dir.resolve("libs/legacy/VERSION"), "3.2.1\n");
    write(dir.resolve("libs/legacy/legacy.py"), "VALUE = 42\n");

    uv = UvTestDouble.create(tmp.resolve("uv"), python, project.index().resolve("files"), mirror);
    JavaLayerInstaller java = new JavaLayerInstaller(BuildLog.SILENT);
    for (String group : List.of("fn", "other")) {
      // What uv exports for the group: the Java export, which mirrors uv's (LockExporterTest).
      uv.exports(group, java.export(request(group, LayerBuilder.Installer.JAVA, null)));
    }
  }

  private LayerBuilder.Request request(
      String group, LayerBuilder.Installer installer, UvExecutable executable) {
    return new LayerBuilder.Request(
        group,
        LockFiles.prepare(project.dir(), null, false, false, BuildLog.SILENT),
        group,
        Set.of(),
        X86_311,
        tmp.resolve("target/" + installer + "/" + group + "/deps.zip"),
        ReproducibleZipWriter.DEFAULT_TIME,
        FetchSettings.direct(project.dir()).withIndex(project.indexUrl()),
        tmp.resolve("cache"),
        installer,
        executable,
        "test");
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void theLocalPackagesAreInTheLayerOnceAsNormalInstallsAndImport() throws Exception {
    Path zip =
        new LayerBuilder(BuildLog.SILENT)
            .build(request("fn", LayerBuilder.Installer.UV, uv.executable()))
            .zip();
    Map<String, String> entries = LayerBuilderTest.entries(zip);

    assertThat(entries)
        .containsKeys(
            "python/alpha/__init__.py",
            "python/common/__init__.py",
            "python/common-0.1.0.dist-info/METADATA",
            "python/legacy.py",
            "python/legacy-3.2.1.dist-info/METADATA")
        .doesNotContainKey("python/beta.py");
    assertThat(entries.keySet().stream().filter(n -> n.endsWith(".dist-info/METADATA")))
        .as("one installed distribution each")
        .containsExactlyInAnyOrder(
            "python/alpha-1.0.dist-info/METADATA",
            "python/common-0.1.0.dist-info/METADATA",
            "python/legacy-3.2.1.dist-info/METADATA");
    assertThat(entries.keySet())
        .as("no editable install, no installer metadata")
        .noneMatch(n -> n.endsWith(".pth") || n.contains("__editable__"))
        .noneMatch(n -> n.endsWith("/direct_url.json") || n.endsWith("/INSTALLER"));

    Path site = tmp.resolve("unzipped");
    for (Map.Entry<String, String> e : entries.entrySet()) {
      write(site.resolve(e.getKey()), e.getValue());
    }
    Process run =
        new ProcessBuilder(
                MachineTools.python311().orElseThrow(),
                "-I",
                "-c",
                "import sys; sys.path.insert(0, sys.argv[1]); import alpha, common, legacy;"
                    + " import importlib.metadata as m;"
                    + " print(common.TABLE, legacy.VALUE, m.version('common'),"
                    + " m.version('legacy'), common.__file__.startswith(sys.argv[1]))",
                site.resolve("python").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(run.waitFor()).as(out).isZero();
    assertThat(out).isEqualToIgnoringWhitespace("orders 42 0.1.0 3.2.1 True");
  }

  /**
   * Both installers give the layer the same files: uv installs the wheels the plugin builds, with
   * the dependencies of the local packages taken from uv's export.
   */
  @Test
  void theLayerHoldsTheSameFilesAsTheJavaInstallersLayer() throws IOException {
    LayerBuilder b = new LayerBuilder(BuildLog.SILENT);
    Path viaUv = b.build(request("fn", LayerBuilder.Installer.UV, uv.executable())).zip();
    Path viaJava = b.build(request("fn", LayerBuilder.Installer.JAVA, uv.executable())).zip();
    Map<String, String> fromUv = LayerBuilderTest.entries(viaUv);
    Map<String, String> fromJava = LayerBuilderTest.entries(viaJava);
    assertThat(fromUv.keySet()).isEqualTo(fromJava.keySet());
    for (String module : List.of("python/common/__init__.py", "python/legacy.py")) {
      assertThat(fromUv.get(module)).isEqualTo(fromJava.get(module));
    }
    // The two local packages were left out of uv's export and installed from their wheels.
    List<String> calls = uv.calls();
    assertThat(calls)
        .filteredOn(c -> c.startsWith("export "))
        .singleElement()
        .asString()
        .contains("--no-emit-package common", "--no-emit-package legacy");
    assertThat(calls)
        .filteredOn(c -> c.startsWith("pip install --no-deps "))
        .singleElement()
        .asString()
        .contains("common-0.1.0-py3-none-any.whl", "legacy-3.2.1-py3-none-any.whl");
  }

  @Test
  void aGroupWithoutLocalPackagesInstallsNoWheelsOfItsOwn() throws IOException {
    Path zip =
        new LayerBuilder(BuildLog.SILENT)
            .build(request("other", LayerBuilder.Installer.UV, uv.executable()))
            .zip();
    assertThat(LayerBuilderTest.entries(zip).keySet())
        .contains("python/beta.py")
        .noneMatch(n -> n.startsWith("python/common") || n.startsWith("python/legacy"));
    assertThat(uv.calls()).noneMatch(c -> c.startsWith("pip install --no-deps "));
  }

  /**
   * When uv exports a local package the plugin did not find in uv.lock (they disagree, e.g. the
   * lock is older than uv's view of the workspace), nothing is installed from that export.
   */
  @Test
  void aLocalPackageUvStillExportsIsRefusedBeforeAnyInstall() throws IOException {
    uv.exports("fn", "unlocked", "-e ./libs/unlocked");
    LayerBuilder.Request r = request("fn", LayerBuilder.Installer.UV, uv.executable());
    assertThatThrownBy(() -> new LayerBuilder(BuildLog.SILENT).build(r))
        .isInstanceOf(UvLambdaException.class)
        .hasMessageContaining("fn: `uv export` wrote -e ./libs/unlocked into requirements.txt");
    assertThat(uv.calls()).noneMatch(c -> c.startsWith("pip install"));
    assertThat(r.output()).doesNotExist();
  }
}
