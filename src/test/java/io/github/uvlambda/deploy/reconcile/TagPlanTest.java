package io.github.uvlambda.deploy.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TagPlanTest {
  static final Map<String, String> PLUGIN =
      Map.of("managed-by", "uv-lambda-maven-plugin", "uv-lambda:project", "g:a");

  /** What the tags are after the plan ran, step by step, as AWS would hold them. */
  static Map<String, String> applied(Map<String, String> have, TagPlan p) {
    Map<String, String> t = new TreeMap<>(have);
    p.apply(t::putAll, keys -> keys.forEach(t::remove));
    return t;
  }

  static Map<String, String> deployed(Map<String, String> user) {
    return applied(Map.of(), TagPlan.of(Map.of(), user, PLUGIN, PLUGIN));
  }

  @Test
  void aNewResourceGetsTheUserTagsThePluginTagsAndTheRecordOfTheUserKeys() {
    Map<String, String> t = deployed(Map.of("team", "payments"));
    assertThat(t)
        .containsEntry("team", "payments")
        .containsEntry("managed-by", "uv-lambda-maven-plugin")
        .containsEntry("uv-lambda:project", "g:a")
        .containsEntry(TagPlan.RECORD_KEY, TagRecord.hash("team"));
  }

  @Test
  void unchangedTagsMakeNoChange() {
    Map<String, String> have = deployed(Map.of("team", "payments"));
    TagPlan p = TagPlan.of(have, Map.of("team", "payments"), PLUGIN, PLUGIN);
    assertThat(p.isEmpty()).isTrue();
    assertThat(p).isEqualTo(TagPlan.NONE);
  }

  @Test
  void aChangedValueIsSetInOneStep() {
    Map<String, String> have = deployed(Map.of("team", "payments"));
    TagPlan p = TagPlan.of(have, Map.of("team", "billing"), PLUGIN, PLUGIN);
    assertThat(p.set()).containsExactly(Map.entry("team", "billing"));
    assertThat(p.remove()).isEmpty();
    assertThat(p.setAfter()).isEmpty();
    assertThat(p.describe()).isEqualTo("tags +team=billing");
  }

  @Test
  void aTagRemovedFromThePomIsRemovedButAHandAddedTagStays() {
    Map<String, String> have = new TreeMap<>(deployed(Map.of("team", "payments", "cost", "42")));
    have.put("owner", "alice");
    have.put("aws:cloudformation:stack-name", "x");
    TagPlan p = TagPlan.of(have, Map.of("team", "payments"), PLUGIN, PLUGIN);
    assertThat(p.remove()).containsExactly("cost");
    assertThat(p.describe()).isEqualTo("tags -cost");
    Map<String, String> after = applied(have, p);
    assertThat(after)
        .containsEntry("owner", "alice")
        .containsEntry("aws:cloudformation:stack-name", "x")
        .doesNotContainKey("cost")
        .containsEntry(TagPlan.RECORD_KEY, TagRecord.hash("team"));
    assertThat(TagPlan.of(after, Map.of("team", "payments"), PLUGIN, PLUGIN).isEmpty()).isTrue();
  }

  @Test
  void theLastUserTagRemovedTakesItsRecordAlong() {
    Map<String, String> have = deployed(Map.of("team", "payments"));
    Map<String, String> after = applied(have, TagPlan.of(have, Map.of(), PLUGIN, PLUGIN));
    assertThat(after).isEqualTo(PLUGIN);
  }

  @Test
  void aTagAddedIsRecordedInTheSameCallThatSetsIt() {
    Map<String, String> have = deployed(Map.of("team", "payments"));
    TagPlan p = TagPlan.of(have, Map.of("team", "payments", "cost", "42"), PLUGIN, PLUGIN);
    assertThat(p.set()).containsEntry("cost", "42").containsKey(TagPlan.RECORD_KEY).hasSize(2);
    assertThat(p.setAfter()).isEmpty();
    assertThat(TagRecord.read(TagPlan.RECORD_KEY, p.set()))
        .containsExactlyInAnyOrder(TagRecord.hash("team"), TagRecord.hash("cost"));
  }

  @Test
  void aDeployStoppedAfterAnyStepStillRemembersEveryTagItSet() {
    Map<String, String> have = deployed(Map.of("a", "1", "b", "2"));
    Map<String, String> want = Map.of("b", "3", "c", "4");
    TagPlan p = TagPlan.of(have, want, PLUGIN, PLUGIN);
    // after only the first step: the record covers a (still there), b and c
    Map<String, String> afterFirst = new TreeMap<>(have);
    p.applyFirst(afterFirst::putAll);
    assertThat(TagRecord.read(TagPlan.RECORD_KEY, afterFirst))
        .contains(TagRecord.hash("a"), TagRecord.hash("b"), TagRecord.hash("c"));
    // a rerun from there converges to the same end
    Map<String, String> resumed = applied(afterFirst, TagPlan.of(afterFirst, want, PLUGIN, PLUGIN));
    assertThat(resumed).isEqualTo(applied(have, p));
    assertThat(resumed).doesNotContainKey("a").containsEntry("b", "3").containsEntry("c", "4");
  }

  @Test
  void manyTagsSpreadTheRecordOverSeveralTagsOfAtMost256Characters() {
    Map<String, String> user = new TreeMap<>();
    IntStream.range(0, 45).forEach(i -> user.put("key" + i, "v"));
    Map<String, String> t = deployed(user);
    assertThat(t).containsKeys(TagPlan.RECORD_KEY, TagPlan.RECORD_KEY + ".2");
    assertThat(t.values()).allMatch(v -> v.length() <= 256);
    assertThat(TagRecord.read(TagPlan.RECORD_KEY, t)).hasSize(45);
    Map<String, String> fewer = new TreeMap<>(user);
    IntStream.range(0, 40).forEach(i -> fewer.remove("key" + i));
    Map<String, String> after = applied(t, TagPlan.of(t, fewer, PLUGIN, PLUGIN));
    assertThat(after).doesNotContainKey(TagPlan.RECORD_KEY + ".2").doesNotContainKey("key0");
    assertThat(TagRecord.read(TagPlan.RECORD_KEY, after)).hasSize(5);
  }
}
