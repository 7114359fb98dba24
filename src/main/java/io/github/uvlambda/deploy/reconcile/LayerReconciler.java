package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.SettingNeededException;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.deploy.aws.AwsClients;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** A dependency layer: its versions, publishing a new one, deleting old ones. */
public final class LayerReconciler {
  private LayerReconciler() {}

  public static LayerState read(AwsClients aws, String name) {
    List<LayerVersion> versions = new ArrayList<>();
    try {
      for (LayerVersionsListItem item :
          aws.lambda().listLayerVersionsPaginator(b -> b.layerName(name)).layerVersions()) {
        versions.add(version(item));
      }
    } catch (ResourceNotFoundException e) {
      return new LayerState(name, List.of(), null);
    }
    versions.sort(Comparator.comparingLong(LayerVersion::version).reversed());
    if (versions.isEmpty()) {
      return new LayerState(name, List.of(), null);
    }
    LayerVersion latest = versions.get(0);
    String sha =
        latest
            .sha256()
            .orElseGet(
                () ->
                    aws.lambda()
                        .getLayerVersion(b -> b.layerName(name).versionNumber(latest.version()))
                        .content()
                        .codeSha256());
    return new LayerState(name, versions, sha);
  }

  static LayerVersion version(LayerVersionsListItem i) {
    return new LayerVersion(
        i.version(),
        i.layerVersionArn(),
        i.description(),
        i.compatibleRuntimesAsStrings(),
        i.compatibleArchitecturesAsStrings());
  }

  public static LayerPlan plan(DesiredLayer d, LayerState s, Ownership owner) {
    LayerVersion latest = s.latest();
    if (latest == null) {
      return new LayerPlan(
          d,
          "version 1 (deps.zip sha256 " + Shas.short8(d.sha256()) + ")",
          null,
          List.of(),
          List.of());
    }
    List<UvLambdaException> problems = new ArrayList<>();
    if (!owner.adopt() && !latest.project().map(owner.project()::equals).orElse(false)) {
      problems.add(
          new SettingNeededException(
              "Layer "
                  + d.name()
                  + " has versions that "
                  + latest.project().map(p -> "the project " + p).orElse("another tool")
                  + " published (version "
                  + latest.version()
                  + "). Set another <layerName>, or ",
              "adoptExisting",
              "true",
              " to publish under it anyway."));
    }
    boolean runtimeOk = latest.runtimes().isEmpty() || latest.runtimes().contains(d.runtime());
    boolean archOk =
        latest.architectures().isEmpty() || latest.architectures().contains(d.architecture());
    String reason = null;
    if (!d.sha256().equals(s.latestSha256())) {
      reason =
          "new version (deps.zip sha256 "
              + Shas.short8(s.latestSha256())
              + "→"
              + Shas.short8(d.sha256())
              + ")";
    } else if (!runtimeOk || !archOk) {
      reason =
          "new version (compatible runtime/architecture "
              + d.runtime()
              + "/"
              + d.architecture()
              + ")";
    }
    return new LayerPlan(d, reason, latest, List.of(), problems);
  }

  /** Publishes when the plan says so; returns the version the functions use. */
  public static LayerVersion apply(LayerPlan p, ApplyContext ctx) {
    if (!p.publish()) {
      return p.current();
    }
    DesiredLayer d = p.desired();
    var content = ctx.uploads().layerContent(d.name(), d.zip());
    String description = d.description();
    PublishLayerVersionResponse r =
        ctx.aws()
            .lambda()
            .publishLayerVersion(
                b ->
                    b.layerName(d.name())
                        .content(content)
                        .description(description)
                        .compatibleRuntimesWithStrings(d.runtime())
                        .compatibleArchitectures(Architecture.fromValue(d.architecture())));
    ctx.journal().done(p.resource() + " version " + r.version() + " published");
    return new LayerVersion(
        r.version(),
        r.layerVersionArn(),
        description,
        List.of(d.runtime()),
        List.of(d.architecture()));
  }

  /** Deletes the versions retention retires; deleting a deleted version succeeds. */
  public static void retire(LayerPlan p, ApplyContext ctx) {
    for (LayerVersion v : p.retire()) {
      ctx.aws()
          .lambda()
          .deleteLayerVersion(b -> b.layerName(p.desired().name()).versionNumber(v.version()));
      ctx.journal().done(p.resource() + " version " + v.version() + " deleted");
    }
  }
}
