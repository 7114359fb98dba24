package io.github.uvlambda.function;

/**
 * Durable execution settings (only used when durable execution is enabled).
 *
 * @param executionTimeout seconds, 1 to 31,622,400
 * @param retentionPeriod days, 1 to 90
 */
public record DurableConfig(int executionTimeout, int retentionPeriod) {
  public static final DurableConfig DEFAULT = new DurableConfig(86400, 7);
}
