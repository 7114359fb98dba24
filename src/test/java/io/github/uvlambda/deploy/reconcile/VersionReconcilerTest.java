package io.github.uvlambda.deploy.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VersionReconcilerTest {
  static final Ownership OWNER = new Ownership("g:a", false);
  static final String LAYER = "arn:aws:lambda:us-east-1:123:layer:fn-deps:1";
  static final LambdaConfiguration A = FunctionReconcilerTest.config(128, "A", null);
  static final LambdaConfiguration B = FunctionReconcilerTest.config(128, "B", null);

  static DesiredFunction published(LambdaConfiguration c) {
    DesiredFunction d = FunctionReconcilerTest.desired(c);
    return new DesiredFunction(
        d.name(),
        Path.of("code.zip"),
        c,
        d.layerName(),
        "prod",
        d.logGroup(),
        null,
        d.roleName(),
        d.tags());
  }

  static FunctionPlan unchanged(DesiredFunction d) {
    return FunctionReconciler.plan(
        d, FunctionReconcilerTest.deployed(d), LAYER, null, OWNER, false);
  }

  /** The plan of a function deployed as A that the POM now wants as {@code d}. */
  static FunctionPlan fromAto(DesiredFunction d) {
    return FunctionReconciler.plan(
        d, FunctionReconcilerTest.deployed(published(A)), LAYER, null, OWNER, false);
  }

  static VersionState versions(int count, LambdaConfiguration newest, Map<String, String> aliases) {
    List<VersionState.Published> v =
        IntStream.rangeClosed(1, count)
            .mapToObj(
                i ->
                    new VersionState.Published(
                        "" + i, i == count ? newest.withLayers(List.of(LAYER)) : B))
            .toList();
    return new VersionState(v, aliases, Map.of("prod", "arn:alias:prod"));
  }

  @Test
  void aFunctionThatDoesNotPublishGetsNoVersionAndNoAlias() {
    DesiredFunction d = FunctionReconcilerTest.desired(A);
    VersionPlan p = VersionReconciler.plan(d, VersionState.NONE, unchanged(d), 5);
    assertThat(p.publish()).isFalse();
    assertThat(p.moveAlias()).isFalse();
    assertThat(p.changes()).isEmpty();
  }

  @Test
  void aNewFunctionPublishesItsFirstVersionAndCreatesTheAlias() {
    DesiredFunction d = published(A);
    FunctionPlan created = FunctionReconciler.plan(d, null, LAYER, null, OWNER, false);
    VersionPlan p = VersionReconciler.plan(d, VersionState.NONE, created, 5);
    assertThat(p.publish()).isTrue();
    assertThat(p.changes())
        .extracting(Change::toString)
        .containsExactly(
            "+ version of fn: first published version", "+ alias prod: → the new version");
  }

  @Test
  void anAliasOnTheNewestVersionServingLatestIsUpToDate() {
    DesiredFunction d = published(A);
    VersionPlan p = VersionReconciler.plan(d, versions(3, A, Map.of("prod", "3")), unchanged(d), 5);
    assertThat(p.isEmpty()).isTrue();
    assertThat(p.publish()).isFalse();
  }

  @Test
  void aChangedLatestPublishesAndMovesTheAlias() {
    DesiredFunction d = published(B);
    FunctionPlan changed = fromAto(d);
    VersionPlan p = VersionReconciler.plan(d, versions(3, A, Map.of("prod", "3")), changed, 5);
    assertThat(p.publish()).isTrue();
    assertThat(p.changes())
        .extracting(Change::toString)
        .containsExactly(
            "+ version of fn: code, configuration or layer changed since version 3",
            "~ alias prod: 3→ the new version");
  }

  @Test
  void aVersionPublishedByADeployThatStoppedBeforeTheAliasIsReusedNotPublishedAgain() {
    DesiredFunction d = published(A);
    VersionPlan p = VersionReconciler.plan(d, versions(3, A, Map.of("prod", "2")), unchanged(d), 5);
    assertThat(p.publish()).isFalse();
    assertThat(p.target()).isEqualTo("3");
    assertThat(p.changes())
        .extracting(Change::toString)
        .containsExactly("~ alias prod: 2→ version 3");
  }

  @Test
  void aLatestThatNoVersionServesYetIsPublishedEvenWithoutChangesInThisDeploy() {
    DesiredFunction d = published(A);
    VersionPlan p = VersionReconciler.plan(d, versions(3, B, Map.of("prod", "3")), unchanged(d), 5);
    assertThat(p.publish()).isTrue();
  }

  @Test
  void retentionKeepsTheNewestAndWhatAnAliasPointsTo() {
    DesiredFunction d = published(B);
    FunctionPlan changed = fromAto(d);
    VersionPlan p =
        VersionReconciler.plan(d, versions(7, A, Map.of("prod", "7", "canary", "2")), changed, 3);
    // the new version (8) and 7, 6 are the newest 3; 2 has the canary alias
    assertThat(p.retire()).containsExactly("5", "4", "3", "1");
    assertThat(p.changes())
        .extracting(Change::toString)
        .contains("- versions of fn: 5, 4, 3, 1 (retention)");
    assertThat(VersionReconciler.plan(d, versions(7, A, Map.of("prod", "7")), changed, 0).retire())
        .isEmpty();
  }
}
