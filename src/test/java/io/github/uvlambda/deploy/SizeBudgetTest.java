package io.github.uvlambda.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.uvlambda.archive.ZipEntryInfo;
import io.github.uvlambda.build.LayerReport;
import io.github.uvlambda.function.CodeConfig;
import io.github.uvlambda.function.DeployConfig;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.function.LayerConfig;
import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaLimits;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.lambda.TracingMode;
import io.github.uvlambda.testing.RecordingLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionResponse;

/**
 * The exact path: a layer's unzipped size read from its central directory over HTTP range requests,
 * as from the pre-signed S3 URL AWS returns, served here on 127.0.0.1.
 */
class SizeBudgetTest {
  static final String ARN = "arn:aws:lambda:us-east-1:123456789012:layer:big:3";

  HttpServer server;
  byte[] served;
  boolean honourRange = true;
  final List<String> ranges = new CopyOnWriteArrayList<>();
  final RecordingLog log = new RecordingLog();

  /** A zip of highly compressible files: a few hundred kilobytes for hundreds of megabytes. */
  static byte[] layerZip(Map<String, Long> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] chunk = new byte[1 << 20];
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, Long> f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(f.getKey()));
        for (long left = f.getValue(); left > 0; left -= chunk.length) {
          zip.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  String serve(byte[] zip) throws IOException {
    served = zip;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    return "http://127.0.0.1:"
        + server.getAddress().getPort()
        + "/snapshots/big.zip?X-Amz-Signature=secret";
  }

  private void handle(HttpExchange ex) throws IOException {
    String range = ex.getRequestHeaders().getFirst("Range");
    ranges.add(String.valueOf(range));
    Matcher suffix = Pattern.compile("bytes=-(\\d+)").matcher(String.valueOf(range));
    Matcher span = Pattern.compile("bytes=(\\d+)-(\\d+)").matcher(String.valueOf(range));
    int from = 0;
    int to = served.length - 1;
    if (honourRange && suffix.matches()) {
      from = Math.max(0, served.length - Integer.parseInt(suffix.group(1)));
    } else if (honourRange && span.matches()) {
      from = Integer.parseInt(span.group(1));
      to = Math.min(to, Integer.parseInt(span.group(2)));
    }
    int status = honourRange ? 206 : 200;
    if (honourRange) {
      ex.getResponseHeaders()
          .add("Content-Range", "bytes " + from + "-" + to + "/" + served.length);
    }
    ex.sendResponseHeaders(status, to - from + 1);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(served, from, to - from + 1);
    }
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** A Lambda client that knows one layer version, as GetLayerVersion describes it on AWS. */
  static LambdaClient lambdaWith(String location, long codeSize) {
    return (LambdaClient)
        Proxy.newProxyInstance(
            LambdaClient.class.getClassLoader(),
            new Class<?>[] {LambdaClient.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getLayerVersion" ->
                      GetLayerVersionResponse.builder()
                          .layerVersionArn(ARN)
                          .content(c -> c.location(location).codeSize(codeSize))
                          .build();
                  case "close" -> null;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  static FunctionArtifacts function(long codeUnzipped, long depsUnzipped, List<String> layers) {
    FunctionSpec spec =
        new FunctionSpec(
            "fn",
            Path.of("src"),
            Path.of("lambdas"),
            "fn",
            "handler.handler",
            new LambdaRuntime("3.12", Architecture.ARM64),
            null,
            Set.of(),
            LayerConfig.DEFAULT,
            new CodeConfig(List.of("**"), List.of(), List.of(), true, false),
            new DeployConfig(
                "",
                128,
                30,
                Map.of(),
                Map.of(),
                365,
                TracingMode.PASS_THROUGH,
                false,
                "live",
                false,
                false,
                null,
                "fn-role",
                layers,
                "fn-deps",
                List.of(),
                List.of()));
    LayerReport report =
        new LayerReport(
            "python3.12/arm64",
            1000,
            depsUnzipped,
            3,
            List.of(
                new LayerReport.PackageSize("numpy", "2.2.6", depsUnzipped * 3 / 4, 2),
                new LayerReport.PackageSize("six", "1.17.0", depsUnzipped / 4, 1)));
    return new FunctionArtifacts(
        spec, Path.of("code.zip"), codeUnzipped, Path.of("deps.zip"), report);
  }

  /** The problems the budget finds before a deploy, with the Lambda client given. */
  List<String> problems(LambdaClient lambda, FunctionArtifacts f) {
    return new SizeBudget(log, aws -> new LayerSizes(lambda, HttpClient.newHttpClient(), log))
        .problems(List.of(f), null).stream().map(Throwable::getMessage).toList();
  }

  @Test
  void readsALayersUnzippedSizeFromItsCentralDirectoryByRanges() throws Exception {
    byte[] zip =
        layerZip(
            Map.of(
                "python/torch/lib/libtorch.so", 200_000_000L,
                "python/torch-2.5.1.dist-info/RECORD", 1_000L,
                "python/lib/python3.12/site-packages/sympy/core.py", 40_000_000L));
    String url = serve(zip);
    List<ZipEntryInfo> entries = RemoteZip.entries(HttpClient.newHttpClient(), URI.create(url));
    assertThat(entries.stream().mapToLong(ZipEntryInfo::size).sum()).isEqualTo(240_001_000L);
    // Never the whole archive: the tail, then the central directory.
    assertThat(ranges).hasSize(1);
    assertThat(ranges.get(0)).startsWith("bytes=-");

    LayerSizes.Measured m =
        new LayerSizes(lambdaWith(url, zip.length), HttpClient.newHttpClient(), log).measure(ARN);
    assertThat(m.exact()).isTrue();
    assertThat(m.bytes()).isEqualTo(240_001_000L);
    assertThat(m.packages())
        .containsEntry("torch", 200_001_000L)
        .containsEntry("sympy", 40_000_000L);
  }

  @Test
  void aLayerSmallWhenZippedButLargeUnzippedBreaksTheBudget() throws Exception {
    byte[] zip = layerZip(Map.of("python/torch/lib/libtorch.so", 230_000_000L));
    String url = serve(zip);
    assertThat(zip.length).isLessThan(1_000_000);
    FunctionArtifacts f = function(1_000_000, 40_000_000, List.of(ARN));
    assertThat(problems(lambdaWith(url, zip.length), f))
        .singleElement()
        .asString()
        .contains("fn: the function and its layers take 258.4 MB unzipped")
        .contains("layer big:3 219.3 MB")
        .contains("over Lambda's 250 MB")
        .contains("headroom -8.4 MB")
        .matches("(?s).*torch +219\\.3 MB  layer big:3.*numpy 2\\.2\\.6 +28\\.6 MB  deps\\.zip.*")
        .doesNotContain("secret");
    assertThat(log.warnings()).isEmpty();
  }

  @Test
  void withoutRangesTheZippedSizeStandsInAndSaysSo() throws Exception {
    byte[] zip =
        layerZip(
            Map.of("python/torch/lib/libtorch.so", 230_000_000L, "python/big.bin", 4_000_000L));
    honourRange = false;
    String url = serve(new byte[6 << 20]);
    FunctionArtifacts f = function(1_000_000, 40_000_000, List.of(ARN));
    assertThat(problems(lambdaWith(url, zip.length), f)).isEmpty();
    assertThat(log.warnings())
        .singleElement()
        .asString()
        .contains("Cannot read the unzipped size of the layer " + ARN)
        .contains("does not answer range requests")
        .contains("counting its zipped size")
        .doesNotContain("secret");
  }

  @Test
  void theFunctionsOwnZipsAloneCanBreakTheBudget() {
    FunctionArtifacts f = function(12_000_000, LambdaLimits.UNZIPPED_SIZE - 10_000_000, List.of());
    assertThat(problems(lambdaWith("s3://", 0), f))
        .singleElement()
        .asString()
        .contains("code.zip 11.4 MB, deps.zip 240.5 MB")
        .contains("function code");
  }
}
