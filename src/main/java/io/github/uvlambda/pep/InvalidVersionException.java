package io.github.uvlambda.pep;

/** A string that is not a PEP 440 version or version specifier. */
public class InvalidVersionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidVersionException(String message) {
    super(message);
  }
}
