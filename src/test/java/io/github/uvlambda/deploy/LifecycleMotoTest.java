package io.github.uvlambda.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.deploy.reconcile.RemovalOptions;
import io.github.uvlambda.function.FunctionSettings;
import io.github.uvlambda.function.FunctionSpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The deploy lifecycle against moto: removals, ownership, prune, destroy, drift, sharing. */
class LifecycleMotoTest extends MotoTest {
  static final String XRAY = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess";
  static final String EXECUTE = "arn:aws:iam::aws:policy/AWSLambdaExecute";
  static final String S3_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
          + "\"Resource\":\"arn:aws:s3:::bucket/*\"}]}";

  FunctionSpec fn(String name) throws Exception {
    return p.spec(name, v -> v);
  }

  List<String> functionNames() {
    try (LambdaClient lambda = p.client(LambdaClient.builder())) {
      return lambda.listFunctions().functions().stream()
          .map(FunctionConfiguration::functionName)
          .sorted()
          .toList();
    }
  }

  @Test
  void aPolicyRemovedFromThePomIsDetachedOrDeletedAndOneAddedByHandIsKept() throws Exception {
    FunctionSpec with =
        p.spec(
            "fn",
            v -> {
              v.put("managedPolicyArns", List.of(XRAY));
              v.put(
                  "inlinePolicies",
                  List.of(new FunctionSettings.PolicySettings("s3", S3_POLICY, null)));
              return v;
            });
    p.deploy(p.settings(), with);
    try (IamClient iam = p.client(IamClient.builder())) {
      iam.attachRolePolicy(b -> b.roleName("fn-role").policyArn(EXECUTE));
      iam.putRolePolicy(b -> b.roleName("fn-role").policyName("by-hand").policyDocument(S3_POLICY));

      p.deploy(p.settings(), fn("fn"));
      assertThat(p.recorder.writes())
          .containsExactlyInAnyOrder("DeleteRolePolicy", "DetachRolePolicy", "UntagRole");
      assertThat(iam.listRolePolicies(b -> b.roleName("fn-role")).policyNames())
          .containsExactlyInAnyOrder("uv-lambda-logs", "by-hand");
      assertThat(iam.listAttachedRolePolicies(b -> b.roleName("fn-role")).attachedPolicies())
          .extracting(AttachedPolicy::policyArn)
          .containsExactly(EXECUTE);
      assertThat(p.logLines)
          .contains(
              "  = role fn-role: inline policy by-hand was not written by the plugin: left in place",
              "  = role fn-role: " + EXECUTE + " was attached outside the plugin: left attached");

      p.deploy(p.settings(), fn("fn"));
      assertThat(p.recorder.writes()).isEmpty();
    }
  }

  @Test
  void aTagRemovedFromThePomIsRemovedFromEveryResourceButAHandAddedOneStays() throws Exception {
    p.deploy(
        p.settings(),
        p.spec(
            "fn",
            v -> {
              v.put("tags", Map.of("team", "payments", "cost-center", "42"));
              return v;
            }));
    try (LambdaClient lambda = p.client(LambdaClient.builder());
        IamClient iam = p.client(IamClient.builder());
        CloudWatchLogsClient logs = p.client(CloudWatchLogsClient.builder())) {
      String arn = lambda.getFunction(b -> b.functionName("fn")).configuration().functionArn();
      lambda.tagResource(b -> b.resource(arn).tags(Map.of("owner", "alice")));

      p.deploy(p.settings(), fn("fn"));
      assertThat(lambda.getFunction(b -> b.functionName("fn")).tags())
          .containsEntry("team", "payments")
          .containsEntry("owner", "alice")
          .doesNotContainKey("cost-center");
      assertThat(iam.listRoleTags(b -> b.roleName("fn-role")).tags())
          .noneMatch(t -> t.key().equals("cost-center"));
      String group = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn";
      assertThat(logs.listTagsForResource(b -> b.resourceArn(group)).tags())
          .containsEntry("team", "payments")
          .doesNotContainKey("cost-center");
      p.deploy(p.settings(), fn("fn"));
      assertThat(p.recorder.writes()).isEmpty();
    }
  }

