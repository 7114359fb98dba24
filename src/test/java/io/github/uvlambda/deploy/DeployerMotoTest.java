package io.github.uvlambda.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.deploy.aws.AwsConnection;
import io.github.uvlambda.deploy.aws.RetryTiming;
import io.github.uvlambda.deploy.aws.S3Target;
import io.github.uvlambda.deploy.reconcile.RemovalOptions;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.testing.FaultInjectingProxy;
import io.github.uvlambda.testing.MotoServer;
import io.github.uvlambda.testing.RecordingInterceptor;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Deploys against a real moto_server on 127.0.0.1 and reads the resources back. */
class DeployerMotoTest extends MotoTest {
  RecordingInterceptor recorder;
  List<String> logLines;
  BuildLog log;
  Path lambdas;

  @BeforeEach
  void fixture() {
    recorder = p.recorder;
    logLines = p.logLines;
    log = p.log;
    lambdas = p.lambdas;
  }

  // ------------------------------------------------------------------ fixtures (MotoProject)

  private void project() throws IOException {
    p.writeLock();
  }

  private FunctionSpec spec(UnaryOperator<Map<String, Object>> edit) throws IOException {
    return p.spec("fn", edit);
  }

  private FunctionArtifacts artifacts(FunctionSpec f) {
    return p.artifacts(f);
  }

  private DeploySettings settings(boolean dryRun) {
    return settings(dryRun, moto.url(), false, false, null, false);
  }

  private DeploySettings settings(
      boolean dryRun,
      String endpoint,
      boolean adopt,
      boolean recreate,
      String bucket,
      boolean s3All) {
    return p.settings(
        s -> {
          s.dryRun = dryRun;
          s.endpoint = endpoint;
          s.adopt = adopt;
          s.recreate = recreate;
          s.bucket = bucket;
          s.s3All = s3All;
        });
  }

  private List<FunctionOutputs> deploy(FunctionSpec f, DeploySettings s) {
    return p.deploy(s, f);
  }

  private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C>
      C client(B builder) {
    return p.client(builder);
  }

  // ------------------------------------------------------------------ tests

