package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.deploy.aws.AwsClients;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** A function's SQS dead-letter queue. */
public final class QueueReconciler {
  private static final List<QueueAttributeName> MESSAGE_COUNTS =
      List.of(
          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);

  private static final List<QueueAttributeName> ATTRIBUTES =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD),
              MESSAGE_COUNTS.stream())
          .toList();

  private QueueReconciler() {}

  /** The queue, or null when it does not exist. */
  public static QueueState read(AwsClients aws, String name) {
    String url;
    try {
      url = aws.sqs().getQueueUrl(b -> b.queueName(name)).queueUrl();
    } catch (QueueDoesNotExistException e) {
      return null;
    }
    Map<QueueAttributeName, String> a =
        aws.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(ATTRIBUTES)).attributes();
    long messages = 0;
    for (QueueAttributeName n : MESSAGE_COUNTS) {
      messages += Long.parseLong(a.getOrDefault(n, "0"));
    }
    Map<String, String> tags = aws.sqs().listQueueTags(b -> b.queueUrl(url)).tags();
    return new QueueState(
        name, url, a.get(QueueAttributeName.MESSAGE_RETENTION_PERIOD), messages, tags);
  }

  public static QueuePlan plan(DesiredQueue d, QueueState s, Ownership owner) {
    if (s == null) {
      TagPlan tags = TagPlan.of(Map.of(), d.tags(), owner.tags(), owner.tags());
      return new QueuePlan(d, null, true, false, tags, List.of());
    }
    List<UvLambdaException> problems =
        owner.problem("SQS queue", d.name(), s.tags()).map(List::of).orElse(List.of());
    boolean retention = !DesiredQueue.RETENTION_SECONDS.equals(s.retentionSeconds());
    TagPlan tags = TagPlan.of(s.tags(), d.tags(), owner.tags(), owner.tags());
    return new QueuePlan(d, s.url(), false, retention, tags, problems);
  }

  /** Applies the plan; returns the queue's URL. */
  public static String apply(QueuePlan p, ApplyContext ctx) {
    DesiredQueue d = p.desired();
    Map<QueueAttributeName, String> retention =
        Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, DesiredQueue.RETENTION_SECONDS);
    if (p.create()) {
      String url =
          ctx.aws()
              .sqs()
              .createQueue(b -> b.queueName(d.name()).attributes(retention).tags(p.tags().set()))
              .queueUrl();
      ctx.journal().done(p.resource() + " created");
      return url;
    }
    if (p.changeRetention()) {
      ctx.aws().sqs().setQueueAttributes(b -> b.queueUrl(p.url()).attributes(retention));
      ctx.journal().done(p.resource() + " retention set");
    }
    if (!p.tags().isEmpty()) {
      p.tags()
          .apply(
              tags -> ctx.aws().sqs().tagQueue(b -> b.queueUrl(p.url()).tags(tags)),
              keys -> ctx.aws().sqs().untagQueue(b -> b.queueUrl(p.url()).tagKeys(keys)));
      ctx.journal().done(p.resource() + " tags set");
    }
    return p.url();
  }
}
