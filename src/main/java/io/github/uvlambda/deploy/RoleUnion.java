package io.github.uvlambda.deploy;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.deploy.aws.AccountContext;
import io.github.uvlambda.deploy.reconcile.DesiredRole;
import io.github.uvlambda.deploy.reconcile.Ownership;
import io.github.uvlambda.deploy.reconcile.Policies;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.function.InlinePolicy;
import io.github.uvlambda.lambda.TracingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The execution role the functions that name it need together: logging to each one's log group,
 * sending to each one's queue, X-Ray when one traces, durable checkpoints for each durable one, and
 * every inline and managed policy any of them configures. One role, one document: the role no
 * longer flips between its functions' needs.
 */
final class RoleUnion {
  private RoleUnion() {}

  static String description(Ownership owner) {
    return "Lambda execution role managed by uv-lambda-maven-plugin for project " + owner.project();
  }

  static DesiredRole of(
      String name, List<FunctionSpec> functions, AccountContext account, Ownership owner) {
    Set<String> logGroups = new TreeSet<>();
    Set<String> queues = new TreeSet<>();
    Set<String> durable = new TreeSet<>();
    boolean xray = false;
    Map<String, String> user = new TreeMap<>();
    Map<String, String> userFrom = new TreeMap<>();
    Set<String> managed = new TreeSet<>();
    for (FunctionSpec f : functions) {
      logGroups.add(account.arn("logs", "log-group:/aws/lambda/" + f.functionName()) + ":*");
      if (f.deploy().enableDlq()) {
        queues.add(account.arn("sqs", f.functionName() + "-dlq"));
      }
      if (f.deploy().enableDurableExecution()) {
        durable.add(account.arn("lambda", "function:" + f.functionName() + ":*"));
      }
      xray |= f.deploy().tracingMode() == TracingMode.ACTIVE;
      managed.addAll(f.deploy().managedPolicyArns());
      for (InlinePolicy p : f.deploy().inlinePolicies()) {
        checkName(f, p);
        String other = user.putIfAbsent(p.name(), p.document());
        if (other != null && !Policies.sameMeaning(other, p.document())) {
          throw new UvLambdaException(
              "The functions "
                  + userFrom.get(p.name())
                  + " and "
                  + f.functionName()
                  + " share the role "
                  + name
                  + " but give the inline policy "
                  + p.name()
                  + " different documents. Give the policies different names, or the functions"
                  + " different <roleName>s.");
        }
        userFrom.putIfAbsent(p.name(), f.functionName());
      }
    }
    Map<String, String> plugin = new TreeMap<>();
    plugin.put(
        Policies.PREFIX + "logs",
        Policies.allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), logGroups));
    if (xray) {
      plugin.put(
          Policies.PREFIX + "xray",
          Policies.allow(
              List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"), Set.of("*")));
    }
    if (!queues.isEmpty()) {
      plugin.put(Policies.PREFIX + "dlq", Policies.allow(List.of("sqs:SendMessage"), queues));
    }
    if (!durable.isEmpty()) {
      plugin.put(
          Policies.PREFIX + "durable",
          Policies.allow(
              List.of("lambda:CheckpointDurableExecution", "lambda:GetDurableExecutionState"),
              durable));
    }
    return new DesiredRole(
        name,
        account.roleArn(name),
        description(owner),
        plugin,
        user,
        managed,
        commonTags(functions),
        functions.stream().map(FunctionSpec::functionName).toList());
  }

  private static void checkName(FunctionSpec f, InlinePolicy p) {
    if (p.name().startsWith(Policies.PREFIX)) {
      throw new UvLambdaException(
          f.functionName()
              + ": the inline policy name "
              + p.name()
              + " ("
              + p.origin()
              + ") starts with "
              + Policies.PREFIX
              + ", which the plugin keeps for its own"
              + " policies. Rename it.");
    }
  }

  /** A shared role carries the tags its functions agree on. */
  private static Map<String, String> commonTags(List<FunctionSpec> functions) {
    Map<String, String> common = new TreeMap<>(functions.get(0).deploy().tags());
    for (FunctionSpec f : functions) {
      common.entrySet().removeIf(e -> !e.getValue().equals(f.deploy().tags().get(e.getKey())));
    }
    return common;
  }
}
