package io.github.uvlambda.deploy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.build.LayerReport;
import io.github.uvlambda.deploy.aws.AwsClients;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.lambda.LambdaLimits;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Lambda's 250 MB for a function and all its layers, unzipped, checked before any change: code.zip
 * and deps.zip as built, and every other layer the function will have ({@code powertoolsLayerArn},
 * {@code additionalLayers}) as {@link LayerSizes} reads it from AWS. Lambda itself refuses such a
 * function only when it is created or updated, after the role, the log group and a new layer
 * version already exist; this check refuses it before any of that, naming the largest packages.
 */
public final class SizeBudget implements PreWriteCheck {
  /** One thing that takes room: a package of a layer, code.zip, or a whole foreign layer. */
  private record Item(String name, String where, long bytes) {}

  private final BuildLog log;
  private final Function<AwsClients, LayerSizes> layerSizes;

  public SizeBudget(BuildLog log) {
    this(
        log,
        aws ->
            new LayerSizes(
                aws.lambda(),
                HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(20))
                    .proxy(ProxySelector.getDefault())
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build(),
                log));
  }

  SizeBudget(BuildLog log, Function<AwsClients, LayerSizes> layerSizes) {
    this.log = log;
    this.layerSizes = layerSizes;
  }

  /**
   * Every function over the limit, each with its ten largest packages; logs the headroom of the
   * others.
   */
  @Override
  public List<UvLambdaException> problems(List<FunctionArtifacts> functions, AwsClients aws) {
    LayerSizes layers = layerSizes.apply(aws);
    List<UvLambdaException> problems = new ArrayList<>();
    for (FunctionArtifacts a : functions) {
      String problem = check(a, layers);
      if (problem != null) {
        problems.add(new UvLambdaException(problem));
      }
    }
    return problems;
  }

  private String check(FunctionArtifacts a, LayerSizes layers) {
    FunctionSpec f = a.spec();
    List<Item> items = new ArrayList<>();
    items.add(new Item("function code", "code.zip", a.codeUnzipped()));
    long deps = 0;
    if (a.layerReport() != null) {
      for (LayerReport.PackageSize p : a.layerReport().packages()) {
        items.add(new Item(p.name() + " " + p.version(), "deps.zip", p.bytes()));
      }
      deps = a.layerReport().unzippedSize();
    }
    long total = a.codeUnzipped() + deps;
    List<String> others = new ArrayList<>();
    List<String> arns = new ArrayList<>();
    if (f.powertoolsLayerArn() != null) {
      arns.add(f.powertoolsLayerArn());
    }
    arns.addAll(f.deploy().additionalLayers());
    for (String arn : arns) {
      LayerSizes.Measured m = layers.measure(arn);
      String where = "layer " + shortName(arn);
      if (m.exact()) {
        m.packages().forEach((name, bytes) -> items.add(new Item(name, where, bytes)));
      } else {
        items.add(new Item("(whole layer, zipped size)", where, m.bytes()));
      }
      others.add(where + " " + LayerReport.mb(m.bytes()) + (m.exact() ? "" : " zipped"));
      total += m.bytes();
    }
    long headroom = LambdaLimits.UNZIPPED_SIZE - total;
    String parts =
        "code.zip "
            + LayerReport.mb(a.codeUnzipped())
            + ", deps.zip "
            + LayerReport.mb(deps)
            + (others.isEmpty() ? "" : ", " + String.join(", ", others));
    if (headroom >= 0) {
      log.info(
          f.functionName()
              + ": "
              + LayerReport.mb(total)
              + " of Lambda's 250 MB unzipped ("
              + parts
              + "); headroom "
              + LayerReport.mb(headroom));
      return null;
    }
    return f.functionName()
        + ": the function and its layers take "
        + LayerReport.mb(total)
        + " unzipped ("
        + parts
        + "), over Lambda's 250 MB for a function and all its layers; headroom "
        + LayerReport.mb(headroom)
        + ". The ten largest packages:\n"
        + largest(items)
        + "Make room: move packages out of the dependency group, <excludePackages> or"
        + " <excludeRuntimePackages>, or drop a layer from <additionalLayers>.";
  }

  private static String largest(List<Item> items) {
    List<Item> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparingLong(Item::bytes).reversed().thenComparing(Item::name));
    StringBuilder b = new StringBuilder();
    for (Item i : sorted.subList(0, Math.min(10, sorted.size()))) {
      b.append(
          String.format(
              Locale.ROOT, "  %-40s %10s  %s%n", i.name(), LayerReport.mb(i.bytes()), i.where()));
    }
    return b.toString();
  }

  /** {@code name:version} of a layer version ARN. */
  static String shortName(String arn) {
    String[] parts = arn.split(":");
    return parts.length >= 8 ? parts[6] + ":" + parts[7] : arn;
  }
}
