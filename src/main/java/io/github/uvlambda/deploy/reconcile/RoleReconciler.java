package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.deploy.aws.AwsClients;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** A Lambda execution role: trust policy, the plugin's and the user's policies, tags. */
public final class RoleReconciler {
  /** Managed policy ARNs and user inline policy names the plugin attached or wrote. */
  public static final String POLICY_RECORD_KEY = "uv-lambda:policies";

  private RoleReconciler() {}

  static String managedEntry(String arn) {
    return "managed:" + arn;
  }

  static String inlineEntry(String name) {
    return "inline:" + name;
  }

  /** The role with its policies, or null when it does not exist. */
  public static RoleState read(AwsClients aws, String name) {
    Role role;
    try {
      role = aws.iam().getRole(b -> b.roleName(name)).role();
    } catch (NoSuchEntityException e) {
      return null;
    }
    Map<String, String> inline = new TreeMap<>();
    aws.iam().listRolePoliciesPaginator(b -> b.roleName(name)).policyNames().stream()
        .forEach(
            p ->
                inline.put(
                    p,
                    Policies.decode(
                        aws.iam()
                            .getRolePolicy(b -> b.roleName(name).policyName(p))
                            .policyDocument())));
    Set<String> attached = new TreeSet<>();
    aws.iam().listAttachedRolePoliciesPaginator(b -> b.roleName(name)).attachedPolicies().stream()
        .map(AttachedPolicy::policyArn)
        .forEach(attached::add);
    return new RoleState(
        name,
        role.arn(),
        role.roleId(),
        role.description(),
        Policies.decode(role.assumeRolePolicyDocument()),
        tags(role.tags()),
        inline,
        attached);
  }

  static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> t = new TreeMap<>();
    if (tags != null) {
      tags.forEach(tag -> t.put(tag.key(), tag.value()));
    }
    return t;
  }

  static List<Tag> iamTags(Map<String, String> m) {
    return m.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }

  public static RolePlan plan(DesiredRole d, RoleState s, Ownership owner) {
    Map<String, String> have = s == null ? Map.of() : s.inlinePolicies();
    Set<String> attached = s == null ? Set.of() : s.attachedPolicyArns();
    Set<String> recorded = s == null ? Set.of() : TagRecord.read(POLICY_RECORD_KEY, s.tags());

    Map<String, String> put = new TreeMap<>();
    Set<String> added = new TreeSet<>();
    d.inlinePolicies()
        .forEach(
            (name, doc) -> {
              String current = have.get(name);
              if (current == null) {
                put.put(name, doc);
                added.add(name);
              } else if (!Policies.sameMeaning(current, doc)) {
                put.put(name, doc);
              }
            });
    Set<String> delete = new TreeSet<>();
    Set<String> keptInline = new TreeSet<>();
    for (String name : have.keySet()) {
      if (!d.inlinePolicies().containsKey(name)) {
        boolean ours =
            name.startsWith(Policies.PREFIX)
                || recorded.contains(TagRecord.hash(inlineEntry(name)));
        (ours ? delete : keptInline).add(name);
      }
    }
    Set<String> attach = new TreeSet<>(d.managedPolicyArns());
    attach.removeAll(attached);
    Set<String> detach = new TreeSet<>();
    Set<String> keptManaged = new TreeSet<>();
    for (String arn : attached) {
      if (!d.managedPolicyArns().contains(arn)) {
        boolean ours = recorded.contains(TagRecord.hash(managedEntry(arn)));
        (ours ? detach : keptManaged).add(arn);
      }
    }

    Set<String> finalRecord = new TreeSet<>();
    for (String arn : d.managedPolicyArns()) {
      String h = TagRecord.hash(managedEntry(arn));
      if (recorded.contains(h) || attach.contains(arn)) {
        finalRecord.add(h);
      }
    }
    for (String name : d.userPolicies().keySet()) {
      String h = TagRecord.hash(inlineEntry(name));
      if (recorded.contains(h) || put.containsKey(name)) {
        finalRecord.add(h);
      }
    }
    Set<String> firstRecord = new TreeSet<>(recorded);
    firstRecord.addAll(finalRecord);
    Map<String, String> pluginFirst = new TreeMap<>(owner.tags());
    pluginFirst.putAll(TagRecord.write(POLICY_RECORD_KEY, firstRecord));
    Map<String, String> pluginAfter = new TreeMap<>(owner.tags());
    pluginAfter.putAll(TagRecord.write(POLICY_RECORD_KEY, finalRecord));
    TagPlan tags = TagPlan.of(s == null ? Map.of() : s.tags(), d.tags(), pluginFirst, pluginAfter);

    if (s == null) {
      return new RolePlan(
          d, null, true, false, false, put, added, Set.of(), attach, Set.of(), Set.of(), Set.of(),
          tags, List.of());
    }
    List<UvLambdaException> problems =
        owner.problem("IAM role", d.name(), s.tags()).map(List::of).orElse(List.of());
    return new RolePlan(
        d,
        s,
        false,
        !Policies.sameMeaning(s.trustPolicy(), Policies.trust()),
        !d.description().equals(s.description()),
        put,
        added,
        delete,
        attach,
        detach,
        keptInline,
        keptManaged,
        tags,
        problems);
  }

  /**
   * Applies the plan: the record is widened before anything is attached, narrowed after. Returns
   * the role's unique ID.
   */
  public static String apply(RolePlan p, ApplyContext ctx) {
    DesiredRole d = p.desired();
    String role = d.name();
    var iam = ctx.aws().iam();
    String roleId;
    if (p.create()) {
      roleId =
          iam.createRole(
                  b ->
                      b.roleName(role)
                          .assumeRolePolicyDocument(Policies.trust())
                          .description(d.description())
                          .tags(iamTags(p.tags().set())))
              .role()
              .roleId();
      ctx.journal().done(p.resource() + " created");
    } else {
      roleId = p.current().roleId();
      p.tags().applyFirst(t -> iam.tagRole(b -> b.roleName(role).tags(iamTags(t))));
      if (p.updateTrust()) {
        iam.updateAssumeRolePolicy(b -> b.roleName(role).policyDocument(Policies.trust()));
        ctx.journal().done(p.resource() + " trust policy set");
      }
      if (p.updateDescription()) {
        iam.updateRole(b -> b.roleName(role).description(d.description()));
        ctx.journal().done(p.resource() + " description set");
      }
    }
    new TreeMap<>(p.putPolicies())
        .forEach(
            (name, doc) -> {
              iam.putRolePolicy(b -> b.roleName(role).policyName(name).policyDocument(doc));
              ctx.journal().done(p.resource() + " policy " + name + " written");
            });
    for (String arn : new TreeSet<>(p.attach())) {
      iam.attachRolePolicy(b -> b.roleName(role).policyArn(arn));
      ctx.journal().done(p.resource() + " " + arn + " attached");
    }
    for (String name : new TreeSet<>(p.deletePolicies())) {
      iam.deleteRolePolicy(b -> b.roleName(role).policyName(name));
      ctx.journal().done(p.resource() + " policy " + name + " removed");
    }
    for (String arn : new TreeSet<>(p.detach())) {
      iam.detachRolePolicy(b -> b.roleName(role).policyArn(arn));
      ctx.journal().done(p.resource() + " " + arn + " detached");
    }
    if (!p.create()) {
      p.tags()
          .applyRest(
              t -> iam.tagRole(b -> b.roleName(role).tags(iamTags(t))),
              k -> iam.untagRole(b -> b.roleName(role).tagKeys(k)));
    }
    return roleId;
  }
}
