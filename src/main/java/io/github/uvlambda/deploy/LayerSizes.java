package io.github.uvlambda.deploy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.ZipEntryInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * The unzipped size of a layer the plugin did not build ({@code additionalLayers}, Powertools).
 * {@code GetLayerVersion} reports only {@code CodeSize}, the zipped size, while Lambda's 250 MB
 * limit is on the unzipped size; so the layer's central directory is read through the pre-signed
 * {@code Content.Location} ({@link RemoteZip}). Where that cannot be read (moto answers {@code
 * s3://}; a proxy may refuse), the zipped size stands in, which underestimates: the check can then
 * miss an overflow Lambda will report, but never refuses a deploy Lambda would accept.
 */
final class LayerSizes {
  private static final Pattern SITE_PACKAGES =
      Pattern.compile("python/lib/python3\\.\\d+/site-packages/");
  private static final Pattern DIST_INFO = Pattern.compile("(.+)-[^-]+\\.(dist-info|data)");

  /**
   * What a layer takes.
   *
   * @param exact true when read from its central directory; false when it is the zipped size
   * @param packages its top-level packages and their unzipped bytes, when exact
   */
  record Measured(String arn, long bytes, boolean exact, Map<String, Long> packages) {}

  private final LambdaClient lambda;
  private final HttpClient http;
  private final BuildLog log;
  private final Map<String, Measured> cache = new ConcurrentHashMap<>();

  LayerSizes(LambdaClient lambda, HttpClient http, BuildLog log) {
    this.lambda = lambda;
    this.http = http;
    this.log = log;
  }

  Measured measure(String arn) {
    return cache.computeIfAbsent(arn, this::read);
  }

  private Measured read(String arn) {
    GetLayerVersionResponse v;
    int colon = arn.lastIndexOf(':');
    try {
      // GetLayerVersion takes the layer's ARN and the version; moto 5.2.1 does not implement
      // GetLayerVersionByArn (it answers with ListLayers).
      v =
          lambda.getLayerVersion(
              b ->
                  b.layerName(arn.substring(0, colon))
                      .versionNumber(Long.parseLong(arn.substring(colon + 1))));
    } catch (LambdaException | NumberFormatException e) {
      // A layer that cannot be read is Lambda's to refuse when the function is created or updated.
      log.warn(
          "Cannot read the layer "
              + arn
              + " ("
              + (e instanceof LambdaException l && l.awsErrorDetails() != null
                  ? l.awsErrorDetails().errorCode()
                  : e.getMessage())
              + "): its size is not counted in the 250 MB check.");
      return new Measured(arn, 0, false, Map.of());
    }
    long zipped = v.content().codeSize() == null ? 0 : v.content().codeSize();
    String location = v.content().location();
    String why;
    if (location != null && (location.startsWith("https://") || location.startsWith("http://"))) {
      try {
        return exact(arn, RemoteZip.entries(http, URI.create(location)));
      } catch (IOException | IllegalArgumentException e) {
        why = e.getMessage();
      }
    } else {
      why = "its Content.Location is '" + location + "', not a URL";
    }
    log.warn(
        "Cannot read the unzipped size of the layer "
            + arn
            + " ("
            + why
            + "): counting its zipped size, "
            + io.github.uvlambda.build.LayerReport.mb(zipped)
            + ", which is less than it takes unzipped.");
    return new Measured(arn, zipped, false, Map.of());
  }

  private static Measured exact(String arn, List<ZipEntryInfo> entries) {
    Map<String, Long> packages = new TreeMap<>();
    long total = 0;
    for (ZipEntryInfo e : entries) {
      if (e.isDirectory()) {
        continue;
      }
      total += e.size();
      packages.merge(topLevel(e.name()), e.size(), Long::sum);
    }
    return new Measured(arn, total, true, packages);
  }

  /** {@code python/numpy/x.py} and {@code python/numpy-2.2.6.dist-info/RECORD} are numpy's. */
  static String topLevel(String name) {
    String rest = name;
    Matcher m = SITE_PACKAGES.matcher(rest);
    if (m.lookingAt()) {
      rest = rest.substring(m.end());
    } else if (rest.startsWith("python/")) {
      rest = rest.substring("python/".length());
    }
    String first = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    Matcher d = DIST_INFO.matcher(first);
    if (d.matches()) {
      first = d.group(1);
    }
    if (first.endsWith(".py")) {
      first = first.substring(0, first.length() - ".py".length());
    }
    return first;
  }
}
