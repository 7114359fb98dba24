package io.github.uvlambda.deploy.aws;

import io.github.uvlambda.Urls;
import io.github.uvlambda.UvLambdaException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where and as whom the AWS calls go. The endpoint and region are checked when it is made, so that
 * a bad value fails before anything is built or called.
 *
 * @param region null: the SDK's default region chain (AWS_REGION, profile, ...)
 * @param profile a named profile of ~/.aws/config, or null for the default credential chain
 * @param endpointUrl one endpoint for every service (LocalStack, moto), or null
 * @param retryMode {@code standard} or {@code adaptive}: the SDK's retries of throttling and 5xx
 */
public record AwsConnection(String region, String profile, String endpointUrl, String retryMode) {

  /** us-east-1, eu-central-2, us-gov-west-1, cn-north-1, us-isob-east-1, eusc-de-east-1 ... */
  private static final Pattern REGION =
      Pattern.compile("[a-z]{2,4}(-[a-z]{2,5})?-[a-z]+-[0-9]{1,2}");

  public AwsConnection {
    if (endpointUrl != null && !endpointUrl.isBlank()) {
      endpointUrl =
          Urls.parse(
                  "<endpointUrl>",
                  endpointUrl,
                  List.of("http", "https"),
                  "the http(s) URL of an AWS-compatible endpoint, e.g. http://127.0.0.1:5000"
                      + " (moto) or http://localhost:4566 (LocalStack)")
              .toString();
    }
    if (region != null && !region.isBlank()) {
      region = checkRegion("<region>", region.strip());
    }
  }

  /**
   * @param setting where the value came from, for the error message
   */
  static String checkRegion(String setting, String region) {
    if (!REGION.matcher(region).matches()) {
      throw new UvLambdaException(
          setting
              + " is '"
              + region
              + "', which is not an AWS region name. Expected a region code such as us-east-1,"
              + " eu-central-1 or ap-southeast-2 (`aws account list-regions` lists them).");
    }
    return region;
  }
}
