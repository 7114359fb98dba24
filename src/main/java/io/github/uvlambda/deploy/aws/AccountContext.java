package io.github.uvlambda.deploy.aws;

/** Who and where the deploy runs: from STS GetCallerIdentity and the client region. */
public record AccountContext(String account, String partition, String region) {
  public String arn(String service, String resource) {
    return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
  }

  public String roleArn(String roleName) {
    return "arn:" + partition + ":iam::" + account + ":role/" + roleName;
  }
}
