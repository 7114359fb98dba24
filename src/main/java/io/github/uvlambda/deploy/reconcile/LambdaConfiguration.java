package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.archive.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * The settings of a function the plugin manages, as plain values: what the configuration wants,
 * what {@code $LATEST} has, or what a published version serves. Collections are normalised (sorted
 * environment) so that records compare by meaning.
 *
 * @param layers full layer version ARNs, in order
 * @param deadLetterTarget the DLQ ARN, or null
 * @param durable null when durable execution is off
 * @param codeSha256 Lambda's CodeSha256 (base64)
 */
public record LambdaConfiguration(
    String runtime,
    String handler,
    String role,
    String description,
    Integer timeout,
    Integer memorySize,
    Map<String, String> environment,
    List<String> layers,
    String tracingMode,
    String deadLetterTarget,
    Durable durable,
    String architecture,
    String codeSha256) {

  /** Durable execution: seconds an execution may run, days its history is kept. */
  public record Durable(int executionTimeout, int retentionDays) {
    @Override
    public String toString() {
      return executionTimeout + "s/" + retentionDays + "d";
    }
  }

  public LambdaConfiguration {
    environment = new TreeMap<>(environment == null ? Map.of() : environment);
    environment = java.util.Collections.unmodifiableMap(environment);
    layers = List.copyOf(layers == null ? List.of() : layers);
    description = description == null ? "" : description;
    deadLetterTarget =
        deadLetterTarget == null || deadLetterTarget.isEmpty() ? null : deadLetterTarget;
  }

  /**
   * What Lambda reports, with the durable settings from the plugin's tag when the service does not
   * return them (emulators drop DurableConfig).
   */
  public static LambdaConfiguration of(FunctionConfiguration c, Durable durableFallback) {
    Durable durable =
        c.durableConfig() != null && c.durableConfig().executionTimeout() != null
            ? new Durable(
                c.durableConfig().executionTimeout(),
                Objects.requireNonNullElse(c.durableConfig().retentionPeriodInDays(), 0))
            : durableFallback;
    List<String> archs = c.architecturesAsStrings();
    return new LambdaConfiguration(
        c.runtimeAsString(),
        c.handler(),
        c.role(),
        c.description(),
        c.timeout(),
        c.memorySize(),
        c.environment() == null ? Map.of() : c.environment().variables(),
        c.layers() == null ? List.of() : c.layers().stream().map(l -> l.arn()).toList(),
        c.tracingConfig() == null || c.tracingConfig().modeAsString() == null
            ? "PassThrough"
            : c.tracingConfig().modeAsString(),
        c.deadLetterConfig() == null ? null : c.deadLetterConfig().targetArn(),
        durable,
        archs == null || archs.isEmpty() ? "x86_64" : archs.get(0),
        c.codeSha256());
  }

  public LambdaConfiguration withLayers(List<String> arns) {
    return new LambdaConfiguration(
        runtime,
        handler,
        role,
        description,
        timeout,
        memorySize,
        environment,
        arns,
        tracingMode,
        deadLetterTarget,
        durable,
        architecture,
        codeSha256);
  }

  /** The layers by region, name and version (see {@link LayerArns}). */
  public List<String> layerKeys() {
    return layers.stream().map(LayerArns::key).toList();
  }

  /** A short hash of everything but the code: what the plugin last set, kept in a tag. */
  public String configurationHash() {
    String text =
        String.join(
            "\n",
            runtime,
            handler,
            role,
            description,
            String.valueOf(timeout),
            String.valueOf(memorySize),
            environment.toString(),
            layerKeys().toString(),
            tracingMode,
            String.valueOf(deadLetterTarget),
            String.valueOf(durable),
            architecture);
    return Hashes.sha256Hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
  }

  /**
   * Whether a published version serves the same function as this configuration. Dead-letter and
   * durable settings count only where both sides report them (emulators drop them).
   */
  public boolean sameVersionContent(LambdaConfiguration o) {
    return Objects.equals(runtime, o.runtime)
        && Objects.equals(handler, o.handler)
        && Objects.equals(role, o.role)
        && Objects.equals(description, o.description)
        && Objects.equals(timeout, o.timeout)
        && Objects.equals(memorySize, o.memorySize)
        && environment.equals(o.environment)
        && layerKeys().equals(o.layerKeys())
        && Objects.equals(tracingMode, o.tracingMode)
        && (deadLetterTarget == null
            || o.deadLetterTarget == null
            || deadLetterTarget.equals(o.deadLetterTarget))
        && (durable == null || o.durable == null || durable.equals(o.durable))
        && Objects.equals(architecture, o.architecture)
        && Objects.equals(codeSha256, o.codeSha256);
  }
}
