package io.github.uvlambda.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@link SourceSelection} refused, gathered so that one error names every file at once. */
final class SourceProblems {
  private final String functionName;
  private final Path sourceDir;
  private final List<String> links = new ArrayList<>();
  private final List<String> secrets = new ArrayList<>();
  private final List<String> nonUtf8 = new ArrayList<>();

  SourceProblems(String functionName, Path sourceDir) {
    this.functionName = functionName;
    this.sourceDir = sourceDir;
  }

  void link(String path, Path target, String where) {
    links.add(path + " -> " + target + ", " + where);
  }

  void secret(String path) {
    secrets.add(path);
  }

  void nonUtf8(String escapedPath) {
    nonUtf8.add(escapedPath);
  }

  void throwIfAny() {
    if (!links.isEmpty() || !secrets.isEmpty() || !nonUtf8.isEmpty()) {
      throw new UnsafeSourceFilesException(functionName, sourceDir, links, secrets, nonUtf8);
    }
  }
}
