package io.github.uvlambda.lambda;

import java.util.Locale;
import java.util.Optional;

/** A Lambda instruction set: its AWS name and the {@code platform_machine} Linux reports for it. */
public enum Architecture {
  ARM64("arm64", "aarch64"),
  X86_64("x86_64", "x86_64");

  /** The Terraform module's default. */
  public static final Architecture DEFAULT = ARM64;

  private final String awsName;
  private final String platformMachine;

  Architecture(String awsName, String platformMachine) {
    this.awsName = awsName;
    this.platformMachine = platformMachine;
  }

  /** {@code arm64} or {@code x86_64}, as Lambda spells it. */
  public String awsName() {
    return awsName;
  }

  /** {@code aarch64} or {@code x86_64}, as wheel tags and markers spell it. */
  public String platformMachine() {
    return platformMachine;
  }

  public static Optional<Architecture> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    for (Architecture a : values()) {
      if (a.awsName.equals(t)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return awsName;
  }
}
