package io.github.uvlambda.lambda;

import io.github.uvlambda.pep.PackageName;
import io.github.uvlambda.pep.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The packages each Lambda Python runtime already provides (the SDK for Python: boto3, botocore,
 * s3transfer, jmespath, urllib3, python-dateutil, six) and the version it provides, read from the
 * one resource file {@code runtime-provided-packages.txt} next to this class, which names its
 * sources: AWS's "Runtime-included SDK versions"
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-python.html#python-sdk-included), the SDK
 * column AWS last published on https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html,
 * and observations where AWS publishes none. Update the file, not this class.
 */
public final class RuntimeProvidedPackages {
  private static final String RESOURCE = "runtime-provided-packages.txt";

  /**
   * One package a runtime provides.
   *
   * @param version empty when the runtime provides it but its version there is not known
   * @param source the key of the source in the resource file
   */
  public record Provided(PackageName name, Optional<Version> version, String source) {
    @Override
    public String toString() {
      return name + " " + version.map(Version::toString).orElse("(version not known)");
    }
  }

  private final Map<String, Map<PackageName, Provided>> byRuntime;
  private final String text;

  private RuntimeProvidedPackages(Map<String, Map<PackageName, Provided>> byRuntime, String text) {
    this.byRuntime = byRuntime;
    this.text = text;
  }

  /** The table shipped with the plugin. */
  public static RuntimeProvidedPackages load() {
    try (InputStream in = RuntimeProvidedPackages.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the plugin jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RuntimeProvidedPackages parse(String text) {
    Map<String, Map<PackageName, Provided>> out = new TreeMap<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\\s+");
      if (f.length != 4 || !f[0].startsWith("python")) {
        throw new IllegalStateException(
            RESOURCE + " line " + (i + 1) + ": expected 'runtime package version source': " + line);
      }
      Optional<Version> version =
          f[2].equals("-") ? Optional.empty() : Optional.of(Version.parse(f[2]));
      PackageName name = PackageName.of(f[1]);
      out.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
          .put(name, new Provided(name, version, f[3]));
    }
    return new RuntimeProvidedPackages(out, text);
  }

  /** What the runtime provides, by package name; empty for a runtime the table does not know. */
  public Map<PackageName, Provided> of(LambdaRuntime runtime) {
    return Collections.unmodifiableMap(byRuntime.getOrDefault(runtime.id(), Map.of()));
  }

  /** The whole file, for fingerprints: a changed table rebuilds the layers that used it. */
  public String text() {
    return text;
  }
}
