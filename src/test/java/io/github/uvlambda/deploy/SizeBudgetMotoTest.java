package io.github.uvlambda.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.archive.ReproducibleZipWriter;
import io.github.uvlambda.build.CodePackager;
import io.github.uvlambda.build.LayerBuilder;
import io.github.uvlambda.deploy.aws.AwsConnection;
import io.github.uvlambda.deploy.aws.RetryTiming;
import io.github.uvlambda.deploy.aws.S3Target;
import io.github.uvlambda.deploy.reconcile.RemovalOptions;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.testing.MachineTools;
import io.github.uvlambda.testing.MotoServer;
import io.github.uvlambda.testing.RecordingInterceptor;
import io.github.uvlambda.testing.RecordingLog;
import io.github.uvlambda.testing.TestProject;
import io.github.uvlambda.testing.TestWheel;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.wheel.FetchSettings;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The size budget against a real moto_server: a function whose deps.zip is 245 MB unzipped and an
 * {@code additionalLayers} entry that does not fit next to it is refused before any write. moto
 * gives a layer's {@code Content.Location} as {@code s3://}, so its zipped {@code CodeSize} is what
 * the budget can count there.
 */
class SizeBudgetMotoTest {
  static MotoServer moto;

  @TempDir Path tmp;
  final RecordingInterceptor recorder = new RecordingInterceptor();
  final RecordingLog log = new RecordingLog();

  @BeforeAll
  static void startMoto() throws Exception {
    var exe = MachineTools.motoServer();
    MachineTools.require(exe.isPresent(), "moto_server");
    moto = MotoServer.start(exe.get(), Files.createTempFile("moto", ".log"));
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) {
      moto.close();
    }
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @BeforeEach
  void reset() throws Exception {
    moto.reset();
  }

  LambdaClient lambda() {
    return LambdaClient.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(java.net.URI.create(moto.url()))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .build();
  }

