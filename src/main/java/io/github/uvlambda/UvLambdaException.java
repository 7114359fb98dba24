package io.github.uvlambda;

/**
 * A failure the user can act on: bad configuration, a stale or malformed lock, a wheel that cannot
 * be used, an AWS resource in the way. The message is complete on its own — it names the file, POM
 * element or flag, the bad value and the fix — so the Maven layer prints it without a stack trace.
 */
public class UvLambdaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UvLambdaException(String message) {
    super(message);
  }

  public UvLambdaException(String message, Throwable cause) {
    super(message, cause);
  }
}
