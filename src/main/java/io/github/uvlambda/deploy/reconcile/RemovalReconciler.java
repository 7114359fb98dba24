package io.github.uvlambda.deploy.reconcile;

import java.util.TreeSet;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Executes a {@link RemovalPlan}, in its order. Every delete tolerates a resource that is already
 * gone, so a run that stopped half-way can simply be repeated.
 */
public final class RemovalReconciler {
  private RemovalReconciler() {}

  public static void apply(RemovalPlan plan, ApplyContext ctx) {
    for (RemovalPlan.Removal r : plan.applied()) {
      if (r instanceof RemovalPlan.DeleteQueue q) {
        deleteQueue(q, ctx);
      } else if (r instanceof RemovalPlan.DeleteLogGroup g) {
        deleteLogGroup(g, ctx);
      } else if (r instanceof RemovalPlan.DeleteFunction f) {
        deleteFunction(f, ctx);
      } else if (r instanceof RemovalPlan.DeleteRole role) {
        deleteRole(role, ctx);
      } else if (r instanceof RemovalPlan.DeleteLayerVersions l) {
        deleteLayerVersions(l, ctx);
      }
      ctx.journal().done(r.resource() + " deleted");
    }
  }

  private static void deleteQueue(RemovalPlan.DeleteQueue q, ApplyContext ctx) {
    try {
      ctx.aws().sqs().deleteQueue(b -> b.queueUrl(q.queue().url()));
    } catch (QueueDoesNotExistException e) {
      ctx.log().debug(q.resource() + " was already deleted");
    }
  }

  private static void deleteLogGroup(RemovalPlan.DeleteLogGroup g, ApplyContext ctx) {
    try {
      ctx.aws().logs().deleteLogGroup(b -> b.logGroupName(g.name()));
    } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
      ctx.log().debug(g.resource() + " was already deleted");
    }
  }

  /** Without a qualifier, DeleteFunction deletes every version and alias too. */
  private static void deleteFunction(RemovalPlan.DeleteFunction f, ApplyContext ctx) {
    try {
      ctx.aws().lambda().deleteFunction(b -> b.functionName(f.name()));
    } catch (ResourceNotFoundException e) {
      ctx.log().debug(f.resource() + " was already deleted");
    }
  }

  /** IAM deletes a role only without policies: inline ones deleted, managed ones detached. */
  private static void deleteRole(RemovalPlan.DeleteRole d, ApplyContext ctx) {
    var iam = ctx.aws().iam();
    String role = d.role().name();
    try {
      for (String p : new TreeSet<>(d.role().inlinePolicies().keySet())) {
        iam.deleteRolePolicy(b -> b.roleName(role).policyName(p));
      }
      for (String arn : new TreeSet<>(d.role().attachedPolicyArns())) {
        iam.detachRolePolicy(b -> b.roleName(role).policyArn(arn));
      }
      iam.deleteRole(b -> b.roleName(role));
    } catch (NoSuchEntityException e) {
      ctx.log().debug(d.resource() + " was already deleted");
    }
  }

  private static void deleteLayerVersions(RemovalPlan.DeleteLayerVersions l, ApplyContext ctx) {
    for (long v : l.versions()) {
      ctx.aws().lambda().deleteLayerVersion(b -> b.layerName(l.layer()).versionNumber(v));
    }
  }
}
