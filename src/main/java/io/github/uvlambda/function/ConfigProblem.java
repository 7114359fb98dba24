package io.github.uvlambda.function;

import io.github.uvlambda.SettingNames;

/**
 * One configuration mistake: which function (by name and position), which parameter, where its
 * value came from, the value, and what is allowed or how to fix it.
 *
 * @param functionName the function's name, or null when it has none (or the problem is not about
 *     one function)
 * @param position the function's 1-based position in {@code <functions>}, 0 when the problem is
 *     about the plugin level or the list itself
 * @param parameter the parameter, e.g. {@code memorySize} or {@code
 *     durableConfig/executionTimeout}; null when the text names what it is about
 * @param origin where the value came from; null when the problem is not about one value
 * @param value the value as written or defaulted, null when the problem is not about one value
 * @param text for a value: what is allowed or the fix; otherwise the whole problem after the
 *     function and parameter
 */
public record ConfigProblem(
    String functionName, int position, String parameter, Origin origin, String value, String text) {

  /**
   * A bad value. One given at plugin level is reported once, not once per function, so it carries
   * no function.
   */
  public static ConfigProblem invalid(
      String functionName,
      int position,
      String parameter,
      Origin origin,
      Object value,
      String fix) {
    boolean shared = origin == Origin.PLUGIN;
    return new ConfigProblem(
        shared ? null : functionName,
        shared ? 0 : position,
        parameter,
        origin,
        String.valueOf(value),
        fix);
  }

  /** A problem of one function, e.g. "has no <lambdasDir>: ..." or "uses 6 layers: ...". */
  public static ConfigProblem of(String functionName, int position, String parameter, String text) {
    return new ConfigProblem(functionName, position, parameter, null, null, text);
  }

  /** A problem of the whole configuration, e.g. an empty {@code <functions>}. */
  public static ConfigProblem global(String parameter, String text) {
    return new ConfigProblem(null, 0, parameter, null, null, text);
  }

  /** {@code <function> 'name'}, {@code <function> #2}, or empty for the plugin level. */
  public String functionLabel() {
    if (functionName != null && !functionName.isBlank()) {
      return "<function> '" + functionName + "'";
    }
    return position > 0 ? "<function> #" + position : "";
  }

  /** The problem as one sentence, with settings named by {@code names}. */
  public String describe(SettingNames names) {
    String label = functionLabel();
    if (value != null) {
      String where =
          origin == Origin.PLUGIN
              ? names.pluginLevel(parameter)
              : join(label, SettingNames.element(parameter))
                  + (origin == Origin.DEFAULT ? " (default)" : "");
      return where + " is '" + value + "': " + text;
    }
    return join(join(label, parameter == null ? "" : SettingNames.element(parameter)), text);
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
  }
}
