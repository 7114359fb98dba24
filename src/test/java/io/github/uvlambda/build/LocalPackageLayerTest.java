package io.github.uvlambda.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.testing.LocalHttpServer;
import io.github.uvlambda.testing.MachineTools;
import io.github.uvlambda.testing.TestProject;
import io.github.uvlambda.testing.TestWheel;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.wheel.FetchSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workspace members in layers, through the whole layer build. */
class LocalPackageLayerTest {
  @TempDir Path tmp;

  private static final LambdaRuntime X86_311 = new LambdaRuntime("3.11", Architecture.X86_64);

  private LayerBuilder.Request request(Path lambdas, String group, FetchSettings fetch) {
    return new LayerBuilder.Request(
        group,
        LockFiles.prepare(lambdas, null, false, false, BuildLog.SILENT),
        group,
        Set.of(),
        X86_311,
        tmp.resolve("target/" + group + "/deps.zip"),
        ReproducibleZipWriter.DEFAULT_TIME,
        fetch,
        tmp.resolve("cache"),
        LayerBuilder.Installer.JAVA,
        null,
        "test");
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Group fn: alpha and the member common; group other: alpha only. */
  private TestProject workspace(String commonBackendToml) throws IOException {
    TestProject p =
        new TestProject(tmp.resolve("lambdas"))
            .add("alpha", "1.0", new TestWheel("alpha", "1.0").file("alpha/__init__.py", "A = 1\n"))
            .member("common", "0.1.0", "libs/common", "alpha")
            .inFn("common")
            .group("other", "alpha");
    p.write();
    Path member = p.dir().resolve("libs/common");
    write(member.resolve("pyproject.toml"), commonBackendToml);
    write(member.resolve("src/common/__init__.py"), "from .models import Order\n");
    write(member.resolve("src/common/models.py"), "class Order:\n    TABLE = 'orders'\n");
    write(member.resolve("src/common/py.typed"), "");
    return p;
  }

  private static final String HATCHLING_COMMON =
      "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n"
          + "[project]\nname = \"common\"\nversion = \"0.1.0\"\ndependencies = [\"alpha\"]\n";

  @Test
  void aWorkspaceMemberIsInTheLayersOfTheGroupsThatUseItAndImportsInPython() throws Exception {
    TestProject p = workspace(HATCHLING_COMMON);
    FetchSettings fetch = FetchSettings.direct(p.dir()).withIndex(p.indexUrl());
    LayerBuilder b = new LayerBuilder(BuildLog.SILENT);
    Path fn = b.build(request(p.dir(), "fn", fetch)).zip();
    Path other = b.build(request(p.dir(), "other", fetch)).zip();

    Map<String, String> entries = LayerBuilderTest.entries(fn);
    assertThat(entries)
        .containsKeys(
            "python/alpha/__init__.py",
            "python/common/__init__.py",
            "python/common/models.py",
            "python/common/py.typed",
            "python/common-0.1.0.dist-info/METADATA",
            "python/common-0.1.0.dist-info/RECORD");
    assertThat(LayerBuilderTest.entries(other)).doesNotContainKey("python/common/__init__.py");

    var python = MachineTools.python311();
    MachineTools.require(python.isPresent(), "python3.11");
    Path site = tmp.resolve("unzipped");
    for (Map.Entry<String, String> e : entries.entrySet()) {
      write(site.resolve(e.getKey()), e.getValue());
    }
    Process run =
        new ProcessBuilder(
                python.get(),
                "-c",
                "import sys; sys.path.insert(0, sys.argv[1]); import common, importlib.metadata as m;"
                    + " print(common.Order.TABLE, m.version('common'), m.requires('common'))",
                site.resolve("python").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(run.waitFor()).as(out).isZero();
    assertThat(out).isEqualTo("orders 0.1.0 ['alpha']");
  }

  @Test
  void editingTheMemberRebuildsExactlyTheLayersThatContainIt() throws IOException {
    TestProject p = workspace(HATCHLING_COMMON);
    FetchSettings fetch = FetchSettings.direct(p.dir()).withIndex(p.indexUrl());
    LayerBuilder b = new LayerBuilder(BuildLog.SILENT);
    b.build(request(p.dir(), "fn", fetch));
    b.build(request(p.dir(), "other", fetch));
    assertThat(b.build(request(p.dir(), "fn", fetch)).upToDate()).isTrue();

    write(
        p.dir().resolve("libs/common/src/common/models.py"),
        "class Order:\n    TABLE = 'orders-v2'\n");

    LayerBuilder.Result fn = b.build(request(p.dir(), "fn", fetch));
    assertThat(fn.upToDate()).isFalse();
    assertThat(LayerBuilderTest.entries(fn.zip()).get("python/common/models.py"))
        .contains("orders-v2");
    assertThat(b.build(request(p.dir(), "other", fetch)).upToDate()).isTrue();
  }

  @Test
  void aMemberJavaCannotBuildFailsWithoutUvBeforeAnyDownload() throws IOException {
    TestProject p =
        workspace(
            "[build-system]\nrequires = [\"setuptools\"]\nbuild-backend = \"setuptools.build_meta\"\n\n"
                + "[project]\nname = \"common\"\nversion = \"0.1.0\"\ndependencies = [\"alpha\"]\n\n[tool.setuptools]\n"
                + "ext-modules = [{ name = \"common._speed\", sources = [\"src/speed.c\"] }]\n");
    try (LocalHttpServer server = new LocalHttpServer(p.index())) {
      FetchSettings http = FetchSettings.direct(p.dir()).withIndex(server.url() + "simple/");
      assertThatThrownBy(
              () -> new LayerBuilder(BuildLog.SILENT).build(request(p.dir(), "fn", http)))
          .hasMessageContaining(
              "group fn needs 1 local package that only its own build backend can build")
          .hasMessageContaining(
              "common (editable libs/common): it compiles extension modules ([tool.setuptools] ext-modules)")
          .hasMessageContaining("install uv")
          .hasMessageContaining("publish it as a wheel");
      assertThat(server.requests()).as("nothing downloaded").isEmpty();
      assertThat(tmp.resolve("target/fn/deps.zip")).doesNotExist();
    }
  }
}