  @Test
  void firstDeployCreatesEverythingAndASecondDeployWritesNothing() throws Exception {
    project();
    FunctionSpec f = spec(v -> v);
    FunctionOutputs out = deploy(f, settings(false)).get(0);

    try (LambdaClient lambda = client(LambdaClient.builder());
        IamClient iam = client(IamClient.builder());
        CloudWatchLogsClient logs = client(CloudWatchLogsClient.builder())) {
      var fn = lambda.getFunction(b -> b.functionName("fn"));
      FunctionConfiguration c = fn.configuration();
      assertThat(c.runtimeAsString()).isEqualTo("python3.12");
      assertThat(c.handler()).isEqualTo("handler.handler");
      assertThat(c.memorySize()).isEqualTo(128);
      assertThat(c.timeout()).isEqualTo(30);
      assertThat(c.architecturesAsStrings()).containsExactly("arm64");
      assertThat(c.environment().variables()).containsExactly(Map.entry("STAGE", "test"));
      assertThat(c.codeSha256())
          .isEqualTo(
              io.github.uvlambda.archive.Hashes.codeSha256(
                  tmp.resolve("target/uv-lambda/fn/code.zip")));
      assertThat(c.layers())
          .extracting(l -> l.arn())
          .containsExactly("arn:aws:lambda:us-east-1:123456789012:layer:fn-deps:1");
      assertThat(fn.tags())
          .containsEntry("team", "payments")
          .containsEntry("managed-by", "uv-lambda-maven-plugin");
      assertThat(c.role()).isEqualTo("arn:aws:iam::123456789012:role/fn-role");

      var group =
          logs.describeLogGroups(b -> b.logGroupNamePrefix("/aws/lambda/fn")).logGroups().get(0);
      assertThat(group.retentionInDays()).isEqualTo(365);

      String trust =
          URLDecoder.decode(
              iam.getRole(b -> b.roleName("fn-role")).role().assumeRolePolicyDocument(),
              StandardCharsets.UTF_8);
      assertThat(trust).contains("lambda.amazonaws.com").contains("sts:AssumeRole");
      String logsPolicy =
          URLDecoder.decode(
              iam.getRolePolicy(b -> b.roleName("fn-role").policyName("uv-lambda-logs"))
                  .policyDocument(),
              StandardCharsets.UTF_8);
      assertThat(logsPolicy)
          .contains("logs:PutLogEvents")
          .contains("log-group:/aws/lambda/fn:*")
          .doesNotContain("\"*\"");
      assertThat(
              lambda
                  .getLayerVersion(b -> b.layerName("fn-deps").versionNumber(1L))
                  .content()
                  .codeSha256())
          .isEqualTo(
              io.github.uvlambda.archive.Hashes.codeSha256(
                  tmp.resolve("target/uv-lambda/fn/deps.zip")));
    }
    assertThat(out.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:fn");
    assertThat(out.invokeArn())
        .isEqualTo(
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn/invocations");
    assertThat(out.layerVersion()).isEqualTo(1L);
    assertThat(out.roleName()).isEqualTo("fn-role");
    assertThat(out.aliasArn()).isNull();
    assertThat(out.dlqArn()).isNull();
    assertThat(Files.readString(tmp.resolve("target/uv-lambda/fn/outputs.json")))
        .contains("\"function_name\" : \"fn\"")
        .contains("\"dlq_url\" : null")
        .contains(
            "\"layer_version_arn\" : \"arn:aws:lambda:us-east-1:123456789012:layer:fn-deps:1\"");

    deploy(f, settings(false));
    assertThat(recorder.writes()).isEmpty();
    assertThat(recorder.calls()).isNotEmpty();
    assertThat(logLines).contains("fn: up to date");
  }

  @Test
  void aSourceChangeUpdatesOnlyTheCode() throws Exception {
    project();
    deploy(spec(v -> v), settings(false));
    Files.writeString(lambdas.resolve("fn/handler.py"), "def handler(e, c):\n    return 2\n");
    deploy(spec(v -> v), settings(false));
    // TagResource: the record of what the plugin deployed, which tells drift from a POM change.
    assertThat(recorder.writes()).containsExactly("UpdateFunctionCode", "TagResource");
  }

  @Test
  void aMemoryChangeUpdatesOnlyTheConfiguration() throws Exception {
    project();
    deploy(spec(v -> v), settings(false));
    deploy(
        spec(
            v -> {
              v.put("memorySize", 256);
              return v;
            }),
        settings(false));
    assertThat(recorder.writes()).containsExactly("UpdateFunctionConfiguration", "TagResource");
    try (LambdaClient lambda = client(LambdaClient.builder())) {
      assertThat(lambda.getFunction(b -> b.functionName("fn")).configuration().memorySize())
          .isEqualTo(256);
    }
  }

  @Test
  void aLockChangePublishesALayerVersionAndMovesThePublishedAlias() throws Exception {
    project();
    FunctionSpec f =
        spec(
            v -> {
              v.put("publish", true);
              return v;
            });
    FunctionOutputs first = deploy(f, settings(false)).get(0);
    assertThat(first.aliasArn())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:fn:prod");

    p.layerContent = "VERSION = 2\n";
    project();
    FunctionOutputs second = deploy(f, settings(false)).get(0);
    assertThat(recorder.writes())
        .containsExactly(
            "PublishLayerVersion",
            "UpdateFunctionConfiguration",
            "TagResource",
            "PublishVersion",
            "UpdateAlias");
    assertThat(second.layerVersion()).isEqualTo(2L);
    try (LambdaClient lambda = client(LambdaClient.builder())) {
      String version = lambda.getAlias(b -> b.functionName("fn").name("prod")).functionVersion();
      var served = lambda.getFunctionConfiguration(b -> b.functionName("fn").qualifier(version));
      assertThat(served.layers())
          .extracting(l -> l.arn())
          .containsExactly("arn:aws:lambda:us-east-1:123456789012:layer:fn-deps:2");
    }
  }

  @Test
  void dryRunPrintsThePlanAndWritesNothing() throws Exception {
    project();
    deploy(spec(v -> v), settings(false));
    deploy(
        spec(
            v -> {
              v.put("timeout", 60);
              return v;
            }),
        settings(true));
    assertThat(recorder.writes()).isEmpty();
    assertThat(logLines).contains("Plan for fn:", "  ~ function fn: timeout 30→60");
    try (LambdaClient lambda = client(LambdaClient.builder())) {
      assertThat(lambda.getFunction(b -> b.functionName("fn")).configuration().timeout())
          .isEqualTo(30);
    }
  }

  @Test
  void deadLetterQueueAndDurableExecutionAreSentAndAlwaysPublish() throws Exception {
    project();
    FunctionSpec f =
        spec(
            v -> {
              v.put("enableDlq", true);
              v.put("enableDurableExecution", true);
              v.put("pythonVersion", "3.13");
              v.put("durableExecutionTimeout", 3600);
              v.put("tracingMode", "Active");
              return v;
            });
    FunctionOutputs out = deploy(f, settings(false)).get(0);
    CreateFunctionRequest create = recorder.requests(CreateFunctionRequest.class).get(0);
    assertThat(create.deadLetterConfig().targetArn())
        .isEqualTo("arn:aws:sqs:us-east-1:123456789012:fn-dlq");
    assertThat(create.durableConfig().executionTimeout()).isEqualTo(3600);
    assertThat(create.durableConfig().retentionPeriodInDays()).isEqualTo(7);
    assertThat(create.tracingConfig().modeAsString()).isEqualTo("Active");
    assertThat(out.dlqArn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:fn-dlq");
    assertThat(out.dlqUrl()).contains("fn-dlq");
    assertThat(out.aliasArn()).endsWith(":fn:prod");
    try (SqsClient sqs = client(SqsClient.builder());
        IamClient iam = client(IamClient.builder())) {
      assertThat(sqs.getQueueUrl(b -> b.queueName("fn-dlq")).queueUrl()).isEqualTo(out.dlqUrl());
      assertThat(iam.listRolePolicies(b -> b.roleName("fn-role")).policyNames())
          .containsExactlyInAnyOrder(
              "uv-lambda-logs", "uv-lambda-dlq", "uv-lambda-durable", "uv-lambda-xray");
      String durable =
          URLDecoder.decode(
              iam.getRolePolicy(b -> b.roleName("fn-role").policyName("uv-lambda-durable"))
                  .policyDocument(),
              StandardCharsets.UTF_8);
      assertThat(durable).contains("lambda:CheckpointDurableExecution").contains("function:fn:*");
    }
  }

  @Test
  void durableExecutionCannotBeSwitchedOnForAnExistingFunctionUnlessRecreated() throws Exception {
    project();
    deploy(
        spec(
            v -> {
              v.put("pythonVersion", "3.13");
              return v;
            }),
        settings(false));
    FunctionSpec durable =
        spec(
            v -> {
              v.put("pythonVersion", "3.13");
              v.put("enableDurableExecution", true);
              return v;
            });
    assertThatThrownBy(() -> deploy(durable, settings(false)))
        .isInstanceOf(UvLambdaException.class)
        .hasMessageContaining("Nothing was deployed")
        .hasMessageContaining("exists without durable execution")
        .hasMessageContaining("<recreate>true</recreate>");
    assertThat(recorder.writes()).isEmpty();
    deploy(durable, settings(false, moto.url(), false, true, null, false));
    assertThat(recorder.writes())
        .contains("DeleteFunction", "CreateFunction", "PublishVersion", "CreateAlias");
    deploy(durable, settings(false));
    assertThat(recorder.writes()).isEmpty();

    FunctionSpec longer =
        spec(
            v -> {
              v.put("pythonVersion", "3.13");
              v.put("enableDurableExecution", true);
              v.put("durableExecutionTimeout", 7200);
              return v;
            });
    deploy(longer, settings(false));
    assertThat(recorder.writes())
        .containsExactly(
            "UpdateFunctionConfiguration", "TagResource", "PublishVersion", "UpdateAlias");
    assertThat(
            recorder
                .requests(
                    software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest
                        .class)
                .get(0)
                .durableConfig()
                .executionTimeout())
        .isEqualTo(7200);
    deploy(longer, settings(false));
    assertThat(recorder.writes()).isEmpty();
  }

  @Test
  void anExistingFunctionWithoutTheManagedByTagIsNotTakenOverUnlessAdopted() throws Exception {
    project();
    deploy(spec(v -> v), settings(false));
    try (LambdaClient lambda = client(LambdaClient.builder())) {
      String arn = lambda.getFunction(b -> b.functionName("fn")).configuration().functionArn();
      lambda.untagResource(b -> b.resource(arn).tagKeys("managed-by"));
    }
    assertThatThrownBy(() -> deploy(spec(v -> v), settings(false)))
        .hasMessageContaining(
            "Lambda function fn already exists but was not created by uv-lambda-maven-plugin")
        .hasMessageContaining("<adoptExisting>true</adoptExisting>");
    assertThat(recorder.writes()).isEmpty();
    deploy(spec(v -> v), settings(false, moto.url(), true, false, null, false));
    assertThat(recorder.writes()).containsExactly("TagResource");
  }

  @Test
  void deployConvergesThroughThrottlingServerErrorsConflictsAndIamPropagation() throws Exception {
    project();
    try (FaultInjectingProxy proxy = new FaultInjectingProxy(moto.url())) {
      String createFunction = "/2015-03-31/functions";
      proxy.inject(
          new FaultInjectingProxy.Fault(
              "POST",
              createFunction,
              400,
              "InvalidParameterValueException",
              "The role defined for the function cannot be assumed by Lambda."),
          2);
      proxy.inject(
          new FaultInjectingProxy.Fault(
              "POST",
              "/2018-10-31/layers/fn-deps/versions",
              429,
              "TooManyRequestsException",
              "Rate exceeded"),
          1);
      proxy.inject(
          new FaultInjectingProxy.Fault(
              "GET", "/2015-03-31/functions/fn", 500, "ServiceException", "internal error"),
          1);
      deploy(spec(v -> v), settings(false, proxy.url(), false, false, null, false));
      assertThat(proxy.injected())
          .contains(
              "InvalidParameterValueException", "TooManyRequestsException", "ServiceException");
      assertThat(
              recorder.calls().stream().filter(c -> c.operation().equals("CreateFunction")).count())
          .isEqualTo(3);
      // -X shows each attempt, the retried ones too, and nothing of the request (STAGE=test).
      assertThat(logLines)
          .anyMatch(l -> l.matches("DEBUG AWS Lambda PublishLayerVersion: HTTP 429, request id .+"))
          .anyMatch(l -> l.matches("DEBUG AWS Lambda PublishLayerVersion: HTTP 201, request id .+"))
          .anyMatch(l -> l.matches("DEBUG AWS Lambda CreateFunction: HTTP 400, request id .+"))
          .noneMatch(l -> l.startsWith("DEBUG") && l.contains("test"));

      proxy.inject(
          new FaultInjectingProxy.Fault(
              "PUT",
              "/2015-03-31/functions/fn/configuration",
              409,
              "ResourceConflictException",
              "The operation cannot be performed at this time. An update is in progress for resource: arn:aws:lambda:us-east-1:123456789012:function:fn"),
          2);
      deploy(
          spec(
              v -> {
                v.put("memorySize", 512);
                return v;
              }),
          settings(false, proxy.url(), false, false, null, false));
      assertThat(proxy.injected()).contains("ResourceConflictException");
    }

    try (LambdaClient lambda = client(LambdaClient.builder())) {
      assertThat(lambda.listFunctions().functions())
          .extracting(FunctionConfiguration::functionName)
          .containsExactly("fn");
      assertThat(lambda.listLayerVersions(b -> b.layerName("fn-deps")).layerVersions()).hasSize(1);
      assertThat(lambda.getFunction(b -> b.functionName("fn")).configuration().memorySize())
          .isEqualTo(512);
    }
  }

  @Test
  void zipsGoThroughS3WhenAskedAndAreUploadedOnce() throws Exception {
    project();
    try (S3Client s3 = client(S3Client.builder().forcePathStyle(true))) {
      s3.createBucket(b -> b.bucket("artifacts"));
      deploy(spec(v -> v), settings(false, moto.url(), false, false, "artifacts", true));
      assertThat(recorder.writes()).contains("PutObject");
      assertThat(s3.listObjectsV2(b -> b.bucket("artifacts")).contents())
          .extracting(o -> o.key().substring(0, o.key().lastIndexOf('/')))
          .containsExactlyInAnyOrder("lambda/fn", "lambda/fn-deps");
      Files.writeString(lambdas.resolve("fn/handler.py"), "def handler(e, c):\n    return 3\n");
      deploy(spec(v -> v), settings(false, moto.url(), false, false, "artifacts", true));
      assertThat(recorder.writes())
          .containsExactly("PutObject", "UpdateFunctionCode", "TagResource");
    }
  }

  @Test
  void missingRegionCredentialsOrEndpointAreClearErrorsBeforeAnyChange() throws Exception {
    project();
    FunctionArtifacts a = artifacts(spec(v -> v));
    Deployer d = new Deployer(log, List.of(recorder), RetryTiming.DEFAULT);
    int closedPort = MotoServer.freePort();
    assertThatThrownBy(
            () ->
                d.deploy(
                    List.of(a),
                    settings(false, "http://127.0.0.1:" + closedPort, false, false, null, false)))
        .hasMessageContaining("Cannot reach AWS at http://127.0.0.1:" + closedPort)
        .hasMessageContaining("Nothing was deployed");
    System.clearProperty("aws.accessKeyId");
    try {
      assertThatThrownBy(() -> d.deploy(List.of(a), settings(false)))
          .hasMessageContaining("No AWS credentials found");
    } finally {
      System.setProperty("aws.accessKeyId", "testing");
    }
    System.setProperty("aws.disableEc2Metadata", "true");
    try {
      assertThatThrownBy(
              () ->
                  d.deploy(
                      List.of(a),
                      new DeploySettings(
                          new AwsConnection(null, null, moto.url(), "standard"),
                          "it.group:it-project",
                          false,
                          false,
                          new S3Target(null, null, false),
                          false,
                          false,
                          0,
                          RemovalOptions.NONE,
                          1,
                          tmp.resolve("out"))))
          .hasMessageContaining("No AWS region is configured")
          .isInstanceOfSatisfying(
              io.github.uvlambda.SettingNeededException.class,
              e -> assertThat(e.parameter()).isEqualTo("region"));
    } finally {
      System.clearProperty("aws.disableEc2Metadata");
    }
    assertThat(recorder.writes()).isEmpty();
  }

  @Test
  void credentialsRejectedByAwsAreAClearErrorBeforeAnyChange() throws Exception {
    project();
    try (FaultInjectingProxy proxy = new FaultInjectingProxy(moto.url())) {
      proxy.inject(
          new FaultInjectingProxy.Fault(
              "POST",
              "/",
              403,
              "InvalidClientTokenId",
              "The security token included in the request is invalid."),
          1);
      assertThatThrownBy(
              () -> deploy(spec(v -> v), settings(false, proxy.url(), false, false, null, false)))
          .hasMessageContaining("AWS rejected the credentials (InvalidClientTokenId")
          .hasMessageContaining("Nothing was deployed");
      assertThat(proxy.injected()).containsExactly("InvalidClientTokenId");
    }
    assertThat(recorder.writes()).isEmpty();
    try (LambdaClient lambda = client(LambdaClient.builder())) {
      assertThat(lambda.listFunctions().functions()).isEmpty();
    }
  }

  @Test
  void zipsOver50MbWithoutABucketFailBeforeAnyChange() throws Exception {
    project();
    FunctionArtifacts a = artifacts(spec(v -> v));
    Path big = tmp.resolve("big.zip");
    try (var out = Files.newOutputStream(big)) {
      out.write(new byte[51 * 1024 * 1024]);
    }
    FunctionArtifacts tooBig =
        new FunctionArtifacts(a.spec(), big, 10, a.layerZip(), a.layerReport());
    assertThatThrownBy(
            () ->
                new Deployer(log, List.of(recorder), RetryTiming.DEFAULT)
                    .deploy(List.of(tooBig), settings(false)))
        .hasMessageContaining("big.zip is 51 MB")
        .hasMessageContaining("<s3Bucket>");
    assertThat(recorder.calls()).isEmpty();
  }

  static List<String> names(List<FunctionConfiguration> fns) {
    List<String> out = new ArrayList<>();
    fns.forEach(f -> out.add(f.functionName()));
    return out;
  }
}
