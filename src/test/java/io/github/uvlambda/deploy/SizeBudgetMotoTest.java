package io.github.uvlambda.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.testing.RecordingInterceptor;
import io.github.uvlambda.testing.TestWheel;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The size budget against a real moto_server: a function whose deps.zip is 245 MB unzipped and an
 * {@code additionalLayers} entry that does not fit next to it is refused before any write. moto
 * gives a layer's {@code Content.Location} as {@code s3://}, so its zipped {@code CodeSize} is what
 * the budget can count there.
 */
class SizeBudgetMotoTest extends MotoTest {

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
    try (LambdaClient lambda = p.client(LambdaClient.builder())) {
      return lambda
          .publishLayerVersion(
              b ->
                  b.layerName("shared-models")
                      .content(c -> c.zipFile(SdkBytes.fromByteArray(zip.toByteArray()))))
          .layerVersionArn();
    }
  }

  /** Function fn, whose one dependency is 245 MB of zeros unzipped, with these other layers. */
  FunctionArtifacts artifacts(List<String> additionalLayers) throws Exception {
    p.writeLock(
        "big",
        "1.0",
        new TestWheel("big", "1.0").file("big/__init__.py", "").zeros("big/data.bin", 245L << 20));
    return p.artifacts(
        p.spec(
            "fn",
            v -> {
              v.put("additionalLayers", additionalLayers);
              return v;
            }),
        p.log);
  }

  @Test
  void anAdditionalLayerThatDoesNotFitIsRefusedBeforeAnyWrite() throws Exception {
    String foreign = publishForeignLayer();
    FunctionArtifacts a = artifacts(List.of(foreign));
    assertThat(Files.size(a.layerZip())).isLessThan(2L << 20);

    assertThatThrownBy(() -> p.deploy(p.settings(), List.of(a)))
        .hasMessageContaining("fn: the function and its layers take")
        .hasMessageContaining("deps.zip 245.0 MB, layer shared-models:1 6.0 MB zipped")
        .hasMessageContaining("over Lambda's 250 MB")
        .hasMessageMatching("(?s).*headroom -[0-9.]+ MB.*")
        .hasMessageMatching(
            "(?s).*big 1\\.0 +245\\.0 MB  deps\\.zip.*\\(whole layer, zipped size\\) +6\\.0 MB  layer shared-models:1.*")
        .hasMessageStartingWith("Nothing was deployed:\n  - fn: the function and its layers take");
    assertThat(p.recorder.writes()).isEmpty();
    assertThat(p.recorder.calls())
        .extracting(RecordingInterceptor.Call::operation)
        .contains("GetLayerVersion");
    assertThat(p.logLines)
        .anyMatch(
            l ->
                l.startsWith("WARN Cannot read the unzipped size of the layer " + foreign)
                    && l.contains("'s3://'"));
    try (LambdaClient lambda = p.client(LambdaClient.builder())) {
      assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("fn")))
          .isInstanceOf(ResourceNotFoundException.class);
      assertThat(lambda.listLayerVersions(b -> b.layerName("fn-deps")).layerVersions()).isEmpty();
    }
  }

  @Test
  void theSameFunctionWithoutThatLayerFitsAndDeploys() throws Exception {
    FunctionArtifacts a = artifacts(List.of());
    // uv-layer alone cannot see the other layers: it warns above 200 MB.
    assertThat(p.logLines)
        .anyMatch(
            w ->
                w.startsWith(
                    "WARN fn: deps.zip is 245.0 MB unzipped, over 200.0 MB: only 5.0 MB remain"));
    p.deploy(p.settings(), List.of(a));
    assertThat(p.logLines)
        .anyMatch(
            l ->
                l.matches(
                    "fn: 245\\.0 MB of Lambda's 250 MB unzipped \\(code\\.zip 0\\.0 MB, deps\\.zip 245\\.0 MB\\); headroom 5\\.0 MB"));
    assertThat(p.recorder.writes()).contains("CreateFunction");
  }
}
