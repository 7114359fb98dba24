package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.SettingNeededException;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.deploy.aws.AwsClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * A function's code, configuration and tags. Besides the user's tags it keeps two of its own: the
 * durable settings it created the function with (emulators do not return DurableConfig) and a
 * record of what it last deployed (code hash and a configuration hash), which tells a change made
 * outside the plugin (drift) from a change of the POM.
 */
public final class FunctionReconciler {
  public static final String DURABLE_KEY = "uv-lambda:durable";
  public static final String DEPLOYED_KEY = "uv-lambda:deployed";

  private FunctionReconciler() {}

  /** The function, or null when it does not exist. */
  public static FunctionState read(AwsClients aws, String name) {
    GetFunctionResponse r;
    try {
      r = aws.lambda().getFunction(b -> b.functionName(name));
    } catch (ResourceNotFoundException e) {
      return null;
    }
    Map<String, String> tags = r.tags() == null ? Map.of() : r.tags();
    return new FunctionState(
        r.configuration().functionArn(),
        LambdaConfiguration.of(r.configuration(), durableFromTag(tags.get(DURABLE_KEY))),
        tags);
  }

  static LambdaConfiguration.Durable durableFromTag(String tag) {
    if (tag == null || !tag.matches("[0-9]+/[0-9]+")) {
      return null;
    }
    String[] p = tag.split("/");
    return new LambdaConfiguration.Durable(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
  }

  /** The record of a deploy: {@code code=<CodeSha256> config=<configuration hash>}. */
  static String record(LambdaConfiguration c) {
    return "code=" + c.codeSha256() + " config=" + c.configurationHash();
  }

  private static String recorded(Map<String, String> tags, String field) {
    String r = tags.get(DEPLOYED_KEY);
    if (r == null) {
      return null;
    }
    for (String part : r.split(" ")) {
      if (part.startsWith(field + "=")) {
        return part.substring(field.length() + 1);
      }
    }
    return null;
  }

  /**
   * @param depsLayerArn the dependency layer version the function uses when no new one is
   *     published, or null
   * @param pendingLayer the dependency layer publishing a new version first, or null
   * @param recreate whether a function that must be recreated may be
   */
  public static FunctionPlan plan(
      DesiredFunction d,
      FunctionState s,
      String depsLayerArn,
      String pendingLayer,
      Ownership owner,
      boolean recreate) {
    LambdaConfiguration target = d.configuration(pendingLayer == null ? depsLayerArn : null);
    Map<String, String> plugin = new TreeMap<>(owner.tags());
    if (target.durable() != null) {
      plugin.put(
          DURABLE_KEY,
          target.durable().executionTimeout() + "/" + target.durable().retentionDays());
    }
    if (s == null) {
      return creation(d, null, FunctionPlan.Kind.CREATE, target, pendingLayer, plugin, List.of());
    }
    List<UvLambdaException> problems = new ArrayList<>();
    owner.problem("Lambda function", d.name(), s.tags()).ifPresent(problems::add);
    if (target.durable() != null && s.configuration().durable() == null) {
      if (!recreate) {
        problems.add(
            new SettingNeededException(
                "Lambda function "
                    + d.name()
                    + " exists without durable execution, and Lambda"
                    + " can only enable it when a function is created. Set ",
                "recreate",
                "true",
                " to delete and recreate it (its versions and aliases are lost), or turn"
                    + " <enableDurableExecution> off."));
      } else {
        return creation(d, s, FunctionPlan.Kind.RECREATE, target, pendingLayer, plugin, problems);
      }
    }
    if (s.tags().containsKey(DEPLOYED_KEY)) {
      plugin.put(DEPLOYED_KEY, s.tags().get(DEPLOYED_KEY));
    }
    LambdaConfiguration have = s.configuration();
    List<FieldChange> code = ConfigurationDiff.code(target, have);
    List<FieldChange> config = ConfigurationDiff.configuration(target, have, pendingLayer);
    String codeRecord = recorded(s.tags(), "code");
    String configRecord = recorded(s.tags(), "config");
    boolean codeDrift =
        !code.isEmpty() && codeRecord != null && !codeRecord.equals(have.codeSha256());
    boolean configDrift =
        !config.isEmpty() && configRecord != null && !configRecord.equals(have.configurationHash());
    boolean refresh =
        code.isEmpty() && config.isEmpty() && !record(have).equals(s.tags().get(DEPLOYED_KEY));
    TagPlan tags = TagPlan.of(s.tags(), d.tags(), plugin, plugin);
    boolean changes = !code.isEmpty() || !config.isEmpty() || !tags.isEmpty() || refresh;
    return new FunctionPlan(
        d,
        s,
        changes ? FunctionPlan.Kind.UPDATE : FunctionPlan.Kind.NONE,
        target,
        pendingLayer,
        code,
        config,
        codeDrift,
        configDrift,
        tags,
        refresh,
        problems);
  }

  /** A plan that creates the function, with all its tags at once. */
  private static FunctionPlan creation(
      DesiredFunction d,
      FunctionState s,
      FunctionPlan.Kind kind,
      LambdaConfiguration target,
      String pendingLayer,
      Map<String, String> plugin,
      List<UvLambdaException> problems) {
    TagPlan tags = TagPlan.of(Map.of(), d.tags(), plugin, plugin);
    return new FunctionPlan(
        d,
        s,
        kind,
        target,
        pendingLayer,
        List.of(),
        List.of(),
        false,
        false,
        tags,
        false,
        problems);
  }

  /**
   * Applies the plan; returns the function's ARN.
   *
   * @param depsLayerArn the dependency layer version apply published or kept, or null
   */
  public static String apply(FunctionPlan p, String depsLayerArn, ApplyContext ctx) {
    String name = p.desired().name();
    LambdaConfiguration t =
        p.pendingLayer() == null ? p.target() : p.desired().configuration(depsLayerArn);
    var lambda = ctx.aws().lambda();
    if (p.kind() == FunctionPlan.Kind.RECREATE) {
      lambda.deleteFunction(b -> b.functionName(name));
      ctx.journal().done(p.resource() + " deleted for recreation");
    }
    if (p.kind() == FunctionPlan.Kind.CREATE || p.kind() == FunctionPlan.Kind.RECREATE) {
      Map<String, String> tags = new TreeMap<>(p.tags().set());
      tags.put(DEPLOYED_KEY, record(t));
      FunctionCode code = ctx.uploads().functionCode(name, p.desired().codeZip());
      String arn =
          ctx.retries()
              .call(
                  name + ": create function",
                  () ->
                      lambda
                          .createFunction(FunctionRequests.create(p.desired(), t, code, tags))
                          .functionArn(),
                  null);
      lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
      ctx.journal().done(p.resource() + " created");
      return arn;
    }
    Runnable waitUpdated =
        () -> lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(name));
    if (!p.code().isEmpty()) {
      FunctionCode code = ctx.uploads().functionCode(name, p.desired().codeZip());
      ctx.retries()
          .call(
              name + ": update code",
              () ->
                  lambda.updateFunctionCode(
                      b -> {
                        b.functionName(name).architecturesWithStrings(t.architecture());
                        if (code.zipFile() != null) {
                          b.zipFile(code.zipFile());
                        } else {
                          b.s3Bucket(code.s3Bucket()).s3Key(code.s3Key());
                        }
                      }),
              waitUpdated);
      waitUpdated.run();
      ctx.journal().done(p.resource() + " code updated");
    }
    if (!p.configuration().isEmpty()) {
      ctx.retries()
          .call(
              name + ": update configuration",
              () -> lambda.updateFunctionConfiguration(FunctionRequests.update(name, t)),
              waitUpdated);
      waitUpdated.run();
      ctx.journal().done(p.resource() + " configuration updated");
    }
    Map<String, String> first = new TreeMap<>(p.tags().set());
    if (!p.code().isEmpty() || !p.configuration().isEmpty() || p.refreshRecord()) {
      first.put(DEPLOYED_KEY, record(t));
    }
    String arn = p.current().arn();
    if (!first.isEmpty()) {
      lambda.tagResource(b -> b.resource(arn).tags(first));
    }
    p.tags()
        .applyRest(
            tags -> lambda.tagResource(b -> b.resource(arn).tags(tags)),
            keys -> lambda.untagResource(b -> b.resource(arn).tagKeys(keys)));
    if (!first.isEmpty() || !p.tags().isEmpty()) {
      ctx.journal().done(p.resource() + " tags set");
    }
    return arn;
  }
}
