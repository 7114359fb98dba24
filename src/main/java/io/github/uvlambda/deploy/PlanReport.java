package io.github.uvlambda.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.uvlambda.deploy.reconcile.Change;
import io.github.uvlambda.deploy.reconcile.ResourcePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan as the user sees it, rendered from the plan records: grouped by function (a role or
 * layer only one function uses is shown with it, shared ones apart), then what is removed; and the
 * same changes as {@code plan.json} for CI.
 */
final class PlanReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A group of plans printed together, e.g. one function's. */
  record Section(String title, List<ResourcePlan> plans) {
    List<Change> changes() {
      return plans.stream().flatMap(p -> p.changes().stream()).toList();
    }
  }

  private final String project;
  private final List<Section> sections;

  PlanReport(String project, List<Section> sections) {
    this.project = project;
    this.sections = List.copyOf(sections);
  }

  static PlanReport of(ProjectPlan plan) {
    Map<String, Long> roleUsers = new LinkedHashMap<>();
    Map<String, Long> layerUsers = new LinkedHashMap<>();
    for (ProjectPlan.Step s : plan.functions()) {
      roleUsers.merge(s.roleName(), 1L, Long::sum);
      if (s.layerName() != null) {
        layerUsers.merge(s.layerName(), 1L, Long::sum);
      }
    }
    List<Section> sections = new ArrayList<>();
    List<ResourcePlan> shared = new ArrayList<>();
    for (ProjectPlan.Step s : plan.functions()) {
      List<ResourcePlan> p = new ArrayList<>();
      p.add(s.logGroup());
      plan.roles().stream()
          .filter(r -> r.desired().name().equals(s.roleName()) && roleUsers.get(s.roleName()) == 1)
          .forEach(p::add);
      if (s.queue() != null) {
        p.add(s.queue());
      }
      plan.layers().stream()
          .filter(
              l -> l.desired().name().equals(s.layerName()) && layerUsers.get(s.layerName()) == 1)
          .forEach(p::add);
      p.add(s.function());
      p.add(s.versions());
      sections.add(new Section(s.name(), p));
    }
    plan.roles().stream()
        .filter(r -> roleUsers.getOrDefault(r.desired().name(), 0L) > 1)
        .forEach(shared::add);
    plan.layers().stream()
        .filter(l -> layerUsers.getOrDefault(l.desired().name(), 0L) > 1)
        .forEach(shared::add);
    if (!shared.isEmpty()) {
      sections.add(new Section("shared roles and layers", shared));
    }
    if (!plan.removals().changes().isEmpty()) {
      sections.add(new Section("removals", List.of(plan.removals())));
    }
    return new PlanReport(plan.owner().project(), sections);
  }

  /** The lines to log: {@code NAME: up to date}, or {@code Plan for NAME:} and its changes. */
  List<String> lines() {
    List<String> out = new ArrayList<>();
    for (Section s : sections) {
      List<Change> changes = s.changes();
      if (changes.stream().noneMatch(Change::isDifference)) {
        out.add(s.title() + ": up to date");
      } else {
        out.add("Plan for " + s.title() + ":");
      }
      changes.forEach(c -> out.add("  " + c));
    }
    return out;
  }

  List<Change> changes() {
    return sections.stream()
        .flatMap(s -> s.changes().stream())
        .filter(Change::isDifference)
        .toList();
  }

  /** Writes {@code plan.json}: every line of the plan, with whether it is drift. */
  void write(Path file) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("project", project);
    root.put("empty", changes().isEmpty());
    root.put("drift", changes().stream().anyMatch(Change::drift));
    List<Map<String, Object>> items = new ArrayList<>();
    for (Section s : sections) {
      for (Change c : s.changes()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", s.title());
        m.put("action", c.action().name().toLowerCase(Locale.ROOT));
        m.put("resource", c.resource());
        m.put("detail", c.detail());
        m.put("drift", c.drift());
        items.add(m);
      }
    }
    root.put("changes", items);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
