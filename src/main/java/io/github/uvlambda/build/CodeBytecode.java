package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.ZipEntryInfo;
import io.github.uvlambda.archive.ZipReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;

/** The bytecode of code.zip ({@code <compileCode>}): compiled for {@code /var/task}. */
final class CodeBytecode {
  /** Where Lambda extracts code.zip. */
  static final String CODE_ROOT = "/var/task/";

  private CodeBytecode() {}

  /**
   * The {@code .pyc} of every {@code .py} among the files, except where the source directory
   * already holds one under the same name.
   */
  static <F> SortedMap<String, byte[]> compile(
      PythonInterpreter python,
      List<F> files,
      Function<F, String> path,
      Function<F, Path> file,
      BuildLog log) {
    BytecodeCompiler compiler = new BytecodeCompiler(python, log);
    Set<String> names = new HashSet<>();
    files.forEach(f -> names.add(path.apply(f)));
    List<BytecodeCompiler.Source> sources = new ArrayList<>();
    for (F f : files) {
      String name = path.apply(f);
      if (BytecodeCompiler.isSource(name) && !names.contains(compiler.pycName(name))) {
        Path p = file.apply(f);
        sources.add(new BytecodeCompiler.Source(name, () -> Files.readAllBytes(p)));
      }
    }
    return compiler.compile(sources, CODE_ROOT);
  }

  /** The unzipped size of a zip that is already there. */
  static long unzippedSize(Path zip) throws IOException {
    try (ZipReader z = ZipReader.open(zip)) {
      return z.entries().stream().mapToLong(ZipEntryInfo::size).sum();
    }
  }
}
