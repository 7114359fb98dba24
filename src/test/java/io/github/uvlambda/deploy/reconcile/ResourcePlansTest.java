package io.github.uvlambda.deploy.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Log group, queue and layer plans: each kind of change and the no-change case. */
class ResourcePlansTest {
  static final Ownership OWNER = new Ownership("g:a", false);
  static final Map<String, String> TAGS = Map.of("team", "payments");
  static final DesiredLogGroup GROUP = new DesiredLogGroup("/aws/lambda/fn", "arn:logs", 30, TAGS);
  static final DesiredQueue QUEUE = new DesiredQueue("fn-dlq", "arn:sqs", TAGS);

  static Map<String, String> ownTags() {
    return TagPlanTest.applied(Map.of(), TagPlan.of(Map.of(), TAGS, OWNER.tags(), OWNER.tags()));
  }

  @Test
  void logGroup() {
    assertThat(LogGroupReconciler.plan(GROUP, null, OWNER).changes())
        .extracting(Change::toString)
        .containsExactly("+ log group /aws/lambda/fn: retention 30 days");
    assertThat(
            LogGroupReconciler.plan(
                    GROUP, new LogGroupState("/aws/lambda/fn", 30, ownTags()), OWNER)
                .changes())
        .isEmpty();
    assertThat(
            LogGroupReconciler.plan(
                    GROUP, new LogGroupState("/aws/lambda/fn", null, ownTags()), OWNER)
                .changes())
        .extracting(Change::toString)
        .containsExactly("~ log group /aws/lambda/fn: retention null→30 days");
    Map<String, String> retagged = new TreeMap<>(ownTags());
    retagged.put("team", "x");
    assertThat(
            LogGroupReconciler.plan(GROUP, new LogGroupState("/aws/lambda/fn", 30, retagged), OWNER)
                .changes())
        .extracting(Change::toString)
        .containsExactly("~ log group /aws/lambda/fn: tags +team=payments");
    assertThat(
            LogGroupReconciler.plan(GROUP, new LogGroupState("/aws/lambda/fn", 30, Map.of()), OWNER)
                .problems())
        .singleElement()
        .extracting(Throwable::getMessage)
        .asString()
        .startsWith("Log group /aws/lambda/fn already exists but was not created");
  }

  @Test
  void queue() {
    assertThat(QueueReconciler.plan(QUEUE, null, OWNER).changes())
        .extracting(Change::toString)
        .containsExactly("+ SQS queue fn-dlq: dead-letter queue, messages kept 14 days");
    QueueState as = new QueueState("fn-dlq", "url", DesiredQueue.RETENTION_SECONDS, 3, ownTags());
    assertThat(QueueReconciler.plan(QUEUE, as, OWNER).changes()).isEmpty();
    Map<String, String> retagged = new TreeMap<>(ownTags());
    retagged.put("team", "x");
    assertThat(
            QueueReconciler.plan(
                    QUEUE, new QueueState("fn-dlq", "url", "1209600", 0, retagged), OWNER)
                .changes())
        .extracting(Change::toString)
        .containsExactly("~ SQS queue fn-dlq: tags +team=payments");
    QueueState shorter = new QueueState("fn-dlq", "url", "345600", 0, ownTags());
    assertThat(QueueReconciler.plan(QUEUE, shorter, OWNER).changes())
        .extracting(Change::toString)
        .containsExactly("~ SQS queue fn-dlq: message retention → 14 days");
  }

  static DesiredLayer layer(String sha) {
    return new DesiredLayer(
        "fn-deps",
        sha,
        Path.of("deps.zip"),
        "python3.12",
        "arm64",
        LayerVersion.description("g:a", sha, "python3.12", "arm64"),
        List.of("fn"));
  }

  static LayerVersion version(long n, String project, String sha, String runtime) {
    return new LayerVersion(
        n,
        "arn:aws:lambda:us-east-1:123:layer:fn-deps:" + n,
        LayerVersion.description(project, sha, runtime, "arm64"),
        List.of(runtime),
        List.of("arm64"));
  }

  static LayerState state(LayerVersion... newestFirst) {
    return new LayerState("fn-deps", List.of(newestFirst), newestFirst[0].sha256().orElseThrow());
  }

  @Test
  void layer() {
    LayerPlan first =
        LayerReconciler.plan(layer("AAAA"), new LayerState("fn-deps", List.of(), null), OWNER);
    assertThat(first.changes())
        .extracting(Change::toString)
        .containsExactly("+ layer fn-deps: version 1 (deps.zip sha256 AAAA…)");
    LayerPlan same =
        LayerReconciler.plan(layer("AAAA"), state(version(2, "g:a", "AAAA", "python3.12")), OWNER);
    assertThat(same.publish()).isFalse();
    assertThat(same.current().version()).isEqualTo(2);
    assertThat(same.changes()).isEmpty();
    LayerPlan changed =
        LayerReconciler.plan(layer("BBBB"), state(version(2, "g:a", "AAAA", "python3.12")), OWNER);
    assertThat(changed.changes())
        .extracting(Change::toString)
        .containsExactly("~ layer fn-deps: new version (deps.zip sha256 AAAA…→BBBB…)");
    LayerPlan runtime =
        LayerReconciler.plan(layer("AAAA"), state(version(2, "g:a", "AAAA", "python3.11")), OWNER);
    assertThat(runtime.publish()).isTrue();
  }

  @Test
  void aLayerOfAnotherProjectIsAProblemUnlessAdopted() {
    LayerState foreign = state(version(4, "other:x", "AAAA", "python3.12"));
    assertThat(LayerReconciler.plan(layer("AAAA"), foreign, OWNER).problems())
        .singleElement()
        .asString()
        .contains("Layer fn-deps has versions that the project other:x published (version 4)");
    assertThat(LayerReconciler.plan(layer("AAAA"), foreign, new Ownership("g:a", true)).problems())
        .isEmpty();
  }

  @Test
  void layerDescriptionsCarryProjectAndHash() {
    LayerVersion v = version(1, "g:a", "q+/w==", "python3.12");
    assertThat(v.project()).contains("g:a");
    assertThat(v.sha256()).contains("q+/w==");
    assertThat(v.description()).hasSizeLessThanOrEqualTo(256);
    assertThat(new LayerVersion(1, "arn", "deps of fn", List.of(), List.of()).project()).isEmpty();
  }

  @Test
  void layerRetentionKeepsTheNewestWhatIsUsedAndWhatOtherProjectsPublished() {
    List<LayerVersion> versions =
        List.of(
            version(6, "g:a", "F", "python3.12"), version(5, "g:a", "E", "python3.12"),
            version(4, "g:a", "D", "python3.12"), version(3, "other:x", "C", "python3.12"),
            version(2, "g:a", "B", "python3.12"), version(1, "g:a", "A", "python3.12"));
    List<String> referenced = List.of("arn:aws:lambda:us-east-1:999:layer:fn-deps:2");
    assertThat(Retention.layerVersions(versions, true, referenced, "g:a", 3))
        .extracting(LayerVersion::version)
        .containsExactly(4L, 1L);
    assertThat(Retention.layerVersions(versions, false, referenced, "g:a", 3))
        .extracting(LayerVersion::version)
        .containsExactly(1L);
    assertThat(Retention.layerVersions(versions, true, referenced, "g:a", 0)).isEmpty();
  }
}
