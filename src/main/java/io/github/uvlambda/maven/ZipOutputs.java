package io.github.uvlambda.maven;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.build.BuildTimestamp;
import io.github.uvlambda.build.CodePackager;
import io.github.uvlambda.build.PythonInterpreter;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.uv.UvExecutable;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Where the goals that write zips put them, {@code outputDirectory/FUNCTION/}, with which entry
 * time, and how code.zip is made; shared by uv-package and the layer goals, which declare the
 * parameters themselves.
 */
record ZipOutputs(File outputDirectory, String outputTimestamp) {

  Path functionDirectory(String functionName) {
    return outputDirectory.toPath().resolve(functionName);
  }

  Instant timestamp() {
    return BuildTimestamp.parse(outputTimestamp);
  }

  /**
   * Where code.zip's bytecode ({@code compileCode}) finds its CPython: the parameters of the same
   * names.
   */
  record CodeSettings(String pythonExecutable, String uvExecutable) {}

  /** Builds (or finds up to date) a function's code.zip. */
  CodePackager.Result packageCode(FunctionSpec f, CodeSettings code, BuildLog log) {
    CodePackager.Request r =
        CodePackager.Request.of(
            f, functionDirectory(f.functionName()).resolve("code.zip"), timestamp());
    if (f.code().compileCode()) {
      r =
          r.withBytecode(
              PythonInterpreter.find(
                  f.functionName(),
                  "compileCode",
                  f.pythonVersion(),
                  code.pythonExecutable(),
                  UvExecutable.find(code.uvExecutable()),
                  log));
    }
    return new CodePackager(log).packageCode(r);
  }
}
