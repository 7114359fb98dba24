package io.github.uvlambda.deploy.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RemovalPlannerTest {
  static final Ownership OWNER = new Ownership("g:a", false);
  static final String OLD_LAYER = "arn:aws:lambda:us-east-1:123:layer:old-deps:1";

  static FunctionState function(String name, String role, String... layers) {
    LambdaConfiguration c =
        FunctionReconcilerTest.config(128, "A", null).withLayers(List.of(layers));
    c =
        new LambdaConfiguration(
            c.runtime(),
            c.handler(),
            "arn:aws:iam::123:role/" + role,
            c.description(),
            c.timeout(),
            c.memorySize(),
            c.environment(),
            c.layers(),
            c.tracingMode(),
            c.deadLetterTarget(),
            c.durable(),
            c.architecture(),
            c.codeSha256());
    return new FunctionState("arn:aws:lambda:us-east-1:123:function:" + name, c, OWNER.tags());
  }

  static RoleState role(String name) {
    return new RoleState(
        name,
        "arn:aws:iam::123:role/" + name,
        "AROA",
        "d",
        Policies.trust(),
        OWNER.tags(),
        Map.of("uv-lambda-logs", "{}"),
        Set.of());
  }

  static QueueState queue(String fn, long messages) {
    return new QueueState(
        fn + "-dlq", "https://sqs/" + fn + "-dlq", "1209600", messages, OWNER.tags());
  }

  static LayerState layer(String name, long... versions) {
    List<LayerVersion> v = new java.util.ArrayList<>();
    for (long n : versions) {
      v.add(
          new LayerVersion(
              n,
              "arn:aws:lambda:us-east-1:123:layer:" + name + ":" + n,
              LayerVersion.description("g:a", "S" + n, "python3.12", "arm64"),
              List.of(),
              List.of()));
    }
    return new LayerState(name, v, null);
  }

  /** An orphan "old" with its role, queue (with messages), log group and layer; "fn" stays. */
  static Inventory orphanOld(long messages) {
    return new Inventory(
        Map.of("old", function("old", "old-role", OLD_LAYER)),
        Map.of("old-role", role("old-role")),
        Map.of("old-deps", layer("old-deps", 1)),
        Map.of("old", new LogGroupState("/aws/lambda/old", 30, OWNER.tags())),
        Map.of("old", queue("old", messages)));
  }

  static final RemovalPlanner.Keep KEEP_FN =
      new RemovalPlanner.Keep(
          Set.of("fn"), Set.of(), Set.of("fn-role"), Set.of("fn-deps"), Set.of());

  static List<String> lines(RemovalPlan p) {
    return p.changes().stream().map(Change::toString).toList();
  }

  @Test
  void nothingLeftOverIsAnEmptyPlan() {
    RemovalPlan p = RemovalPlanner.plan(Inventory.EMPTY, KEEP_FN, RemovalOptions.NONE);
    assertThat(p.changes()).isEmpty();
    assertThat(p.isEmpty()).isTrue();
  }

  @Test
  void withoutPruneAnOrphanAndWhatItUsesAreListedButNothingIsDeleted() {
    RemovalPlan p = RemovalPlanner.plan(orphanOld(0), KEEP_FN, RemovalOptions.NONE);
    assertThat(p.applied()).isEmpty();
    assertThat(p.isEmpty()).isTrue();
    assertThat(lines(p))
        .containsExactly(
            "! SQS queue old-dlq: dead-letter queue of old; <prune> deletes it",
            "! function old: orphan: not in the POM; <prune> deletes it",
            "! role old-role: used only by orphans; <prune> deletes it");
  }

  @Test
  void pruneDeletesTheOrphanWithWhatOnlyItUsedAndKeepsItsLogs() {
    RemovalPlan p =
        RemovalPlanner.plan(orphanOld(0), KEEP_FN, new RemovalOptions(true, false, false));
    assertThat(lines(p))
        .containsExactly(
            "- SQS queue old-dlq: dead-letter queue of old",
            "- function old: orphan: not in the POM",
            "- role old-role: used only by orphans",
            "- layer old-deps: versions 1",
            "= log group /aws/lambda/old: kept with its logs (<deleteLogs> deletes it)");
    assertThat(p.applied()).hasSize(4);
  }

  @Test
  void dataIsKeptUnlessAsked() {
    RemovalPlan kept =
        RemovalPlanner.plan(orphanOld(3), KEEP_FN, new RemovalOptions(true, false, false));
    assertThat(lines(kept))
        .contains(
            "= SQS queue old-dlq: holds 3 message(s): kept (<deleteQueuedMessages> deletes it)");
    assertThat(kept.applied()).noneMatch(r -> r instanceof RemovalPlan.DeleteQueue);
    RemovalPlan all =
        RemovalPlanner.plan(orphanOld(3), KEEP_FN, new RemovalOptions(true, true, true));
    assertThat(all.applied())
        .extracting(RemovalPlan.Removal::resource)
        .containsExactly(
            "SQS queue old-dlq",
            "log group /aws/lambda/old",
            "function old",
            "role old-role",
            "layer old-deps");
    assertThat(all.kept()).isEmpty();
  }

  @Test
  void whatNoFunctionUsesGoesWithoutPrune() {
    Inventory inv =
        new Inventory(
            Map.of(),
            Map.of("renamed-role", role("renamed-role")),
            Map.of("old-deps", layer("old-deps", 2, 1)),
            Map.of(),
            Map.of("fn", queue("fn", 0)));
    RemovalPlan p = RemovalPlanner.plan(inv, KEEP_FN, RemovalOptions.NONE);
    assertThat(lines(p))
        .containsExactly(
            "- SQS queue fn-dlq: dead-letter queue no longer configured",
            "- role renamed-role: no function uses it",
            "- layer old-deps: versions 2, 1");
    assertThat(p.applied()).hasSize(3);
  }

  @Test
  void aQueueOrLayerVersionStillInUseStays() {
    Inventory inv =
        new Inventory(
            Map.of(),
            Map.of(),
            Map.of("old-deps", layer("old-deps", 2, 1)),
            Map.of(),
            Map.of("fn", queue("fn", 0)));
    RemovalPlanner.Keep keep =
        new RemovalPlanner.Keep(
            Set.of("fn"),
            Set.of("fn"),
            Set.of(),
            Set.of(),
            Set.of("arn:aws:lambda:us-east-1:999:layer:old-deps:2"));
    RemovalPlan p = RemovalPlanner.plan(inv, keep, RemovalOptions.NONE);
    assertThat(lines(p)).containsExactly("- layer old-deps: versions 1");
  }

  @Test
  void destroyDeletesEverythingOfTheProjectInDependencyOrder() {
    RemovalPlan p = RemovalPlanner.destroy(orphanOld(0), new RemovalOptions(false, true, false));
    assertThat(p.applied())
        .extracting(RemovalPlan.Removal::resource)
        .containsExactly(
            "SQS queue old-dlq",
            "log group /aws/lambda/old",
            "function old",
            "role old-role",
            "layer old-deps");
    assertThat(p.applied()).noneMatch(RemovalPlan.Removal::orphaned);
  }
}
