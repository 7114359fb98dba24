package io.github.uvlambda.testing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The names of what a moto_server holds, by kind (functions, layers, roles, customer-managed
 * policies, log groups, queues): for ITs that check what a deploy left.
 */
public final class MotoContents {
  private MotoContents() {}

  public static Map<String, List<String>> of(String endpoint) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (LambdaClient lambda = client(LambdaClient.builder(), endpoint);
        IamClient iam = client(IamClient.builder(), endpoint);
        CloudWatchLogsClient logs = client(CloudWatchLogsClient.builder(), endpoint);
        SqsClient sqs = client(SqsClient.builder(), endpoint)) {
      out.put(
          "functions",
          lambda.listFunctions().functions().stream().map(f -> f.functionName()).sorted().toList());
      out.put(
          "layers",
          lambda.listLayers().layers().stream().map(l -> l.layerName()).sorted().toList());
      out.put("roles", iam.listRoles().roles().stream().map(r -> r.roleName()).sorted().toList());
      out.put(
          "policies",
          iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL)).policies().stream()
              .map(p -> p.policyName())
              .sorted()
              .toList());
      out.put(
          "logGroups",
          logs.describeLogGroups().logGroups().stream()
              .map(g -> g.logGroupName())
              .sorted()
              .toList());
      out.put("queues", sqs.listQueues().queueUrls().stream().sorted().toList());
    }
    return out;
  }

  private static <B extends AwsClientBuilder<B, C>, C> C client(B builder, String endpoint) {
    return builder
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create(endpoint))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .build();
  }
}
