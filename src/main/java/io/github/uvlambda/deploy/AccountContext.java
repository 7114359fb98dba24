package io.github.uvlambda.deploy;

/** Who and where the deploy runs: from STS GetCallerIdentity and the client region. */
record AccountContext(String account, String partition, String region) {
  String arn(String service, String resource) {
    return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
  }

  String roleArn(String roleName) {
    return "arn:" + partition + ":iam::" + account + ":role/" + roleName;
  }
}