  @Test
  void aRenamedFunctionIsAnOrphanUntilPruneDeletesItWithWhatOnlyItUsed() throws Exception {
    FunctionSpec a =
        p.spec(
            "fn-a",
            v -> {
              v.put("enableDlq", true);
              return v;
            });
    p.deploy(p.settings(), a);
    DeploySettings other = p.settings(s -> s.project = "someone:else");
    p.deploy(other, fn("foreign"));

    p.deploy(p.settings(), fn("fn-b"));
    assertThat(functionNames()).containsExactly("fn-a", "fn-b", "foreign");
    assertThat(p.logLines)
        .contains("  ! function fn-a: orphan: not in the POM; <prune> deletes it");

    p.deploy(p.settings(s -> s.removal = new RemovalOptions(true, false, false)), fn("fn-b"));
    assertThat(functionNames()).containsExactly("fn-b", "foreign");
    assertThat(p.recorder.writes())
        .containsExactly(
            "DeleteQueue",
            "DeleteFunction",
            "DeleteRolePolicy",
            "DeleteRolePolicy",
            "DeleteRole",
            "DeleteLayerVersion");
    try (IamClient iam = p.client(IamClient.builder());
        SqsClient sqs = p.client(SqsClient.builder());
        LambdaClient lambda = p.client(LambdaClient.builder());
        CloudWatchLogsClient logs = p.client(CloudWatchLogsClient.builder())) {
      assertThat(iam.listRoles().roles())
          .extracting(r -> r.roleName())
          .containsExactlyInAnyOrder("fn-b-role", "foreign-role");
      assertThat(sqs.listQueues().queueUrls()).isEmpty();
      assertThat(lambda.listLayerVersions(b -> b.layerName("fn-a-deps")).layerVersions()).isEmpty();
      assertThat(logs.describeLogGroups().logGroups())
          .extracting(g -> g.logGroupName())
          .contains("/aws/lambda/fn-a");
    }
    assertThat(p.logLines)
        .contains("  = log group /aws/lambda/fn-a: kept with its logs (<deleteLogs> deletes it)");

    p.deploy(p.settings(s -> s.removal = new RemovalOptions(true, false, false)), fn("fn-b"));
    assertThat(p.recorder.writes()).isEmpty();
  }

  @Test
  void destroyDeletesTheProjectKeepsItsDataAndASecondRunWritesNothing() throws Exception {
    FunctionSpec a =
        p.spec(
            "fn-a",
            v -> {
              v.put("enableDlq", true);
              v.put("publish", true);
              return v;
            });
    FunctionSpec b = fn("fn-b");
    p.deploy(p.settings(), a, b);
    p.deploy(p.settings(s -> s.project = "someone:else"), fn("foreign"));
    try (SqsClient sqs = p.client(SqsClient.builder())) {
      String url = sqs.getQueueUrl(r -> r.queueName("fn-a-dlq")).queueUrl();
      sqs.sendMessage(r -> r.queueUrl(url).messageBody("failed event"));
    }

    DestroySettings dry = p.destroySettings(false, false);
    p.destroy(
        new DestroySettings(
            dry.connection(), dry.project(), true, false, false, dry.outputDirectory()),
        a,
        b);
    assertThat(p.recorder.writes()).isEmpty();
    assertThat(p.logLines).contains("  - function fn-a", "Dry run: nothing was deleted.");
    assertThat(functionNames()).containsExactly("fn-a", "fn-b", "foreign");

    p.destroy(p.destroySettings(false, false), a, b);
    assertThat(p.recorder.writes())
        .containsExactly(
            "DeleteFunction",
            "DeleteFunction",
            "DeleteRolePolicy",
            "DeleteRolePolicy",
            "DeleteRole",
            "DeleteRolePolicy",
            "DeleteRole",
            "DeleteLayerVersion",
            "DeleteLayerVersion");
    assertThat(functionNames()).containsExactly("foreign");
    assertThat(p.logLines)
        .contains(
            "  = SQS queue fn-a-dlq: holds 1 message(s): kept (<deleteQueuedMessages> deletes it)");
    try (IamClient iam = p.client(IamClient.builder());
        LambdaClient lambda = p.client(LambdaClient.builder());
        CloudWatchLogsClient logs = p.client(CloudWatchLogsClient.builder())) {
      assertThat(iam.listRoles().roles())
          .extracting(r -> r.roleName())
          .containsExactly("foreign-role");
      assertThat(lambda.listLayers().layers())
          .extracting(l -> l.layerName())
          .containsExactly("foreign-deps");
      assertThat(logs.describeLogGroups().logGroups())
          .extracting(g -> g.logGroupName())
          .containsExactlyInAnyOrder("/aws/lambda/fn-a", "/aws/lambda/fn-b", "/aws/lambda/foreign");
    }

    p.destroy(p.destroySettings(false, false), a, b);
    assertThat(p.recorder.writes()).isEmpty();
    assertThat(p.logLines)
        .contains("Nothing to destroy: no resource of " + MotoProject.PROJECT + " is left.");

    p.destroy(p.destroySettings(true, true), a, b);
    try (SqsClient sqs = p.client(SqsClient.builder());
        CloudWatchLogsClient logs = p.client(CloudWatchLogsClient.builder())) {
      assertThat(sqs.listQueues().queueUrls()).noneMatch(u -> u.endsWith("fn-a-dlq"));
      assertThat(logs.describeLogGroups().logGroups())
          .extracting(g -> g.logGroupName())
          .containsExactly("/aws/lambda/foreign");
    }
  }

