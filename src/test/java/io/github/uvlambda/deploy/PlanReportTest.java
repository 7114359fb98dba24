package io.github.uvlambda.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uvlambda.deploy.reconcile.Inventory;
import io.github.uvlambda.deploy.reconcile.RemovalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanReportTest {
  @TempDir Path tmp;

  @Test
  void aNewProjectPrintsEachFunctionsPlanAndTheSharedResourcesApart() throws Exception {
    ProjectPlan plan =
        ProjectPlanner.plan(
            ProjectPlannerTest.project(2),
            ProjectPlannerTest.nothing(),
            false,
            5,
            RemovalOptions.NONE);
    PlanReport report = PlanReport.of(plan);
    assertThat(report.lines())
        .containsSubsequence(
            "Plan for fn0:",
            "  + log group /aws/lambda/fn0: retention 30 days",
            "  + function fn0: python3.12/arm64, handler handler.handler, 128 MB, 30 s",
            "  + version of fn0: first published version",
            "  + alias prod: → the new version",
            "Plan for fn1:",
            "Plan for shared roles and layers:",
            "  + role shared: trust lambda.amazonaws.com; inline policies []",
            "  + layer deps: version 1 (deps.zip sha256 SHA…)");
    report.write(tmp.resolve("plan.json"));
    String json = Files.readString(tmp.resolve("plan.json"));
    assertThat(json)
        .contains("\"project\" : \"g:a\"")
        .contains("\"empty\" : false")
        .contains("\"drift\" : false")
        .contains("\"group\" : \"shared roles and layers\"")
        .contains("\"action\" : \"create\"")
        .contains("\"resource\" : \"layer deps\"");
  }

  @Test
  void aProjectAsConfiguredIsUpToDateAndItsJsonPlanEmpty() throws Exception {
    ProjectPlan plan =
        new ProjectPlan(
            ProjectPlannerTest.OWNER,
            java.util.List.of(),
            java.util.List.of(),
            java.util.List.of(),
            io.github.uvlambda.deploy.reconcile.RemovalPlanner.plan(
                Inventory.EMPTY,
                io.github.uvlambda.deploy.reconcile.RemovalPlanner.Keep.NOTHING,
                RemovalOptions.NONE));
    PlanReport report = PlanReport.of(plan);
    assertThat(report.lines()).isEmpty();
    assertThat(report.changes()).isEmpty();
    report.write(tmp.resolve("plan.json"));
    assertThat(Files.readString(tmp.resolve("plan.json")))
        .contains("\"empty\" : true")
        .contains("\"changes\" : [ ]");
  }
}
