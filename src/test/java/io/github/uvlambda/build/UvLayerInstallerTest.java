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
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.uv.UvExecutable;
import io.github.uvlambda.wheel.FetchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code installer=uv}. uv itself is not installed on the build machines, so what is tested here is
 * the part that does not need it: turning a {@code pip install --target} folder — made by the real
 * pip of the machine's Python 3.11 from the same wheels — into the layer, and checking the tags of
 * what was installed. The command lines are checked against uv's own list in {@code
 * UvCommandsTest}.
 */
class UvLayerInstallerTest {
  @TempDir Path tmp;

  private static final LambdaRuntime X86_311 = new LambdaRuntime("3.11", Architecture.X86_64);

  private static List<TestWheel> wheels() {
    return List.of(
        new TestWheel("demo", "1.0")
            .file("demo/__init__.py", "VALUE = 1\n")
            .file("demo/sub/data.txt", "payload\n")
            .file("demo-1.0.data/purelib/demo_extra.py", "EXTRA = 2\n"),
        new TestWheel("other-pkg", "2.0").file("other_pkg/__init__.py", "X = 'x' * 100\n"));
  }

  private LayerBuilder.Request request(TestProject p, Path lambdas, String name) {
    return new LayerBuilder.Request(
        "fn",
        LockFiles.prepare(lambdas, null, false, false, BuildLog.SILENT),
        "fn",
        Set.of(),
        X86_311,
        tmp.resolve(name),
        ReproducibleZipWriter.DEFAULT_TIME,
        FetchSettings.direct(lambdas).withIndex(p.indexUrl()),
        tmp.resolve("cache"),
        LayerBuilder.Installer.JAVA,
        null,
        "test");
  }

  @Test
  void aRealPipTargetFolderBecomesTheSameLayerAsTheJavaInstallerBuilds() throws IOException {
    String python = MachineTools.python311().orElse(null);
    MachineTools.require(python != null, "Python 3.11 with pip");
    TestProject p = new TestProject(tmp.resolve("lambdas"));
    Path wheelDir = tmp.resolve("wheels");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                python,
                "-m",
                "pip",
                "install",
                "--isolated",
                "--no-index",
                "--no-compile",
                "--find-links",
                wheelDir.toString(),
                "--target",
                tmp.resolve("target").toString()));
    for (TestWheel w : wheels()) {
      w.writeTo(wheelDir);
    }
    p.add("demo", "1.0", wheels().get(0)).add("other-pkg", "2.0", wheels().get(1));
    cmd.addAll(List.of("demo==1.0", "other-pkg==2.0"));
    assertThat(MachineTools.run(cmd)).as("pip install --target").isNotNull();
    Path lambdas = p.write();
    LayerBuilder.Result java =
        new LayerBuilder(BuildLog.SILENT).build(request(p, lambdas, "j.zip"));

    try (LayerContents fromPip =
        TargetFolder.read(tmp.resolve("target"), LayerBuilder.PREFIX, () -> {})) {
      Set<String> pipNames = new TreeSet<>();
      fromPip.entries().stream()
          .map(LayerEntry::name)
          // pip writes its own installer metadata; uv is run with --no-installer-metadata
          .filter(n -> !n.matches(".*\\.dist-info/(INSTALLER|REQUESTED|direct_url\\.json)"))
          .forEach(pipNames::add);
      assertThat(pipNames)
          .isEqualTo(new TreeSet<>(LayerBuilderTest.entries(java.zip()).keySet()))
          .contains("python/demo_extra.py", "python/demo/sub/data.txt");
      assertThat(fromPip.packageSizes())
          .extracting(LayerReport.PackageSize::name, LayerReport.PackageSize::version)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("demo", "1.0"),
              org.assertj.core.groups.Tuple.tuple("other-pkg", "2.0"));
      assertThat(fromPip.entries())
          .filteredOn(e -> e.name().equals("python/other_pkg/__init__.py"))
          .singleElement()
          .satisfies(e -> assertThat(e.packageName()).isEqualTo("other-pkg"));
    }
  }

  @Test
  void aWheelTheRuntimeCannotLoadIsRefusedWhateverUvChose() throws IOException {
    Path target = tmp.resolve("target");
    writeDistInfo(target, "native_ext", "1.0", "cp311-cp311-manylinux_2_28_x86_64");
    LayerBuilder.Request r = request(new TestProject(tmp.resolve("p")), emptyProject(), "x.zip");
    assertThatThrownBy(() -> UvLayerInstaller.checkTags(r, target))
        .isInstanceOf(UvLambdaException.class)
        .hasMessageContaining("native-ext 1.0")
        .hasMessageContaining("cp311-cp311-manylinux_2_28_x86_64")
        .hasMessageContaining("python3.11/x86_64");
  }

  @Test
  void manylinux2014AndCompressedTagSetsPassTheTagCheck() throws IOException {
    Path target = tmp.resolve("target");
    writeDistInfo(target, "a", "1.0", "cp311-cp311-manylinux_2_17_x86_64");
    writeDistInfo(target, "b", "1.0", "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64");
    writeDistInfo(target, "c", "1.0", "py3-none-any");
    LayerBuilder.Request r = request(new TestProject(tmp.resolve("p")), emptyProject(), "x.zip");
    UvLayerInstaller.checkTags(r, target);
  }

  @Test
  void withoutAUvExecutableInstallerUvIsAClearError() throws IOException {
    LayerBuilder.Request java = request(new TestProject(tmp.resolve("p")), emptyProject(), "x.zip");
    LayerBuilder.Request uv =
        new LayerBuilder.Request(
            java.label(),
            java.lockFiles(),
            java.dependencyGroup(),
            java.excludePackages(),
            java.runtime(),
            java.output(),
            java.timestamp(),
            java.fetch(),
            java.cacheRoot(),
            LayerBuilder.Installer.UV,
            null,
            java.pluginVersion());
    assertThatThrownBy(() -> new LayerBuilder(BuildLog.SILENT).build(uv))
        .isInstanceOf(UvLambdaException.class)
        .hasMessageContaining("<installer> is uv")
        .hasMessageContaining("<uvExecutable>");
    assertThat(tmp.resolve("x.zip")).doesNotExist();
  }

  @Test
  void aConfiguredUvThatIsNotExecutableIsAClearError() {
    assertThatThrownBy(() -> UvExecutable.find(tmp.resolve("nope").toString()))
        .isInstanceOf(UvLambdaException.class)
        .hasMessageContaining("<uvExecutable>");
  }

  private Path emptyProject() throws IOException {
    return new TestProject(tmp.resolve("empty")).write();
  }

  private static void writeDistInfo(Path target, String name, String version, String tag)
      throws IOException {
    Path info = target.resolve(name + "-" + version + ".dist-info");
    Files.createDirectories(info);
    Files.writeString(info.resolve("WHEEL"), "Wheel-Version: 1.0\nTag: " + tag + "\n");
    Files.writeString(info.resolve("METADATA"), "Name: " + name + "\nVersion: " + version + "\n");
  }
}
