package io.github.uvlambda.deploy.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FunctionReconcilerTest {
  static final Ownership OWNER = new Ownership("g:a", false);
  static final String LAYER_1 = "arn:aws:lambda:us-east-1:123:layer:fn-deps:1";

  static LambdaConfiguration config(int memory, String code, LambdaConfiguration.Durable durable) {
    return new LambdaConfiguration(
        "python3.12",
        "handler.handler",
        "arn:aws:iam::123:role/fn-role",
        "",
        30,
        memory,
        Map.of("STAGE", "test"),
        List.of(),
        "PassThrough",
        null,
        durable,
        "arm64",
        code);
  }

  static DesiredFunction desired(LambdaConfiguration c) {
    return new DesiredFunction(
        "fn",
        Path.of("code.zip"),
        c,
        "fn-deps",
        null,
        new DesiredLogGroup("/aws/lambda/fn", "arn:logs", 365, Map.of()),
        null,
        "fn-role",
        Map.of("team", "payments"));
  }

  /** The function as it is after the plugin deployed {@code d} with layer version 1. */
  static FunctionState deployed(DesiredFunction d) {
    FunctionPlan create = FunctionReconciler.plan(d, null, LAYER_1, null, OWNER, false);
    Map<String, String> tags = new TreeMap<>(create.tags().set());
    LambdaConfiguration c = d.configuration(LAYER_1);
    tags.put(FunctionReconciler.DEPLOYED_KEY, FunctionReconciler.record(c));
    return new FunctionState("arn:aws:lambda:us-east-1:123:function:fn", c, tags);
  }

  static FunctionState edited(FunctionState s, LambdaConfiguration c) {
    return new FunctionState(s.arn(), c, s.tags());
  }

  @Test
  void aMissingFunctionIsCreated() {
    FunctionPlan p =
        FunctionReconciler.plan(desired(config(128, "A", null)), null, LAYER_1, null, OWNER, false);
    assertThat(p.kind()).isEqualTo(FunctionPlan.Kind.CREATE);
    assertThat(p.target().layers()).containsExactly(LAYER_1);
    assertThat(p.changes())
        .extracting(Change::toString)
        .containsExactly("+ function fn: python3.12/arm64, handler handler.handler, 128 MB, 30 s");
    assertThat(p.tags().set())
        .containsEntry("team", "payments")
        .containsEntry(Ownership.PROJECT_KEY, "g:a");
  }

  @Test
  void aDeployedFunctionAsConfiguredHasAnEmptyPlan() {
    DesiredFunction d = desired(config(128, "A", null));
    FunctionPlan p = FunctionReconciler.plan(d, deployed(d), LAYER_1, null, OWNER, false);
    assertThat(p.kind()).isEqualTo(FunctionPlan.Kind.NONE);
    assertThat(p.isEmpty()).isTrue();
    assertThat(p.changesLatest()).isFalse();
  }

  @Test
  void newCodeIsACodeChangeAndNotDrift() {
    FunctionState s = deployed(desired(config(128, "A", null)));
    FunctionPlan p =
        FunctionReconciler.plan(desired(config(128, "B", null)), s, LAYER_1, null, OWNER, false);
    assertThat(p.code()).extracting(FieldChange::field).containsExactly("code sha256");
    assertThat(p.configuration()).isEmpty();
    assertThat(p.codeDrift()).isFalse();
    assertThat(p.changes())
        .extracting(Change::toString)
        .containsExactly("~ function fn: code sha256 A…→B…");
  }

  @Test
  void anotherArchitectureIsACodeChange() {
    DesiredFunction d = desired(config(128, "A", null));
    FunctionState s = deployed(d);
    LambdaConfiguration x86 = s.configuration();
    x86 =
        new LambdaConfiguration(
            x86.runtime(),
            x86.handler(),
            x86.role(),
            x86.description(),
            x86.timeout(),
            x86.memorySize(),
            x86.environment(),
            x86.layers(),
            x86.tracingMode(),
            x86.deadLetterTarget(),
            x86.durable(),
            "x86_64",
            x86.codeSha256());
    FunctionPlan p = FunctionReconciler.plan(d, edited(s, x86), LAYER_1, null, OWNER, false);
    assertThat(p.code())
        .extracting(FieldChange::toString)
        .containsExactly("architecture x86_64→arm64");
    assertThat(p.configuration()).isEmpty();
  }

  @Test
  void codeChangedOutsideThePluginIsDrift() {
    DesiredFunction d = desired(config(128, "A", null));
    FunctionState s = deployed(d);
    FunctionState console = edited(s, config(128, "Z", null).withLayers(List.of(LAYER_1)));
    FunctionPlan p = FunctionReconciler.plan(d, console, LAYER_1, null, OWNER, false);
    assertThat(p.codeDrift()).isTrue();
    assertThat(p.changes())
        .singleElement()
        .satisfies(c -> assertThat(c.drift()).isTrue())
        .asString()
        .isEqualTo("~ function fn: code sha256 Z…→A… (drift: changed outside the plugin)");
  }

  @Test
  void aConfigurationEditedOutsideThePluginIsDriftButAPomChangeIsNot() {
    DesiredFunction d = desired(config(128, "A", null));
    FunctionState s = deployed(d);
    FunctionState console = edited(s, config(1024, "A", null).withLayers(List.of(LAYER_1)));
    FunctionPlan drift = FunctionReconciler.plan(d, console, LAYER_1, null, OWNER, false);
    assertThat(drift.configDrift()).isTrue();
    assertThat(drift.configuration())
        .extracting(FieldChange::toString)
        .containsExactly("memorySize 1024→128");

    FunctionPlan pom =
        FunctionReconciler.plan(desired(config(256, "A", null)), s, LAYER_1, null, OWNER, false);
    assertThat(pom.configDrift()).isFalse();
    assertThat(pom.configuration())
        .extracting(FieldChange::toString)
        .containsExactly("memorySize 128→256");
  }

  @Test
  void aNewLayerVersionChangesTheLayersBeforeItsArnIsKnown() {
    DesiredFunction d = desired(config(128, "A", null));
    FunctionPlan p = FunctionReconciler.plan(d, deployed(d), null, "fn-deps", OWNER, false);
    assertThat(p.changesLatest()).isTrue();
    assertThat(p.changes())
        .extracting(Change::toString)
        .containsExactly("~ function fn: layers [us-east-1:fn-deps:1]→(new fn-deps version)");
  }

  @Test
  void aStaleRecordIsRefreshedWithoutOtherChanges() {
    DesiredFunction d = desired(config(128, "A", null));
    FunctionState s = deployed(d);
    Map<String, String> tags = new TreeMap<>(s.tags());
    tags.remove(FunctionReconciler.DEPLOYED_KEY);
    FunctionPlan p =
        FunctionReconciler.plan(
            d, new FunctionState(s.arn(), s.configuration(), tags), LAYER_1, null, OWNER, false);
    assertThat(p.refreshRecord()).isTrue();
    assertThat(p.changesLatest()).isFalse();
    assertThat(p.changes())
        .extracting(Change::toString)
        .containsExactly("~ function fn: tags (the plugin's record of its last deploy)");
  }

  @Test
  void aTagChangeIsOnlyATagChange() {
    DesiredFunction d = desired(config(128, "A", null));
    DesiredFunction retagged =
        new DesiredFunction(
            d.name(),
            d.codeZip(),
            d.configuration(),
            d.layerName(),
            null,
            d.logGroup(),
            null,
            d.roleName(),
            Map.of("team", "billing"));
    FunctionPlan p = FunctionReconciler.plan(retagged, deployed(d), LAYER_1, null, OWNER, false);
    assertThat(p.changesLatest()).isFalse();
    assertThat(p.changes())
        .extracting(Change::toString)
        .containsExactly("~ function fn: tags +team=billing");
  }

  @Test
  void durableExecutionOnAnExistingFunctionNeedsARecreate() {
    DesiredFunction plain = desired(config(128, "A", null));
    FunctionState s = deployed(plain);
    DesiredFunction durable = desired(config(128, "A", new LambdaConfiguration.Durable(3600, 7)));
    FunctionPlan refused = FunctionReconciler.plan(durable, s, LAYER_1, null, OWNER, false);
    assertThat(refused.problems())
        .singleElement()
        .asString()
        .contains("exists without durable execution")
        .contains("<recreate>true</recreate>");
    FunctionPlan recreate = FunctionReconciler.plan(durable, s, LAYER_1, null, OWNER, true);
    assertThat(recreate.kind()).isEqualTo(FunctionPlan.Kind.RECREATE);
    assertThat(recreate.problems()).isEmpty();
    assertThat(recreate.changes())
        .extracting(Change::action)
        .containsExactly(Change.Action.DELETE, Change.Action.CREATE);
    assertThat(recreate.tags().set()).containsEntry(FunctionReconciler.DURABLE_KEY, "3600/7");
  }

  @Test
  void durableSettingsComeFromTheTagWhenTheServiceDoesNotReturnThem() {
    assertThat(FunctionReconciler.durableFromTag("3600/7"))
        .isEqualTo(new LambdaConfiguration.Durable(3600, 7));
    assertThat(FunctionReconciler.durableFromTag("junk")).isNull();
    assertThat(FunctionReconciler.durableFromTag(null)).isNull();
  }

  @Test
  void aFunctionWithoutTheTagsIsAProblemUnlessAdopted() {
    DesiredFunction d = desired(config(128, "A", null));
    FunctionState s = deployed(d);
    Map<String, String> tags = new TreeMap<>(s.tags());
    tags.remove(Ownership.MANAGED_BY_KEY);
    FunctionState foreign = new FunctionState(s.arn(), s.configuration(), tags);
    assertThat(FunctionReconciler.plan(d, foreign, LAYER_1, null, OWNER, false).problems())
        .singleElement()
        .asString()
        .contains(
            "Lambda function fn already exists but was not created by uv-lambda-maven-plugin");
    FunctionPlan adopted =
        FunctionReconciler.plan(d, foreign, LAYER_1, null, new Ownership("g:a", true), false);
    assertThat(adopted.problems()).isEmpty();
    assertThat(adopted.tags().set())
        .containsEntry(Ownership.MANAGED_BY_KEY, Ownership.MANAGED_BY_VALUE);
  }
}
