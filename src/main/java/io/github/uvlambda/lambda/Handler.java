package io.github.uvlambda.lambda;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Lambda Python handler, {@code module.function}: {@code my_worker.handler.handler} is the
 * function {@code handler} of the module {@code my_worker/handler.py} (or {@code
 * my_worker/handler/__init__.py}).
 */
public record Handler(String value) {
  private static final Pattern SYNTAX = Pattern.compile("[^\\s.][^\\s]*\\.[^\\s.]+");

  public static final String DEFAULT = "handler.handler";

  /** Whether the text has the {@code module.function} shape Lambda accepts. */
  public static boolean isValid(String text) {
    return text != null && SYNTAX.matcher(text).matches();
  }

  /** The module as a path without extension: {@code my_worker/handler}. */
  public String modulePath() {
    return value.substring(0, value.lastIndexOf('.')).replace('.', '/');
  }

  /** Both files that can define the module, relative to the code root. */
  public List<String> moduleCandidates() {
    String module = modulePath();
    return List.of(module + ".py", module + "/__init__.py");
  }

  /** The file under {@code sourceDir} that defines the module, relative to it, if any. */
  public Optional<String> moduleIn(Path sourceDir) {
    for (String candidate : moduleCandidates()) {
      if (Files.isRegularFile(sourceDir.resolve(candidate))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
