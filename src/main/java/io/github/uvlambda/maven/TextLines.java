package io.github.uvlambda.maven;

import io.github.uvlambda.UvLambdaException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Lines as uv-export takes them from parameters and writes them: to a file or standard output. */
final class TextLines {
  private TextLines() {}

  /** The non-blank entries, stripped; an unset list is empty. */
  static List<String> clean(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (String s : values) {
        if (s != null && !s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }

  /**
   * Writes the lines to the file, or to standard output when it is null (unlogged, so that the
   * output can be piped).
   */
  @SuppressWarnings("SystemOut")
  static void write(File file, List<String> lines) {
    if (file == null) {
      PrintStream out = System.out;
      lines.forEach(out::println);
      out.flush();
      return;
    }
    try {
      Path p = file.toPath();
      if (p.getParent() != null) {
        Files.createDirectories(p.getParent());
      }
      Files.write(p, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UvLambdaException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
