package io.github.uvlambda.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.archive.Hashes;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import io.github.uvlambda.archive.ZipEntryInfo;
import io.github.uvlambda.archive.ZipReader;
import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.testing.LocalHttpServer;
import io.github.uvlambda.testing.TestProject;
import io.github.uvlambda.testing.TestWheel;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.wheel.FetchSettings;
import io.github.uvlambda.wheel.OfflineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerBuilderTest {
  @TempDir Path tmp;

  private static final LambdaRuntime ARM_312 = new LambdaRuntime("3.12", Architecture.ARM64);

  private LayerBuilder.Request request(
      Path lambdas, LambdaRuntime runtime, Path output, FetchSettings fetch) {
    return new LayerBuilder.Request(
        "fn",
        LockFiles.prepare(lambdas, null, false, false, BuildLog.SILENT),
        "fn",
        Set.of(),
        runtime,
        output,
        ReproducibleZipWriter.DEFAULT_TIME,
        fetch,
        tmp.resolve("cache"),
        LayerBuilder.Installer.JAVA,
        null,
        "test");
  }

  private FetchSettings fileIndex(TestProject p) {
    return FetchSettings.direct(p.dir()).withIndex(p.indexUrl());
  }

  static Map<String, String> entries(Path zip) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (ZipEntry e : Collections.list(z.entries())) {
        out.put(
            e.getName(), new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  @Test
  void laysWheelsOutLikeUvPipInstallTarget() throws IOException {
    TestProject p =
        new TestProject(tmp.resolve("lambdas"))
            .add(
                "demo",
                "1.0",
                new TestWheel("demo", "1.0")
                    .file("demo/__init__.py", "VALUE = 1\n")
                    .file("demo-1.0.data/purelib/extra.py", "X = 2\n")
                    .file("demo-1.0.data/scripts/tool", "#!python\nprint('tool')\n")
                    .file("demo-1.0.data/headers/demo.h", "int demo;\n")
                    .file("demo-1.0.data/data/share/demo/x.txt", "data\n"));
    Path lambdas = p.write();
    Path out = tmp.resolve("out/deps.zip");
    LayerBuilder.Result r =
        new LayerBuilder(BuildLog.SILENT).build(request(lambdas, ARM_312, out, fileIndex(p)));
    Map<String, String> e = entries(out);
    assertThat(e)
        .containsEntry("python/demo/__init__.py", "VALUE = 1\n")
        .containsEntry("python/extra.py", "X = 2\n")
        .containsEntry("python/bin/tool", "#!/var/lang/bin/python3.12\nprint('tool')\n")
        .containsEntry("python/include/demo/demo.h", "int demo;\n")
        .containsEntry("python/share/demo/x.txt", "data\n")
        .containsKey("python/demo-1.0.dist-info/METADATA");
    assertThat(e.keySet()).noneMatch(k -> k.contains(".data/"));
    assertThat(e.get("python/demo-1.0.dist-info/RECORD"))
        .contains("extra.py,")
        .contains("bin/tool,")
        .doesNotContain(".data/");
    try (ZipReader z = ZipReader.open(out)) {
      assertThat(
              z.entries().stream()
                  .filter(x -> x.name().equals("python/bin/tool"))
                  .findFirst()
                  .orElseThrow()
                  .isExecutable())
          .isTrue();
    }
    assertThat(r.report().packages()).hasSize(1);
    assertThat(r.codeSha256()).isEqualTo(Hashes.codeSha256(out));
  }

  @Test
  void choosesTheWheelPackagingWouldChooseForTheTarget() throws IOException {
    TestProject p =
        new TestProject(tmp.resolve("lambdas"))
            .add(
                "native",
                "2.0",
                new TestWheel("native", "2.0")
                    .tags("cp312-cp312-manylinux_2_17_x86_64")
                    .file("native/which.txt", "x86"),
                new TestWheel("native", "2.0")
                    .tags("cp312-abi3-manylinux_2_28_aarch64")
                    .file("native/which.txt", "abi3"),
                new TestWheel("native", "2.0")
                    .tags("cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64")
                    .file("native/which.txt", "arm-cp312"),
                new TestWheel("native", "2.0")
                    .tags("cp313-cp313t-manylinux_2_34_aarch64")
                    .file("native/which.txt", "free-threaded"));
    Path lambdas = p.write();
    new LayerBuilder(BuildLog.SILENT)
        .build(request(lambdas, ARM_312, tmp.resolve("arm.zip"), fileIndex(p)));
    new LayerBuilder(BuildLog.SILENT)
        .build(
            request(
                lambdas,
                new LambdaRuntime("3.12", Architecture.X86_64),
                tmp.resolve("x86.zip"),
                fileIndex(p)));
    new LayerBuilder(BuildLog.SILENT)
        .build(
            request(
                lambdas,
                new LambdaRuntime("3.13", Architecture.ARM64),
                tmp.resolve("arm313.zip"),
                fileIndex(p)));
    assertThat(entries(tmp.resolve("arm.zip")))
        .containsEntry("python/native/which.txt", "arm-cp312");
    assertThat(entries(tmp.resolve("x86.zip"))).containsEntry("python/native/which.txt", "x86");
    // cp312-cp312 does not load on 3.13; the stable-ABI wheel does. Never the free-threaded one.
    assertThat(entries(tmp.resolve("arm313.zip"))).containsEntry("python/native/which.txt", "abi3");
  }

  @Test
  void sameInputsGiveByteIdenticalLayersAndUnchangedInputsDoNoWork() throws IOException {
    TestProject p =
        new TestProject(tmp.resolve("lambdas"))
            .add("a", "1.0", new TestWheel("a", "1.0").file("a.py", "A\n"))
            .add("b", "2.0", new TestWheel("b", "2.0").file("b/__init__.py", "B\n"));
    Path lambdas = p.write();
    try (LocalHttpServer server = new LocalHttpServer(p.index())) {
      FetchSettings http = FetchSettings.direct(lambdas).withIndex(server.url() + "simple/");
      LayerBuilder b = new LayerBuilder(BuildLog.SILENT);
      Path out = tmp.resolve("target/uv-lambda/fn/deps.zip");
      assertThat(b.build(request(lambdas, ARM_312, out, http)).upToDate()).isFalse();
      byte[] first = Files.readAllBytes(out);
      int requests = server.requests().size();
      assertThat(requests).isGreaterThan(0);

      assertThat(b.build(request(lambdas, ARM_312, out, http)).upToDate()).isTrue();
      // mvn clean: the layer comes back from the user cache, still without a single request.
      deleteTree(tmp.resolve("target"));
      assertThat(b.build(request(lambdas, ARM_312, out, http)).upToDate()).isTrue();
      assertThat(server.requests()).hasSize(requests);
      assertThat(Files.readAllBytes(out)).isEqualTo(first);

      // A fresh machine (empty cache) builds the same bytes.
      deleteTree(tmp.resolve("cache"));
      deleteTree(tmp.resolve("target"));
      assertThat(b.build(request(lambdas, ARM_312, out, http)).upToDate()).isFalse();
      assertThat(Files.readAllBytes(out)).isEqualTo(first);
    }
  }

  @Test
  void missingWheelsFailBeforeAnyDownloadAndNameEveryPackage() throws IOException {
    TestProject p =
        new TestProject(tmp.resolve("lambdas"))
            .add("fine", "1.0", new TestWheel("fine", "1.0").file("fine.py", ""))
            .add(
                "macos-only",
                "1.0",
                new TestWheel("macos-only", "1.0")
                    .tags("cp312-cp312-macosx_11_0_arm64")
                    .file("m.py", ""))
            .addSdistOnly("docopt", "0.6.2");
    Path lambdas = p.write();
    try (LocalHttpServer server = new LocalHttpServer(p.index())) {
      FetchSettings http = FetchSettings.direct(lambdas).withIndex(server.url() + "simple/");
      assertThatThrownBy(
              () ->
                  new LayerBuilder(BuildLog.SILENT)
                      .build(request(lambdas, ARM_312, tmp.resolve("deps.zip"), http)))
          .isInstanceOf(UvLambdaException.class)
          .hasMessageContaining("No usable wheel for 2 packages of group fn")
          .hasMessageContaining(
              "docopt 0.6.2 publishes only an sdist; a Lambda layer needs a wheel for cp312/manylinux_2_34_aarch64")
          .hasMessageContaining("macos-only 1.0 has no wheel for cp312/manylinux_2_34_aarch64")
          .hasMessageContaining("macos_only-1.0-cp312-cp312-macosx_11_0_arm64.whl");
      assertThat(server.requests()).isEmpty();
      assertThat(tmp.resolve("deps.zip")).doesNotExist();
    }
  }

  @Test
  void aWheelWhoseHashDiffersFromTheLockIsRefusedAndNotCached() throws IOException {
    TestProject p =
        new TestProject(tmp.resolve("lambdas"))
            .add("a", "1.0", new TestWheel("a", "1.0").file("a.py", "A\n"));
    Path lambdas = p.write();
    Path wheel = p.index().resolve("files/a-1.0-py3-none-any.whl");
    String expected = TestWheel.sha256(wheel);
    Files.write(wheel, new TestWheel("a", "1.0").file("a.py", "EVIL\n").bytes());
    assertThatThrownBy(
            () ->
                new LayerBuilder(BuildLog.SILENT)
                    .build(request(lambdas, ARM_312, tmp.resolve("deps.zip"), fileIndex(p))))
        .isInstanceOf(UvLambdaException.class)
        .hasMessageContaining("SHA-256 mismatch for a-1.0-py3-none-any.whl")
        .hasMessageContaining("uv.lock expects " + expected)
        .hasMessageContaining("the file has " + TestWheel.sha256(wheel));
    assertThat(tmp.resolve("deps.zip")).doesNotExist();
    try (Stream<Path> s = Files.walk(tmp.resolve("cache"))) {
      assertThat(s.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  @Test
  void offlineReadsALocalIndexButRefusesTheNetwork() throws IOException {
    TestProject p =
        new TestProject(tmp.resolve("lambdas"))
            .add("a", "1.0", new TestWheel("a", "1.0").file("a.py", "A\n"));
    Path lambdas = p.write();
    try (LocalHttpServer server = new LocalHttpServer(p.index())) {
      FetchSettings http = FetchSettings.direct(lambdas).withIndex(server.url() + "simple/");
      assertThatThrownBy(
              () ->
                  new LayerBuilder(BuildLog.SILENT)
                      .build(
                          request(
                              lambdas, ARM_312, tmp.resolve("deps.zip"), http.withOffline(true))))
          .isInstanceOfSatisfying(
              OfflineException.class,
              e -> assertThat(e.wheels()).containsExactly("a-1.0-py3-none-any.whl"));
      assertThat(server.requests()).as("offline: no request at all").isEmpty();
    }
    // A file:// index is the disk, not the network: offline mode reads it.
    new LayerBuilder(BuildLog.SILENT)
        .build(
            request(lambdas, ARM_312, tmp.resolve("offline.zip"), fileIndex(p).withOffline(true)));
    assertThat(entries(tmp.resolve("offline.zip"))).containsEntry("python/a.py", "A\n");
  }

  @Test
  void wheelsThatWouldEscapeTheLayerAreRefused() throws IOException {
    for (TestWheel evil :
        List.of(
            new TestWheel("evil", "1.0").file("../../etc/cron.d/x", "boom"),
            new TestWheel("evil", "1.0").file("/etc/passwd", "boom"),
            new TestWheel("evil", "1.0").entry("evil/link", "/etc/shadow", 0120777))) {
      Path dir = tmp.resolve("case" + System.nanoTime());
      TestProject p = new TestProject(dir).add("evil", "1.0", evil);
      Path lambdas = p.write();
      assertThatThrownBy(
              () ->
                  new LayerBuilder(BuildLog.SILENT)
                      .build(request(lambdas, ARM_312, dir.resolve("deps.zip"), fileIndex(p))))
          .isInstanceOf(UvLambdaException.class)
          .hasMessageContaining("evil-1.0-py3-none-any.whl")
          .hasMessageContaining("refusing to install it");
      assertThat(dir.resolve("deps.zip")).doesNotExist();
    }
  }

  @Test
  void retriesServerErrorsAndReadsPep691JsonIndexesWithCredentials() throws IOException {
    TestProject p =
        new TestProject(tmp.resolve("lambdas"))
            .add("a", "1.0", new TestWheel("a", "1.0").file("a.py", "A\n"));
    Path lambdas = p.write();
    Path page = p.index().resolve("simple/a");
    Files.writeString(
        page.resolve("index.json"),
        "{\"meta\":{\"api-version\":\"1.0\"},\"name\":\"a\",\"files\":[{\"filename\":\"a-1.0-py3-none-any.whl\",\"url\":\"../../files/a-1.0-py3-none-any.whl\",\"hashes\":{}}]}");
    Files.delete(page.resolve("index.html"));
    try (LocalHttpServer server = new LocalHttpServer(p.index())) {
      server.failNext(2);
      FetchSettings http =
          new FetchSettings(server.url() + "simple/", "ci", "s3cret", null, false, 2, 3, lambdas);
      new LayerBuilder(BuildLog.SILENT)
          .build(request(lambdas, ARM_312, tmp.resolve("deps.zip"), http));
      assertThat(entries(tmp.resolve("deps.zip"))).containsEntry("python/a.py", "A\n");
      assertThat(server.authorizations())
          .isNotEmpty()
          .allMatch(a -> a.equals("Basic Y2k6czNjcmV0"));
    }
  }

  @Test
  void mavensProxySettingsAreHonoured() throws IOException {
    TestProject p =
        new TestProject(tmp.resolve("lambdas"))
            .add("a", "1.0", new TestWheel("a", "1.0").file("a.py", "A\n"));
    Path lambdas = p.write();
    // The index host does not resolve: the only way to it is through the proxy.
    try (LocalHttpServer proxy = new LocalHttpServer(p.index())) {
      int port = java.net.URI.create(proxy.url()).getPort();
      FetchSettings viaProxy =
          new FetchSettings(
              "http://pypi.mirror.invalid/simple/",
              null,
              null,
              new FetchSettings.Proxy("127.0.0.1", port, null, null, "localhost"),
              false,
              2,
              1,
              lambdas);
      new LayerBuilder(BuildLog.SILENT)
          .build(request(lambdas, ARM_312, tmp.resolve("deps.zip"), viaProxy));
      assertThat(entries(tmp.resolve("deps.zip"))).containsEntry("python/a.py", "A\n");
      assertThat(proxy.requests()).contains("/simple/a/", "/files/a-1.0-py3-none-any.whl");
    }
  }

  @Test
  void aLayerBeyondLambdasUnzippedLimitFailsWithTheTable() throws IOException {
    TestProject p =
        new TestProject(tmp.resolve("lambdas"))
            .add(
                "huge",
                "1.0",
                new TestWheel("huge", "1.0").file("huge/blob.bin", new byte[263_000_000]));
    Path lambdas = p.write();
    assertThatThrownBy(
            () ->
                new LayerBuilder(BuildLog.SILENT)
                    .build(request(lambdas, ARM_312, tmp.resolve("deps.zip"), fileIndex(p))))
        .hasMessageContaining("more than Lambda's 250 MB")
        .hasMessageContaining("huge 1.0");
    assertThat(tmp.resolve("deps.zip")).doesNotExist();
  }

  @Test
  void rawCopyKeepsTheWheelsCompressedBytes() throws IOException {
    TestProject p =
        new TestProject(tmp.resolve("lambdas"))
            .add("a", "1.0", new TestWheel("a", "1.0").file("a.py", "x = 1\n".repeat(1000)));
    Path lambdas = p.write();
    new LayerBuilder(BuildLog.SILENT)
        .build(request(lambdas, ARM_312, tmp.resolve("deps.zip"), fileIndex(p)));
    List<ZipEntryInfo> layer;
    List<ZipEntryInfo> wheel;
    try (ZipReader z = ZipReader.open(tmp.resolve("deps.zip"))) {
      layer = new ArrayList<>(z.entries());
    }
    try (ZipReader z = ZipReader.open(p.index().resolve("files/a-1.0-py3-none-any.whl"))) {
      wheel = new ArrayList<>(z.entries());
    }
    ZipEntryInfo inLayer =
        layer.stream().filter(e -> e.name().equals("python/a.py")).findFirst().orElseThrow();
    ZipEntryInfo inWheel =
        wheel.stream().filter(e -> e.name().equals("a.py")).findFirst().orElseThrow();
    assertThat(inLayer.method()).isEqualTo(ZipEntryInfo.DEFLATED);
    assertThat(inLayer.compressedSize()).isEqualTo(inWheel.compressedSize());
    assertThat(inLayer.crc()).isEqualTo(inWheel.crc());
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
