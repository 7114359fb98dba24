package io.github.uvlambda.function;

import java.util.List;

/** Collects the problems of one function into the list of all problems. */
final class FunctionProblems {
  private final List<ConfigProblem> all;
  private final String functionName;
  private final int position;
  private int count;

  /**
   * @param position 1-based position in {@code <functions>}
   */
  FunctionProblems(List<ConfigProblem> all, String functionName, int position) {
    this.all = all;
    this.functionName = functionName;
    this.position = position;
  }

  /** A bad value, reported with where it came from. */
  void invalid(FunctionSettings.Field<?> field, Inherited<?> value, String fix) {
    invalid(field.parameter(), value.origin(), value.value(), fix);
  }

  void invalid(String parameter, Origin origin, Object value, String fix) {
    add(ConfigProblem.invalid(functionName, position, parameter, origin, value, fix));
  }

  /** A problem described in words after the function (and parameter, when not null). */
  void about(String parameter, String text) {
    add(ConfigProblem.of(functionName, position, parameter, text));
  }

  private void add(ConfigProblem p) {
    all.add(p);
    count++;
  }

  boolean any() {
    return count > 0;
  }
}
