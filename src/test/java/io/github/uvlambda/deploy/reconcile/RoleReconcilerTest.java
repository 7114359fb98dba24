package io.github.uvlambda.deploy.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RoleReconcilerTest {
  static final Ownership OWNER = new Ownership("g:a", false);
  static final String LOGS = Policies.allow(List.of("logs:PutLogEvents"), Set.of("arn:logs"));
  static final String S3 = Policies.allow(List.of("s3:GetObject"), Set.of("arn:aws:s3:::b/*"));
  static final String XRAY = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess";
  static final String AUDIT = "arn:aws:iam::123:policy/audit";

  static DesiredRole role(Map<String, String> user, Set<String> managed) {
    return new DesiredRole(
        "fn-role",
        "arn:aws:iam::123:role/fn-role",
        "Lambda execution role managed by uv-lambda-maven-plugin for project g:a",
        Map.of("uv-lambda-logs", LOGS),
        user,
        managed,
        Map.of("team", "payments"),
        List.of("fn"));
  }

  /** The role as AWS holds it once the plan is applied: what a second deploy reads. */
  static RoleState applied(RoleState s, RolePlan p) {
    Map<String, String> inline = new TreeMap<>(s == null ? Map.of() : s.inlinePolicies());
    Set<String> attached = new TreeSet<>(s == null ? Set.of() : s.attachedPolicyArns());
    Map<String, String> tags = new TreeMap<>(s == null ? Map.of() : s.tags());
    p.tags().apply(tags::putAll, keys -> keys.forEach(tags::remove));
    inline.putAll(p.putPolicies());
    p.deletePolicies().forEach(inline::remove);
    attached.addAll(p.attach());
    attached.removeAll(p.detach());
    DesiredRole d = p.desired();
    return new RoleState(
        d.name(), d.arn(), "AROA1", d.description(), Policies.trust(), tags, inline, attached);
  }

  /** The role with these inline and attached policies instead of its own. */
  static RoleState withPolicies(RoleState s, Map<String, String> inline, Set<String> attached) {
    return new RoleState(
        s.name(),
        s.arn(),
        s.roleId(),
        s.description(),
        s.trustPolicy(),
        s.tags(),
        inline,
        attached);
  }

  static RoleState deployed(DesiredRole d) {
    return applied(null, RoleReconciler.plan(d, null, OWNER));
  }

  @Test
  void aMissingRoleIsCreatedWithEveryPolicy() {
    RolePlan p = RoleReconciler.plan(role(Map.of("s3", S3), Set.of(XRAY)), null, OWNER);
    assertThat(p.create()).isTrue();
    assertThat(p.putPolicies()).containsOnlyKeys("uv-lambda-logs", "s3");
    assertThat(p.attach()).containsExactly(XRAY);
    assertThat(p.changes())
        .extracting(Change::toString)
        .containsExactly(
            "+ role fn-role: trust lambda.amazonaws.com; inline policies [s3, uv-lambda-logs];"
                + " managed ["
                + XRAY
                + "]");
    assertThat(TagRecord.read(RoleReconciler.POLICY_RECORD_KEY, p.tags().set()))
        .containsExactlyInAnyOrder(TagRecord.hash("managed:" + XRAY), TagRecord.hash("inline:s3"));
  }

  @Test
  void aRoleAsConfiguredHasAnEmptyPlan() {
    DesiredRole d = role(Map.of("s3", S3), Set.of(XRAY));
    RolePlan p = RoleReconciler.plan(d, deployed(d), OWNER);
    assertThat(p.isEmpty()).isTrue();
    assertThat(p.changes()).isEmpty();
  }

  @Test
  void aDocumentWrittenDifferentlyButMeaningTheSameIsNotAChange() {
    DesiredRole d = role(Map.of("s3", S3), Set.of());
    RoleState s = deployed(d);
    Map<String, String> inline = new TreeMap<>(s.inlinePolicies());
    inline.put(
        "s3",
        "{\"Statement\":[{\"Resource\":[\"arn:aws:s3:::b/*\"],\"Action\":\"s3:GetObject\","
            + "\"Effect\":\"Allow\"}],\"Version\":\"2012-10-17\"}");
    RoleState reformatted = withPolicies(s, inline, s.attachedPolicyArns());
    assertThat(RoleReconciler.plan(d, reformatted, OWNER).isEmpty()).isTrue();
  }

  @Test
  void aChangedOrAddedPolicyIsWrittenAndAManagedOneAttached() {
    RoleState s = deployed(role(Map.of("s3", S3), Set.of()));
    String wider =
        Policies.allow(List.of("s3:GetObject", "s3:PutObject"), Set.of("arn:aws:s3:::b/*"));
    RolePlan p =
        RoleReconciler.plan(role(Map.of("s3", wider, "extra", S3), Set.of(XRAY)), s, OWNER);
    assertThat(p.putPolicies()).containsOnlyKeys("s3", "extra");
    assertThat(p.newPolicies()).containsExactly("extra");
    assertThat(p.attach()).containsExactly(XRAY);
    assertThat(p.changes())
        .extracting(Change::toString)
        .contains(
            "~ role fn-role: add inline policy extra",
            "~ role fn-role: change inline policy s3",
            "~ role fn-role: attach " + XRAY);
  }

  @Test
  void aPolicyTheUserRemovedIsDeletedAndAManagedPolicyDetached() {
    RoleState s = deployed(role(Map.of("s3", S3), Set.of(XRAY)));
    RolePlan p = RoleReconciler.plan(role(Map.of(), Set.of()), s, OWNER);
    assertThat(p.deletePolicies()).containsExactly("s3");
    assertThat(p.detach()).containsExactly(XRAY);
    assertThat(p.keptInline()).isEmpty();
    assertThat(p.changes())
        .extracting(Change::toString)
        .contains("~ role fn-role: remove inline policy s3", "~ role fn-role: detach " + XRAY);
    RoleState after = applied(s, p);
    assertThat(after.inlinePolicies()).containsOnlyKeys("uv-lambda-logs");
    assertThat(after.attachedPolicyArns()).isEmpty();
    assertThat(after.tags()).doesNotContainKey(RoleReconciler.POLICY_RECORD_KEY);
    assertThat(RoleReconciler.plan(role(Map.of(), Set.of()), after, OWNER).isEmpty()).isTrue();
  }

  @Test
  void thePluginsOwnPolicyNoLongerNeededIsDeleted() {
    RoleState s = deployed(role(Map.of(), Set.of()));
    Map<String, String> inline = new TreeMap<>(s.inlinePolicies());
    inline.put("uv-lambda-dlq", S3);
    RoleState withDlq = withPolicies(s, inline, s.attachedPolicyArns());
    assertThat(RoleReconciler.plan(role(Map.of(), Set.of()), withDlq, OWNER).deletePolicies())
        .containsExactly("uv-lambda-dlq");
  }

  @Test
  void policiesAttachedOrWrittenByHandAreReportedAndKept() {
    RoleState s = deployed(role(Map.of(), Set.of()));
    Map<String, String> inline = new TreeMap<>(s.inlinePolicies());
    inline.put("by-hand", S3);
    RoleState touched = withPolicies(s, inline, Set.of(AUDIT));
    RolePlan p = RoleReconciler.plan(role(Map.of(), Set.of()), touched, OWNER);
    assertThat(p.deletePolicies()).isEmpty();
    assertThat(p.detach()).isEmpty();
    assertThat(p.keptInline()).containsExactly("by-hand");
    assertThat(p.keptManaged()).containsExactly(AUDIT);
    assertThat(p.isEmpty()).isTrue();
    assertThat(p.changes())
        .extracting(Change::toString)
        .containsExactly(
            "= role fn-role: inline policy by-hand was not written by the plugin: left in place",
            "= role fn-role: " + AUDIT + " was attached outside the plugin: left attached");
  }

  @Test
  void aPolicyIsRecordedBeforeItIsAttachedAndForgottenOnlyAfterItIsDetached() {
    RoleState s = deployed(role(Map.of(), Set.of()));
    RolePlan attach = RoleReconciler.plan(role(Map.of(), Set.of(AUDIT)), s, OWNER);
    assertThat(TagRecord.read(RoleReconciler.POLICY_RECORD_KEY, attach.tags().set()))
        .contains(TagRecord.hash("managed:" + AUDIT));
    RoleState attached = applied(s, attach);
    RolePlan detach = RoleReconciler.plan(role(Map.of(), Set.of()), attached, OWNER);
    assertThat(detach.tags().set()).isEmpty();
    assertThat(detach.tags().removeAfter()).contains(RoleReconciler.POLICY_RECORD_KEY);
  }

  @Test
  void aWrongTrustPolicyOrDescriptionIsSetAgain() {
    DesiredRole d = role(Map.of(), Set.of());
    RoleState s = deployed(d);
    RoleState edited =
        new RoleState(
            s.name(),
            s.arn(),
            s.roleId(),
            "hand-edited",
            Policies.allow(List.of("sts:AssumeRole"), Set.of("*")),
            s.tags(),
            s.inlinePolicies(),
            s.attachedPolicyArns());
    RolePlan p = RoleReconciler.plan(d, edited, OWNER);
    assertThat(p.updateTrust()).isTrue();
    assertThat(p.updateDescription()).isTrue();
  }

  @Test
  void aRoleOfAnotherProjectIsAProblemUnlessAdopted() {
    DesiredRole d = role(Map.of(), Set.of());
    RoleState s = deployed(d);
    Map<String, String> tags = new TreeMap<>(s.tags());
    tags.put(Ownership.PROJECT_KEY, "other:project");
    RoleState foreign =
        new RoleState(
            s.name(),
            s.arn(),
            s.roleId(),
            s.description(),
            s.trustPolicy(),
            tags,
            s.inlinePolicies(),
            s.attachedPolicyArns());
    assertThat(RoleReconciler.plan(d, foreign, OWNER).problems())
        .singleElement()
        .asString()
        .contains("IAM role fn-role belongs to the project other:project")
        .contains("<adoptExisting>true</adoptExisting>");
    assertThat(RoleReconciler.plan(d, foreign, new Ownership("g:a", true)).problems()).isEmpty();
  }
}
