package io.github.uvlambda.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.UvLambdaException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #11, hole 5: each bad endpointUrl or region names the parameter, the value and the form
 * expected, before anything is built or called.
 */
class AwsConnectionTest {
  private static AwsConnection settings(String region, String endpoint) {
    return new AwsConnection(region, null, endpoint, "standard");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not a url | is not a URL",
        "http://[bad | is not a valid URL (Expected closing bracket for IPv6 address)",
        "ftp://localhost:4566 | uses ftp://, which is not supported",
        "/var/run/moto | is a plain path, not a URL.",
        "file:///tmp/moto | uses file://, which is not supported"
      })
  void badEndpointUrls(String value, String problem) {
    assertThatThrownBy(() -> settings("us-east-1", value))
        .isInstanceOf(UvLambdaException.class)
        .hasMessageStartingWith("<endpointUrl> is '" + value + "', which " + problem)
        .hasMessageContaining("Expected the http(s) URL of an AWS-compatible endpoint");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mars-1", "US-EAST-1", "us east 1", "useast1", "eu-west"})
  void badRegions(String value) {
    assertThatThrownBy(() -> settings(value, null))
        .isInstanceOf(UvLambdaException.class)
        .hasMessage(
            "<region> is '"
                + value
                + "', which is not an AWS region name. Expected a region code such as us-east-1,"
                + " eu-central-1 or ap-southeast-2 (`aws account list-regions` lists them).");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "us-east-1",
        "eu-central-2",
        "ap-southeast-4",
        "us-gov-west-1",
        "cn-northwest-1",
        "us-isob-east-1",
        "il-central-1",
        "eusc-de-east-1"
      })
  void realRegionsAreAccepted(String value) {
    assertThat(settings(value, "http://127.0.0.1:5000").region()).isEqualTo(value);
  }
}
