package io.github.uvlambda.lambda;

import io.github.uvlambda.pep.MarkerEnvironment;
import java.util.List;

/**
 * A Lambda Python runtime on one architecture: what decides the marker environment and the wheel
 * tags a layer must be built for.
 *
 * @param pythonVersion {@code 3.10} to {@code 3.14}
 */
public record LambdaRuntime(String pythonVersion, Architecture architecture) {
  /** The Python versions Lambda runs, oldest first. */
  public static final List<String> PYTHON_VERSIONS =
      List.of("3.10", "3.11", "3.12", "3.13", "3.14");

  /** The Terraform module's default. */
  public static final String DEFAULT_PYTHON_VERSION = "3.14";

  /** {@code 3.13} or {@code python3.13} as {@code 3.13}; whether Lambda runs it is not checked. */
  public static String normalizePythonVersion(String text) {
    return text.startsWith("python") ? text.substring("python".length()) : text;
  }

  /** {@code python3.13} and the like. */
  public String id() {
    return "python" + pythonVersion;
  }

  public int minor() {
    return Integer.parseInt(pythonVersion.substring(pythonVersion.indexOf('.') + 1));
  }

  /**
   * python3.12 and later run on Amazon Linux 2023 (glibc 2.34); 3.10 and 3.11 on Amazon Linux 2
   * (glibc 2.26).
   */
  public int glibcMinor() {
    return minor() >= 12 ? 34 : 26;
  }

  public String operatingSystem() {
    return minor() >= 12 ? "Amazon Linux 2023" : "Amazon Linux 2";
  }

  public MarkerEnvironment markerEnvironment() {
    return MarkerEnvironment.linuxCPython(architecture.platformMachine(), pythonVersion);
  }

  @Override
  public String toString() {
    return id() + "/" + architecture.awsName();
  }
}