  /** A layer published in moto as someone else's would be: 6 MB that do not compress. */
  String publishForeignLayer() throws Exception {
    byte[] noise = new byte[6 << 20];
    new Random(42).nextBytes(noise);
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("python/models/weights.bin"));
      z.write(noise);
      z.closeEntry();
    }
    try (LambdaClient lambda = lambda()) {
      return lambda
          .publishLayerVersion(
              b ->
                  b.layerName("shared-models")
                      .content(c -> c.zipFile(SdkBytes.fromByteArray(zip.toByteArray()))))
          .layerVersionArn();
    }
  }

  FunctionArtifacts artifacts(List<String> additionalLayers) throws Exception {
    Path lambdas =
        new TestProject(tmp.resolve("lambdas"))
            .add(
                "big",
                "1.0",
                new TestWheel("big", "1.0")
                    .file("big/__init__.py", "")
                    .zeros("big/data.bin", 245L << 20))
            .write();
    Files.createDirectories(lambdas.resolve("fn"));
    Files.writeString(lambdas.resolve("fn/handler.py"), "def handler(e, c):\n    return 1\n");
    FunctionSpec f = SizeBudgetTest.function(0, 0, additionalLayers).spec();
    f =
        new FunctionSpec(
            f.functionName(),
            lambdas.resolve("fn"),
            lambdas,
            f.dependencyGroup(),
            f.handler(),
            f.description(),
            f.runtime(),
            f.memorySize(),
            f.timeout(),
            f.environmentVariables(),
            f.tags(),
            f.logRetentionDays(),
            f.tracingMode(),
            f.publish(),
            f.aliasName(),
            f.enableDlq(),
            f.enableDurableExecution(),
            f.durableConfig(),
            f.roleName(),
            f.additionalLayers(),
            f.powertoolsLayerArn(),
            f.excludePackages(),
            f.layerName(),
            f.includes(),
            f.excludes(),
            f.inlinePolicies(),
            f.managedPolicyArns());
    Path out = tmp.resolve("target/uv-lambda/fn");
    LayerBuilder.Result layer =
        new LayerBuilder(log)
            .build(
                new LayerBuilder.Request(
                    "fn",
                    LockFiles.read(lambdas),
                    "fn",
                    f.excludePackages(),
                    f.runtime(),
                    out.resolve("deps.zip"),
                    ReproducibleZipWriter.DEFAULT_TIME,
                    FetchSettings.direct(lambdas)
                        .withIndex(lambdas.resolve("index/simple").toUri().toString()),
                    tmp.resolve("cache"),
                    LayerBuilder.Installer.JAVA,
                    null,
                    "test"));
    CodePackager.Result code =
        new CodePackager(log)
            .packageCode(
                CodePackager.Request.of(
                    f, out.resolve("code.zip"), ReproducibleZipWriter.DEFAULT_TIME));
    return new FunctionArtifacts(f, code.zip(), code.unzippedSize(), layer.zip(), layer.report());
  }

  List<FunctionOutputs> deploy(FunctionArtifacts a) {
    recorder.clear();
    log.lines().clear();
    return new Deployer(
            log,
            List.of(recorder),
            new RetryTiming(Duration.ofSeconds(20), Duration.ofMillis(50), Duration.ofMillis(200)))
        .deploy(
            List.of(a),
            new DeploySettings(
                new AwsConnection("us-east-1", null, moto.url(), "standard"),
                "it.group:it-project",
                false,
                false,
                new S3Target(null, "lambda/", false),
                false,
                false,
                DeploySettings.DEFAULT_KEEP_VERSIONS,
                RemovalOptions.NONE,
                2,
                tmp.resolve("target/uv-lambda")));
  }

  @Test
  void anAdditionalLayerThatDoesNotFitIsRefusedBeforeAnyWrite() throws Exception {
    String foreign = publishForeignLayer();
    FunctionArtifacts a = artifacts(List.of(foreign));
    assertThat(Files.size(a.layerZip())).isLessThan(2L << 20);

    assertThatThrownBy(() -> deploy(a))
        .hasMessageContaining("fn: the function and its layers take")
        .hasMessageContaining("deps.zip 245.0 MB, layer shared-models:1 6.0 MB zipped")
        .hasMessageContaining("over Lambda's 250 MB")
        .hasMessageMatching("(?s).*headroom -[0-9.]+ MB.*")
        .hasMessageMatching(
            "(?s).*big 1\\.0 +245\\.0 MB  deps\\.zip.*\\(whole layer, zipped size\\) +6\\.0 MB  layer shared-models:1.*")
        .hasMessageStartingWith("Nothing was deployed:\n  - fn: the function and its layers take");
    assertThat(recorder.writes()).isEmpty();
    assertThat(recorder.calls())
        .extracting(RecordingInterceptor.Call::operation)
        .contains("GetLayerVersion");
    assertThat(log.lines())
        .anyMatch(
            l ->
                l.startsWith("WARN Cannot read the unzipped size of the layer " + foreign)
                    && l.contains("'s3://'"));
    try (LambdaClient lambda = lambda()) {
      assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("fn")))
          .isInstanceOf(ResourceNotFoundException.class);
      assertThat(lambda.listLayerVersions(b -> b.layerName("fn-deps")).layerVersions()).isEmpty();
    }
  }

  @Test
  void theSameFunctionWithoutThatLayerFitsAndDeploys() throws Exception {
    FunctionArtifacts a = artifacts(List.of());
    // uv-layer alone cannot see the other layers: it warns above 200 MB.
    assertThat(log.warnings())
        .anyMatch(
            w ->
                w.startsWith(
                    "WARN fn: deps.zip is 245.0 MB unzipped, over 200.0 MB: only 5.0 MB remain"));
    deploy(a);
    assertThat(log.lines())
        .anyMatch(
            l ->
                l.matches(
                    "INFO fn: 245\\.0 MB of Lambda's 250 MB unzipped \\(code\\.zip 0\\.0 MB, deps\\.zip 245\\.0 MB\\); headroom 5\\.0 MB"));
    assertThat(recorder.writes()).contains("CreateFunction");
  }
}
