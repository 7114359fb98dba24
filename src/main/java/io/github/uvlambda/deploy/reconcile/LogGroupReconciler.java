package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.deploy.aws.AwsClients;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;

/**
 * A function's CloudWatch log group, created before the function so that its retention is the
 * configured one (Lambda would create it on the first invocation, never expiring).
 */
public final class LogGroupReconciler {
  private LogGroupReconciler() {}

  /** The log group, or null when it does not exist. */
  public static LogGroupState read(AwsClients aws, String name, String arn) {
    LogGroup g =
        aws.logs().describeLogGroups(b -> b.logGroupNamePrefix(name)).logGroups().stream()
            .filter(x -> x.logGroupName().equals(name))
            .findFirst()
            .orElse(null);
    if (g == null) {
      return null;
    }
    Map<String, String> tags = aws.logs().listTagsForResource(b -> b.resourceArn(arn)).tags();
    return new LogGroupState(name, g.retentionInDays(), tags);
  }

  public static LogGroupPlan plan(DesiredLogGroup d, LogGroupState s, Ownership owner) {
    if (s == null) {
      TagPlan tags = TagPlan.of(Map.of(), d.tags(), owner.tags(), owner.tags());
      return new LogGroupPlan(d, true, false, null, tags, List.of());
    }
    List<UvLambdaException> problems =
        owner.problem("Log group", d.name(), s.tags()).map(List::of).orElse(List.of());
    boolean retention = !Objects.equals(s.retentionDays(), d.retentionDays());
    TagPlan tags = TagPlan.of(s.tags(), d.tags(), owner.tags(), owner.tags());
    return new LogGroupPlan(d, false, retention, s.retentionDays(), tags, problems);
  }

  public static void apply(LogGroupPlan p, ApplyContext ctx) {
    DesiredLogGroup d = p.desired();
    if (p.create()) {
      try {
        ctx.aws().logs().createLogGroup(b -> b.logGroupName(d.name()).tags(p.tags().set()));
      } catch (ResourceAlreadyExistsException e) {
        ctx.log().debug(d.name() + " appeared meanwhile");
      }
      ctx.journal().done(p.resource() + " created");
    }
    if (p.create() || p.changeRetention()) {
      ctx.aws()
          .logs()
          .putRetentionPolicy(b -> b.logGroupName(d.name()).retentionInDays(d.retentionDays()));
      ctx.journal().done(p.resource() + " retention set");
    }
    if (!p.create() && !p.tags().isEmpty()) {
      p.tags()
          .apply(
              tags -> ctx.aws().logs().tagResource(b -> b.resourceArn(d.arn()).tags(tags)),
              keys -> ctx.aws().logs().untagResource(b -> b.resourceArn(d.arn()).tagKeys(keys)));
      ctx.journal().done(p.resource() + " tags set");
    }
  }
}
