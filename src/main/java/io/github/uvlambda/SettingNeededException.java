package io.github.uvlambda;

/**
 * A failure one setting fixes: the text around the fix, the parameter to set and a value that would
 * do, e.g. "No AWS region is configured: set" {@code <region>eu-west-1</region>} ", or AWS_REGION.
 * Nothing was deployed."
 *
 * @see UvLambdaException
 */
public class SettingNeededException extends UvLambdaException {
  private static final long serialVersionUID = 1L;

  private final String before;
  private final String parameter;
  private final String value;
  private final String after;

  /**
   * @param before the problem, ending where the setting is named (e.g. "... Rename it, or set ")
   * @param parameter the plugin parameter that fixes it, e.g. {@code region}
   * @param value a value for it that fixes the problem or an example, e.g. {@code eu-west-1}
   * @param after the rest of the sentence and what state things are in (may be empty)
   */
  public SettingNeededException(String before, String parameter, String value, String after) {
    this(before, parameter, value, after, null);
  }

  public SettingNeededException(
      String before, String parameter, String value, String after, Throwable cause) {
    super(before + SettingNames.POM.set(parameter, value) + after, cause);
    this.before = before;
    this.parameter = parameter;
    this.value = value;
    this.after = after;
  }

  public String parameter() {
    return parameter;
  }

  public String value() {
    return value;
  }

  @Override
  public String message(SettingNames names) {
    return before + names.set(parameter, value) + after;
  }
}
