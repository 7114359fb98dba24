package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.deploy.aws.AwsClients;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** A function's published versions, its alias, and their retention. */
public final class VersionReconciler {
  private VersionReconciler() {}

  public static VersionState read(AwsClients aws, String function) {
    List<VersionState.Published> versions = new ArrayList<>();
    Map<String, String> aliases = new TreeMap<>();
    Map<String, String> arns = new TreeMap<>();
    try {
      for (FunctionConfiguration c :
          aws.lambda().listVersionsByFunctionPaginator(b -> b.functionName(function)).versions()) {
        if (!"$LATEST".equals(c.version())) {
          versions.add(new VersionState.Published(c.version(), LambdaConfiguration.of(c, null)));
        }
      }
      for (AliasConfiguration a :
          aws.lambda().listAliasesPaginator(b -> b.functionName(function)).aliases()) {
        aliases.put(a.name(), a.functionVersion());
        arns.put(a.name(), a.aliasArn());
      }
    } catch (ResourceNotFoundException e) {
      return VersionState.NONE;
    }
    return new VersionState(versions, aliases, arns);
  }

  public static VersionPlan plan(
      DesiredFunction d, VersionState s, FunctionPlan function, int keepVersions) {
    VersionState v = function.kind() == FunctionPlan.Kind.RECREATE ? VersionState.NONE : s;
    List<String> numbers = v.versions().stream().map(VersionState.Published::version).toList();
    Set<String> aliased = new HashSet<>(v.aliases().values());
    if (!d.publishes()) {
      return new VersionPlan(
          d.name(),
          null,
          false,
          null,
          null,
          null,
          Retention.functionVersions(numbers, false, aliased, keepVersions));
    }
    String from = v.aliases().get(d.aliasName());
    aliased.remove(from);
    for (Map.Entry<String, String> e : v.aliases().entrySet()) {
      if (!e.getKey().equals(d.aliasName())) {
        aliased.add(e.getValue());
      }
    }
    String target = null;
    if (!function.changesLatest() && function.current() != null) {
      LambdaConfiguration latest = function.current().configuration();
      target =
          v.newest()
              .filter(p -> p.configuration().sameVersionContent(latest))
              .map(VersionState.Published::version)
              .orElse(null);
    }
    boolean publish = target == null;
    if (!publish) {
      aliased.add(target);
    }
    return new VersionPlan(
        d.name(),
        d.aliasName(),
        publish,
        target,
        from,
        v.aliasArns().get(d.aliasName()),
        Retention.functionVersions(numbers, publish, aliased, keepVersions));
  }

  /** Publishes and moves the alias as planned; returns the alias's ARN, or null without one. */
  public static String apply(VersionPlan p, String codeSha256, ApplyContext ctx) {
    if (p.aliasName() == null) {
      return null;
    }
    if (!p.moveAlias()) {
      return p.aliasArn();
    }
    String name = p.function();
    var lambda = ctx.aws().lambda();
    String version = p.target();
    if (p.publish()) {
      version =
          ctx.retries()
              .call(
                  name + ": publish version",
                  () ->
                      lambda
                          .publishVersion(b -> b.functionName(name).codeSha256(codeSha256))
                          .version(),
                  () -> lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(name)));
      String published = version;
      lambda
          .waiter()
          .waitUntilPublishedVersionActive(b -> b.functionName(name).qualifier(published));
      ctx.journal().done("function " + name + " version " + version + " published");
    }
    String to = version;
    String arn;
    if (p.aliasFrom() == null) {
      arn =
          lambda
              .createAlias(b -> b.functionName(name).name(p.aliasName()).functionVersion(to))
              .aliasArn();
      ctx.journal().done("alias " + p.aliasName() + " of " + name + " created");
    } else {
      arn =
          lambda
              .updateAlias(b -> b.functionName(name).name(p.aliasName()).functionVersion(to))
              .aliasArn();
      ctx.journal().done("alias " + p.aliasName() + " of " + name + " moved to " + to);
    }
    ctx.log().info(name + ": alias " + p.aliasName() + " → version " + to);
    return arn;
  }

  /** Deletes the versions retention retires. */
  public static void retire(VersionPlan p, ApplyContext ctx) {
    for (String v : p.retire()) {
      try {
        ctx.aws().lambda().deleteFunction(b -> b.functionName(p.function()).qualifier(v));
      } catch (ResourceNotFoundException e) {
        ctx.log().debug(p.function() + ":" + v + " was already deleted");
      }
      ctx.journal().done("function " + p.function() + " version " + v + " deleted");
    }
  }
}
