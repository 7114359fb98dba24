package io.github.uvlambda.uv;

import io.github.uvlambda.lambda.LambdaRuntime;
import java.util.List;

/**
 * The {@code --python-platform} value that makes a real uv choose wheels a Lambda runtime can load.
 * uv accepts only the targets its {@code TargetTriple} lists (crates/uv-configuration/src/
 * target_triple.rs): for glibc Linux {@code manylinux_2_17}, {@code _2_28} and {@code _2_31} to
 * {@code _2_40}. A runtime gets the newest of those its glibc can run — Amazon Linux 2023 (glibc
 * 2.34) {@code manylinux_2_34}; Amazon Linux 2 (glibc 2.26) {@code manylinux_2_17}, since uv has no
 * {@code _2_26}.
 *
 * @param platformMachine {@code x86_64} or {@code aarch64}
 * @param glibcMinor the {@code NN} of {@code manylinux_2_NN}
 */
public record PythonPlatform(String platformMachine, int glibcMinor) {

  /** The {@code manylinux_2_NN} minors uv's target triples offer, oldest first. */
  static final List<Integer> UV_MANYLINUX_MINORS =
      List.of(17, 28, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40);

  /** The newest target uv accepts whose glibc the runtime's operating system provides. */
  public static PythonPlatform forRuntime(LambdaRuntime runtime) {
    int best = UV_MANYLINUX_MINORS.get(0);
    for (int minor : UV_MANYLINUX_MINORS) {
      if (minor <= runtime.glibcMinor()) {
        best = minor;
      }
    }
    return new PythonPlatform(runtime.architecture().platformMachine(), best);
  }

  /** The command-line spelling, e.g. {@code aarch64-manylinux_2_34}. */
  public String value() {
    return platformMachine + "-manylinux_2_" + glibcMinor;
  }

  @Override
  public String toString() {
    return value();
  }
}