  @Test
  void codeChangedOutsideThePluginIsDriftAndFailOnChangesNamesIt() throws Exception {
    p.deploy(p.settings(), fn("fn"));
    Path otherZip = tmp.resolve("other.zip");
    Files.copy(tmp.resolve("target/uv-lambda/fn/code.zip"), otherZip);
    Files.write(otherZip, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
    var bytes = software.amazon.awssdk.core.SdkBytes.fromByteArray(Files.readAllBytes(otherZip));
    try (LambdaClient lambda = p.client(LambdaClient.builder())) {
      lambda.updateFunctionCode(b -> b.functionName("fn").zipFile(bytes));
    }
    DeploySettings check = p.settings(s -> s.failOnChanges = true);
    assertThatThrownBy(() -> p.deploy(check, fn("fn")))
        .isInstanceOf(PlanNotEmptyException.class)
        .hasMessageContaining("some made outside the plugin")
        .hasMessageContaining("~ function fn: code sha256")
        .hasMessageContaining("(drift: changed outside the plugin)");
    assertThat(p.recorder.writes()).isEmpty();
    String json = Files.readString(tmp.resolve("target/uv-lambda/plan.json"));
    assertThat(json).contains("\"drift\" : true").contains("\"empty\" : false");

    p.deploy(p.settings(), fn("fn"));
    assertThat(p.recorder.writes()).containsExactly("UpdateFunctionCode", "TagResource");
    p.deploy(check, fn("fn"));
    assertThat(Files.readString(tmp.resolve("target/uv-lambda/plan.json")))
        .contains("\"empty\" : true")
        .contains("\"drift\" : false");
  }

  @Test
  void sevenDeploysKeepTheNewestVersionsOfTheFunctionAndItsLayer() throws Exception {
    DeploySettings keep3 = p.settings(s -> s.keepVersions = 3);
    for (int i = 1; i <= 7; i++) {
      p.layerContent = "VERSION = " + i + "\n";
      p.writeLock();
      p.source("fn", "return " + i);
      p.deploy(
          keep3,
          p.spec(
              "fn",
              v -> {
                v.put("publish", true);
                return v;
              }));
    }
    // the seventh deploy: new layer, code and layer in the function, version 7; 4 goes, twice
    assertThat(p.recorder.writes())
        .containsExactlyInAnyOrder(
            "PublishLayerVersion",
            "UpdateFunctionCode",
            "UpdateFunctionConfiguration",
            "TagResource",
            "PublishVersion",
            "UpdateAlias",
            "DeleteFunction",
            "DeleteLayerVersion");
    try (LambdaClient lambda = p.client(LambdaClient.builder())) {
      List<String> versions =
          lambda.listVersionsByFunction(b -> b.functionName("fn")).versions().stream()
              .map(FunctionConfiguration::version)
              .filter(v -> !v.equals("$LATEST"))
              .toList();
      assertThat(versions).hasSize(3);
      String alias = lambda.getAlias(b -> b.functionName("fn").name("prod")).functionVersion();
      assertThat(versions).contains(alias);
      assertThat(lambda.listLayerVersions(b -> b.layerName("fn-deps")).layerVersions())
          .extracting(v -> v.version())
          .containsExactlyInAnyOrder(5L, 6L, 7L);
    }
  }

  @Test
  void functionsSharingALayerAndARolePublishOnceAndConverge() throws Exception {
    FunctionSpec f1 =
        p.spec(
            "f1",
            v -> {
              v.put("layerName", "shared-deps");
              v.put("roleName", "shared-role");
              return v;
            });
    FunctionSpec f2 =
        p.spec(
            "f2",
            v -> {
              v.put("layerName", "shared-deps");
              v.put("roleName", "shared-role");
              v.put("enableDlq", true);
              return v;
            });
    p.deploy(p.settings(), f1, f2);
    assertThat(p.recorder.writes())
        .containsExactlyInAnyOrder(
            "CreateLogGroup",
            "PutRetentionPolicy",
            "CreateLogGroup",
            "PutRetentionPolicy",
            "CreateQueue",
            "CreateRole",
            "PutRolePolicy",
            "PutRolePolicy",
            "PublishLayerVersion",
            "CreateFunction",
            "CreateFunction");
    try (LambdaClient lambda = p.client(LambdaClient.builder());
        IamClient iam = p.client(IamClient.builder())) {
      for (String f : List.of("f1", "f2")) {
        assertThat(lambda.getFunction(b -> b.functionName(f)).configuration().layers())
            .extracting(l -> l.arn())
            .containsExactly("arn:aws:lambda:us-east-1:123456789012:layer:shared-deps:1");
      }
      String logs =
          URLDecoder.decode(
              iam.getRolePolicy(b -> b.roleName("shared-role").policyName("uv-lambda-logs"))
                  .policyDocument(),
              StandardCharsets.UTF_8);
      assertThat(logs)
          .contains("log-group:/aws/lambda/f1:*")
          .contains("log-group:/aws/lambda/f2:*");
      String dlq =
          URLDecoder.decode(
              iam.getRolePolicy(b -> b.roleName("shared-role").policyName("uv-lambda-dlq"))
                  .policyDocument(),
              StandardCharsets.UTF_8);
      assertThat(dlq).contains("f2-dlq");
    }
    FunctionSpec f2NoDlq =
        p.spec(
            "f2",
            v -> {
              v.put("layerName", "shared-deps");
              v.put("roleName", "shared-role");
              return v;
            });
    p.deploy(p.settings(), f1, f2NoDlq);
    assertThat(p.recorder.writes()).contains("DeleteRolePolicy", "DeleteQueue");
    p.deploy(p.settings(), f1, f2NoDlq);
    assertThat(p.recorder.writes()).isEmpty();

    p.layerContent = "VERSION = 2\n";
    p.writeLock();
    p.deploy(p.settings(), f1, f2NoDlq);
    assertThat(p.recorder.writes().stream().filter(w -> w.equals("PublishLayerVersion")))
        .hasSize(1);
    assertThat(p.recorder.writes().stream().filter(w -> w.equals("UpdateFunctionConfiguration")))
        .hasSize(2);
  }

  @Test
  void differentLayerInputsUnderOneLayerNameAreAnErrorBeforeAnyCall() throws Exception {
    FunctionSpec f1 =
        p.spec(
            "f1",
            v -> {
              v.put("layerName", "shared-deps");
              return v;
            });
    FunctionSpec f2 =
        p.spec(
            "f2",
            v -> {
              v.put("layerName", "shared-deps");
              v.put("pythonVersion", "3.13");
              return v;
            });
    assertThatThrownBy(() -> p.deploy(p.settings(), f1, f2))
        .isInstanceOf(UvLambdaException.class)
        .hasMessageContaining("<layerName>shared-deps</layerName> is set on f1 and f2")
        .hasMessageContaining("runtime python3.12 vs python3.13");
    assertThat(p.recorder.calls()).isEmpty();
  }
}
