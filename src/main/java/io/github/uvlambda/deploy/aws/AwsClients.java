package io.github.uvlambda.deploy.aws;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.SettingNeededException;
import io.github.uvlambda.UvLambdaException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS clients of one deploy, configured the way Java and AWS users expect: the SDK's default
 * credential chain (or a named profile), the configured or default region, an optional endpoint
 * override for LocalStack or moto, and the SDK's standard or adaptive retries.
 */
public final class AwsClients implements AutoCloseable {
  private final SdkHttpClient http;
  private final Region region;
  private final LambdaClient lambda;
  private final IamClient iam;
  private final CloudWatchLogsClient logs;
  private final SqsClient sqs;
  private final S3Client s3;
  private final StsClient sts;

  private AwsClients(AwsConnection s, List<ExecutionInterceptor> interceptors, BuildLog log) {
    this.region = region(s);
    AwsCredentialsProvider credentials =
        s.profile() == null || s.profile().isBlank()
            ? DefaultCredentialsProvider.builder().build()
            : ProfileCredentialsProvider.create(s.profile());
    RetryMode mode = retryMode(s.retryMode());
    ClientOverrideConfiguration.Builder override =
        ClientOverrideConfiguration.builder().retryStrategy(mode);
    override.addExecutionInterceptor(new RequestLog(log));
    interceptors.forEach(override::addExecutionInterceptor);
    ClientOverrideConfiguration config = override.build();
    // No wire log: see docs/security.md.
    this.http = UrlConnectionHttpClient.builder().build();
    URI endpoint =
        s.endpointUrl() == null || s.endpointUrl().isBlank() ? null : URI.create(s.endpointUrl());
    // IAM is global: Region.AWS_GLOBAL on AWS, but an emulator answers in the configured region.
    Region iamRegion = endpoint == null ? Region.AWS_GLOBAL : region;
    this.lambda = configure(LambdaClient.builder(), credentials, config, endpoint, region).build();
    this.iam = configure(IamClient.builder(), credentials, config, endpoint, iamRegion).build();
    this.logs =
        configure(CloudWatchLogsClient.builder(), credentials, config, endpoint, region).build();
    this.sqs = configure(SqsClient.builder(), credentials, config, endpoint, region).build();
    this.s3 =
        configure(
                S3Client.builder().forcePathStyle(endpoint != null),
                credentials,
                config,
                endpoint,
                region)
            .build();
    this.sts = configure(StsClient.builder(), credentials, config, endpoint, region).build();
  }

  /** The clients, each request attempt logged at debug level ({@link RequestLog}). */
  public static AwsClients create(
      AwsConnection settings, List<ExecutionInterceptor> interceptors, BuildLog log) {
    return new AwsClients(settings, interceptors, log);
  }

  private <
          B extends
              software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
                  & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, ?>>
      B configure(
          B b,
          AwsCredentialsProvider credentials,
          ClientOverrideConfiguration config,
          URI endpoint,
          Region r) {
    b.credentialsProvider(credentials).region(r).overrideConfiguration(config).httpClient(http);
    if (endpoint != null) {
      b.endpointOverride(endpoint);
    }
    return b;
  }

  private static Region region(AwsConnection s) {
    if (s.region() != null && !s.region().isBlank()) {
      return Region.of(s.region().strip());
    }
    try {
      Region fromChain =
          DefaultAwsRegionProviderChain.builder().profileName(s.profile()).build().getRegion();
      AwsConnection.checkRegion("The region from AWS_REGION or the AWS profile", fromChain.id());
      return fromChain;
    } catch (SdkClientException e) {
      throw new SettingNeededException(
          "No AWS region is configured: set ",
          "region",
          "eu-west-1",
          ", or AWS_REGION, or a region in the AWS profile. Nothing was deployed.");
    }
  }

  private static RetryMode retryMode(String mode) {
    String m = mode == null ? "standard" : mode.strip().toLowerCase(Locale.ROOT);
    return switch (m) {
      case "standard" -> RetryMode.STANDARD;
      case "adaptive" -> RetryMode.ADAPTIVE_V2;
      default ->
          throw new UvLambdaException(
              "<retryMode> is '" + mode + "': use standard (the default) or adaptive.");
    };
  }

  public Region region() {
    return region;
  }

  public LambdaClient lambda() {
    return lambda;
  }

  public IamClient iam() {
    return iam;
  }

  public CloudWatchLogsClient logs() {
    return logs;
  }

  public SqsClient sqs() {
    return sqs;
  }

  public S3Client s3() {
    return s3;
  }

  public StsClient sts() {
    return sts;
  }

  @Override
  public void close() {
    lambda.close();
    iam.close();
    logs.close();
    sqs.close();
    s3.close();
    sts.close();
    http.close();
  }
}
