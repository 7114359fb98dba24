package io.github.uvlambda;

/**
 * A failure the user can act on: bad configuration, a stale or malformed lock, a wheel that cannot
 * be used, an AWS resource in the way. The message is complete on its own — it names the file or
 * the setting (as its parameter, {@code <adoptExisting>}), the bad value and the fix — and never
 * spells a command-line property. Subclasses carry the data as fields; the Maven layer's {@code
 * ErrorMessages} renders them with the right POM element and {@code -D} name. See docs/errors.md. A
 * URL's credentials never appear in it: {@link Urls#redact} masks them, whatever built it.
 */
public class UvLambdaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UvLambdaException(String message) {
    super(Urls.redact(message));
  }

  public UvLambdaException(String message, Throwable cause) {
    super(Urls.redact(message), cause);
  }

  /**
   * The message with settings named the way {@code names} names them. Subclasses that mention a
   * setting override it; {@link #getMessage()} is this with {@link SettingNames#POM}.
   */
  public String message(SettingNames names) {
    return super.getMessage();
  }
}
