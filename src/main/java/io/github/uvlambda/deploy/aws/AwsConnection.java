package io.github.uvlambda.deploy.aws;

/**
 * Where and as whom the AWS calls go.
 *
 * @param region null: the SDK's default region chain (AWS_REGION, profile, ...)
 * @param profile a named profile of ~/.aws/config, or null for the default credential chain
 * @param endpointUrl one endpoint for every service (LocalStack, moto), or null
 * @param retryMode {@code standard} or {@code adaptive}: the SDK's retries of throttling and 5xx
 */
public record AwsConnection(String region, String profile, String endpointUrl, String retryMode) {}
