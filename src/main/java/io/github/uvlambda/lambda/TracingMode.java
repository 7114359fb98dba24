package io.github.uvlambda.lambda;

import java.util.Optional;

/** X-Ray tracing of a function. */
public enum TracingMode {
  ACTIVE("Active"),
  PASS_THROUGH("PassThrough");

  private final String awsName;

  TracingMode(String awsName) {
    this.awsName = awsName;
  }

  public String awsName() {
    return awsName;
  }

  public static Optional<TracingMode> parse(String text) {
    for (TracingMode m : values()) {
      if (m.awsName.equalsIgnoreCase(text == null ? "" : text.strip())) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return awsName;
  }
}
