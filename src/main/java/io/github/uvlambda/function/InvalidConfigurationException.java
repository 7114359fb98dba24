package io.github.uvlambda.function;

import io.github.uvlambda.SettingNames;
import io.github.uvlambda.UvLambdaException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Every configuration mistake found before any work, reported at once. */
public class InvalidConfigurationException extends UvLambdaException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  /**
   * @param problems in the order found; duplicates (a plugin-level mistake seen by each function)
   *     are kept once
   */
  public InvalidConfigurationException(List<ConfigProblem> problems) {
    super(render(distinct(problems), SettingNames.POM));
    this.problems = distinct(problems);
  }

  private static List<ConfigProblem> distinct(List<ConfigProblem> problems) {
    return List.copyOf(new LinkedHashSet<>(problems));
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  @Override
  public String message(SettingNames names) {
    return render(problems, names);
  }

  private static String render(List<ConfigProblem> problems, SettingNames names) {
    List<String> lines = new ArrayList<>();
    for (ConfigProblem p : problems) {
      lines.add(p.describe(names));
    }
    return lines.size() == 1
        ? "Invalid configuration: " + lines.get(0)
        : "Invalid configuration ("
            + lines.size()
            + " problems):\n  - "
            + String.join("\n  - ", lines);
  }
}
