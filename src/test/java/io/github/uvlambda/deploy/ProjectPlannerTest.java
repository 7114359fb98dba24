package io.github.uvlambda.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uvlambda.deploy.reconcile.DesiredFunction;
import io.github.uvlambda.deploy.reconcile.DesiredLayer;
import io.github.uvlambda.deploy.reconcile.DesiredLogGroup;
import io.github.uvlambda.deploy.reconcile.DesiredRole;
import io.github.uvlambda.deploy.reconcile.Inventory;
import io.github.uvlambda.deploy.reconcile.LambdaConfiguration;
import io.github.uvlambda.deploy.reconcile.LayerState;
import io.github.uvlambda.deploy.reconcile.LayerVersion;
import io.github.uvlambda.deploy.reconcile.Ownership;
import io.github.uvlambda.deploy.reconcile.RemovalOptions;
import io.github.uvlambda.deploy.reconcile.VersionState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProjectPlannerTest {
  static final Ownership OWNER = new Ownership("g:a", false);

  static DesiredFunction function(String name, String layer) {
    LambdaConfiguration c =
        new LambdaConfiguration(
            "python3.12",
            "handler.handler",
            "arn:aws:iam::1:role/shared",
            "",
            30,
            128,
            Map.of(),
            List.of(),
            "PassThrough",
            null,
            null,
            "arm64",
            "code-" + name);
    return new DesiredFunction(
        name,
        Path.of(name + ".zip"),
        c,
        layer,
        "prod",
        new DesiredLogGroup("/aws/lambda/" + name, "arn:logs:" + name, 30, Map.of()),
        null,
        "shared",
        Map.of());
  }

  static DesiredProject project(int functions) {
    List<DesiredFunction> fs =
        IntStream.range(0, functions).mapToObj(i -> function("fn" + i, "deps")).toList();
    DesiredLayer layer =
        new DesiredLayer(
            "deps",
            "SHA",
            Path.of("deps.zip"),
            "python3.12",
            "arm64",
            LayerVersion.description("g:a", "SHA", "python3.12", "arm64"),
            fs.stream().map(DesiredFunction::name).toList());
    DesiredRole role =
        new DesiredRole(
            "shared",
            "arn:aws:iam::1:role/shared",
            "d",
            Map.of(),
            Map.of(),
            java.util.Set.of(),
            Map.of(),
            fs.stream().map(DesiredFunction::name).toList());
    return new DesiredProject(OWNER, fs, Map.of("shared", role), Map.of("deps", layer));
  }

  static ProjectState nothing() {
    return new ProjectState(
        Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Inventory.EMPTY);
  }

  @Test
  void functionsSharingALayerPublishItOnceAndAllUseTheNewVersion() {
    ProjectPlan plan = ProjectPlanner.plan(project(50), nothing(), false, 5, RemovalOptions.NONE);
    assertThat(plan.layers()).singleElement().satisfies(l -> assertThat(l.publish()).isTrue());
    assertThat(plan.roles()).hasSize(1);
    assertThat(plan.functions())
        .hasSize(50)
        .allSatisfy(s -> assertThat(s.function().pendingLayer()).isEqualTo("deps"));
    assertThat(plan.changes().stream().filter(c -> c.resource().equals("layer deps"))).hasSize(1);
  }

  @Test
  void anUnchangedSharedLayerIsUsedAtItsCurrentVersion() {
    LayerVersion v3 =
        new LayerVersion(
            3,
            "arn:aws:lambda:us-east-1:1:layer:deps:3",
            LayerVersion.description("g:a", "SHA", "python3.12", "arm64"),
            List.of("python3.12"),
            List.of("arm64"));
    ProjectState s =
        new ProjectState(
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of("deps", new LayerState("deps", List.of(v3), "SHA")),
            Inventory.EMPTY);
    ProjectPlan plan = ProjectPlanner.plan(project(2), s, false, 5, RemovalOptions.NONE);
    assertThat(plan.layers().get(0).publish()).isFalse();
    assertThat(plan.functions())
        .allSatisfy(st -> assertThat(st.function().target().layers()).containsExactly(v3.arn()));
  }

  @Test
  void layerRetentionSparesVersionsAKeptFunctionVersionStillUses() {
    List<LayerVersion> versions =
        IntStream.rangeClosed(1, 4)
            .map(i -> 5 - i)
            .mapToObj(
                i ->
                    new LayerVersion(
                        i,
                        "arn:aws:lambda:us-east-1:1:layer:deps:" + i,
                        LayerVersion.description(
                            "g:a", i == 4 ? "OLD" : "X" + i, "python3.12", "arm64"),
                        List.of("python3.12"),
                        List.of("arm64")))
            .toList();
    LambdaConfiguration servesV1 = function("fn0", "deps").configuration(versions.get(3).arn());
    VersionState fnVersions =
        new VersionState(
            List.of(new VersionState.Published("1", servesV1)), Map.of("prod", "1"), Map.of());
    ProjectState s =
        new ProjectState(
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of("fn0", fnVersions),
            Map.of(),
            Map.of("deps", new LayerState("deps", versions, "OLD")),
            Inventory.EMPTY);
    ProjectPlan plan = ProjectPlanner.plan(project(1), s, false, 2, RemovalOptions.NONE);
    // publishing 5; keeps 5 and 4; 1 is what fn0's version 1 serves (kept as the newest version)
    assertThat(plan.layers().get(0).retire())
        .extracting(LayerVersion::version)
        .containsExactly(3L, 2L);
  }
}
