package io.github.uvlambda.deploy;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.archive.Hashes;
import io.github.uvlambda.deploy.aws.AccountContext;
import io.github.uvlambda.deploy.reconcile.DesiredFunction;
import io.github.uvlambda.deploy.reconcile.DesiredLayer;
import io.github.uvlambda.deploy.reconcile.DesiredLogGroup;
import io.github.uvlambda.deploy.reconcile.DesiredQueue;
import io.github.uvlambda.deploy.reconcile.DesiredRole;
import io.github.uvlambda.deploy.reconcile.LambdaConfiguration;
import io.github.uvlambda.deploy.reconcile.LayerVersion;
import io.github.uvlambda.deploy.reconcile.Ownership;
import io.github.uvlambda.function.FunctionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the POM asks for, as the reconcilers' desired records: one entry per function, and one per
 * distinct role and layer, so that functions sharing a {@code <roleName>} or {@code <layerName>}
 * share one resource.
 */
record DesiredProject(
    Ownership owner,
    List<DesiredFunction> functions,
    Map<String, DesiredRole> roles,
    Map<String, DesiredLayer> layers) {

  DesiredProject {
    functions = List.copyOf(functions);
    roles = Map.copyOf(roles);
    layers = Map.copyOf(layers);
  }

  static DesiredProject of(
      List<FunctionArtifacts> artifacts, AccountContext account, Ownership owner) {
    List<DesiredFunction> functions = new ArrayList<>();
    Map<String, List<FunctionSpec>> byRole = new LinkedHashMap<>();
    Map<String, DesiredLayer> layers = new LinkedHashMap<>();
    for (FunctionArtifacts a : artifacts) {
      FunctionSpec f = a.spec();
      checkTags(f);
      byRole.computeIfAbsent(f.deploy().roleName(), k -> new ArrayList<>()).add(f);
      String layerName = null;
      if (a.hasLayer()) {
        layerName = f.deploy().layerName();
        DesiredLayer layer = layer(a, owner);
        DesiredLayer other = layers.putIfAbsent(layerName, layer);
        if (other != null) {
          if (!other.sha256().equals(layer.sha256())) {
            throw new UvLambdaException(
                "The functions "
                    + other.functions().get(0)
                    + " and "
                    + f.functionName()
                    + " set <layerName>"
                    + layerName
                    + "</layerName> but their deps.zip differ;"
                    + " functions share a layer only when their layer inputs (lock, dependency"
                    + " group, runtime, architecture, excluded packages) are the same. Give them"
                    + " different <layerName>s.");
          }
          List<String> users = new ArrayList<>(other.functions());
          users.add(f.functionName());
          layers.put(
              layerName,
              new DesiredLayer(
                  layerName,
                  other.sha256(),
                  other.zip(),
                  other.runtime(),
                  other.architecture(),
                  other.description(),
                  users));
        }
      }
      functions.add(function(a, layerName, account));
    }
    Map<String, DesiredRole> roles = new LinkedHashMap<>();
    byRole.forEach((name, fs) -> roles.put(name, RoleUnion.of(name, fs, account, owner)));
    return new DesiredProject(owner, functions, roles, layers);
  }

  private static void checkTags(FunctionSpec f) {
    for (String key : f.deploy().tags().keySet()) {
      if (Ownership.isPluginKey(key) || key.startsWith("aws:")) {
        throw new UvLambdaException(
            f.functionName()
                + ": the tag "
                + key
                + " in <tags> is reserved ("
                + (key.startsWith("aws:") ? "AWS's own prefix" : "the plugin's own tags")
                + "). Rename it.");
      }
    }
  }

  private static DesiredLayer layer(FunctionArtifacts a, Ownership owner) {
    FunctionSpec f = a.spec();
    String sha = Hashes.codeSha256(a.layerZip());
    String runtime = f.runtime().id();
    String arch = f.architecture().awsName();
    return new DesiredLayer(
        f.deploy().layerName(),
        sha,
        a.layerZip(),
        runtime,
        arch,
        LayerVersion.description(owner.project(), sha, runtime, arch),
        List.of(f.functionName()));
  }

  private static DesiredFunction function(
      FunctionArtifacts a, String layerName, AccountContext account) {
    FunctionSpec f = a.spec();
    String logGroup = "/aws/lambda/" + f.functionName();
    DesiredLogGroup group =
        new DesiredLogGroup(
            logGroup,
            account.arn("logs", "log-group:" + logGroup),
            f.deploy().logRetentionDays(),
            f.deploy().tags());
    DesiredQueue queue =
        f.deploy().enableDlq()
            ? new DesiredQueue(
                f.functionName() + "-dlq",
                account.arn("sqs", f.functionName() + "-dlq"),
                f.deploy().tags())
            : null;
    List<String> layers = new ArrayList<>();
    if (f.powertoolsLayerArn() != null) {
      layers.add(f.powertoolsLayerArn());
    }
    layers.addAll(f.deploy().additionalLayers());
    LambdaConfiguration configuration =
        new LambdaConfiguration(
            f.runtime().id(),
            f.handler(),
            account.roleArn(f.deploy().roleName()),
            f.deploy().description(),
            f.deploy().timeout(),
            f.deploy().memorySize(),
            f.deploy().environmentVariables(),
            layers,
            f.deploy().tracingMode().awsName(),
            queue == null ? null : queue.arn(),
            f.deploy().enableDurableExecution()
                ? new LambdaConfiguration.Durable(
                    f.deploy().durableConfig().executionTimeout(),
                    f.deploy().durableConfig().retentionPeriod())
                : null,
            f.architecture().awsName(),
            Hashes.codeSha256(a.codeZip()));
    return new DesiredFunction(
        f.functionName(),
        a.codeZip(),
        configuration,
        layerName,
        f.deploy().publishesVersion() ? f.deploy().aliasName() : null,
        group,
        queue,
        f.deploy().roleName(),
        f.deploy().tags());
  }
}
