package io.github.uvlambda.pep;

/** A string that is not a valid PEP 508 marker or requirement. */
public class InvalidMarkerException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidMarkerException(String message) {
    super(message);
  }
}
