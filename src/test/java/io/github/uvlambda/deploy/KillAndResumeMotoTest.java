package io.github.uvlambda.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uvlambda.archive.Hashes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * A deploy killed between any two of its write calls, then run again, ends exactly where an
 * uninterrupted deploy ends, with nothing created twice. Each kill runs the deploy in a child JVM
 * ({@link DeployChild}) that halts right after its Nth write; the test walks N over every write of
 * a first deploy and of an update (new code, new dependencies, more memory, another tag).
 */
class KillAndResumeMotoTest extends MotoTest {
  @Test
  void aDeployKilledBetweenAnyTwoWritesIsFinishedByTheNextDeploy() throws Exception {
    int first = writesOf(1, tmp.resolve("count"));
    int update = writesOf(2, tmp.resolve("count"));
    assertThat(first).isGreaterThanOrEqualTo(8);
    assertThat(update).isGreaterThanOrEqualTo(5);
    List<String> killed = new ArrayList<>();
    for (int step = 1; step <= 2; step++) {
      int writes = step == 1 ? first : update;
      for (int n = 1; n < writes; n++) {
        moto.reset();
        Path dir = tmp.resolve("step" + step + "-kill" + n);
        if (step == 2) {
          deploy(1, dir);
        }
        assertThat(child(dir, n, step))
            .as("the deploy was killed after write %d", n)
            .isEqualTo(DeployChild.HALTED);
        killed.add(step + "/" + n);
        MotoProject p = deploy(step, dir);
        assertConverged(p, step);
        deploy(step, dir);
        assertThat(lastWrites)
            .as("a third deploy after a kill at step %d write %d", step, n)
            .isEmpty();
      }
    }
    assertThat(killed).hasSize(first - 1 + update - 1);
  }

  List<String> lastWrites = List.of();

  /** Runs the scenario's step in this JVM; step 2 runs on top of a finished step 1. */
  MotoProject deploy(int step, Path dir) throws Exception {
    MotoProject p = new MotoProject(moto, dir);
    DeployChild.scenario(p, step);
    p.deploy(DeployChild.single(p), DeployChild.function(p, step));
    lastWrites = p.recorder.writes();
    return p;
  }

  int writesOf(int step, Path dir) throws Exception {
    moto.reset();
    if (step == 2) {
      deploy(1, dir);
    }
    return deploy(step, dir).recorder.writes().size();
  }

  static int child(Path dir, int haltAfter, int step) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                DeployChild.class.getName(),
                moto.url(),
                dir.toString(),
                String.valueOf(haltAfter),
                String.valueOf(step))
            .redirectErrorStream(true)
            .redirectOutput(dir.getParent().resolve("child-" + dir.getFileName() + ".log").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  static void assertConverged(MotoProject p, int step) throws Exception {
    try (LambdaClient lambda = p.client(LambdaClient.builder());
        IamClient iam = p.client(IamClient.builder());
        CloudWatchLogsClient logs = p.client(CloudWatchLogsClient.builder())) {
      assertThat(lambda.listFunctions().functions())
          .extracting(FunctionConfiguration::functionName)
          .containsExactly("fn");
      var fn = lambda.getFunction(b -> b.functionName("fn"));
      assertThat(fn.configuration().codeSha256())
          .isEqualTo(Hashes.codeSha256(p.tmp.resolve("target/uv-lambda/fn/code.zip")));
      assertThat(fn.configuration().memorySize()).isEqualTo(step == 1 ? 128 : 256);
      assertThat(fn.tags()).containsEntry("team", step == 1 ? "payments" : "billing");
      assertThat(lambda.listLayerVersions(b -> b.layerName("fn-deps")).layerVersions())
          .extracting(v -> v.version())
          .containsExactlyInAnyOrder(step == 1 ? new Long[] {1L} : new Long[] {1L, 2L});
      assertThat(fn.configuration().layers())
          .extracting(l -> l.arn())
          .containsExactly("arn:aws:lambda:us-east-1:123456789012:layer:fn-deps:" + step);
      List<String> versions =
          lambda.listVersionsByFunction(b -> b.functionName("fn")).versions().stream()
              .map(FunctionConfiguration::version)
              .filter(v -> !v.equals("$LATEST"))
              .toList();
      assertThat(versions).hasSize(step);
      assertThat(lambda.getAlias(b -> b.functionName("fn").name("prod")).functionVersion())
          .isEqualTo(String.valueOf(step));
      assertThat(iam.listRolePolicies(b -> b.roleName("fn-role")).policyNames())
          .containsExactly("uv-lambda-logs");
      assertThat(logs.describeLogGroups().logGroups())
          .singleElement()
          .satisfies(g -> assertThat(g.retentionInDays()).isEqualTo(365));
      assertThat(Files.exists(p.tmp.resolve("target/uv-lambda/fn/outputs.json"))).isTrue();
    }
  }
}
