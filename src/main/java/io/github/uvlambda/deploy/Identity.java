package io.github.uvlambda.deploy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.SettingNeededException;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.deploy.aws.AccountContext;
import io.github.uvlambda.deploy.aws.AwsClients;
import io.github.uvlambda.deploy.aws.AwsConnection;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Who the deploy runs as (STS GetCallerIdentity), the first call of every deploy: missing or
 * rejected credentials and an unreachable endpoint become clear errors before any change.
 */
final class Identity {
  private Identity() {}

  static AccountContext of(AwsClients aws, AwsConnection connection, BuildLog log) {
    try {
      GetCallerIdentityResponse id = aws.sts().getCallerIdentity();
      String partition = id.arn() == null ? "aws" : id.arn().split(":")[1];
      return new AccountContext(id.account(), partition, aws.region().id());
    } catch (SdkClientException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("credentials") || m.contains("Credentials")) {
        log.debug(m);
        throw new SettingNeededException(
            "No AWS credentials found: the SDK's default chain (environment variables, system properties, ~/.aws"
                + " profiles, SSO, container and instance roles) has none"
                + (connection.profile() == null
                    ? ""
                    : " for the profile '" + connection.profile() + "'")
                + ". Configure credentials the usual way, or name a profile with ",
            "profile",
            connection.profile() == null ? "NAME" : connection.profile(),
            ". Nothing was deployed.");
      }
      if (connection.endpointUrl() == null) {
        throw new UvLambdaException(
            "Cannot reach AWS: " + firstLine(m) + " Nothing was deployed.", e);
      }
      throw new SettingNeededException(
          "Cannot reach AWS at " + connection.endpointUrl() + ": " + firstLine(m) + " Check ",
          "endpointUrl",
          connection.endpointUrl(),
          ". Nothing was deployed.",
          e);
    } catch (AwsServiceException e) {
      throw new UvLambdaException(
          "AWS rejected the credentials ("
              + e.awsErrorDetails().errorCode()
              + ": "
              + e.awsErrorDetails().errorMessage()
              + "). Refresh them or choose another <profile>. Nothing was deployed.",
          e);
    }
  }

  private static String firstLine(String s) {
    return s.lines().findFirst().orElse(s).strip() + (s.strip().endsWith(".") ? "" : ".");
  }
}
