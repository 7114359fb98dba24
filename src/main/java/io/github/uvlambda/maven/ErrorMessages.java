package io.github.uvlambda.maven;

import io.github.uvlambda.SettingNames;
import io.github.uvlambda.Urls;
import io.github.uvlambda.UvLambdaException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The one place that turns the core's failures into what a Maven user reads: each setting as its
 * POM element and {@code -D} property, offline mode as {@code mvn -o}. The core's typed exceptions
 * carry the data ({@link UvLambdaException#message(SettingNames)} composes the text with these
 * names); anything else the core lets escape is named for what it is, without a stack trace.
 */
final class ErrorMessages implements SettingNames {

  static final ErrorMessages MAVEN = new ErrorMessages();

  private ErrorMessages() {}

  /** Whether a failure is the user's to fix (a {@code MojoFailureException}) or a bug. */
  static boolean isUserError(Throwable e) {
    return e instanceof UvLambdaException
        || e instanceof IllegalArgumentException
        || e instanceof UncheckedIOException;
  }

  /** The message for the user, a URL's credentials masked ({@link Urls#redact}). */
  String render(Throwable e) {
    return Urls.redact(compose(e));
  }

  private String compose(Throwable e) {
    if (e instanceof UvLambdaException u) {
      return u.message(this);
    }
    if (e instanceof IllegalArgumentException) {
      // pep/ and the readers reject malformed versions, markers and names this way
      return "Invalid input: "
          + e.getMessage()
          + ". It comes from pyproject.toml, uv.lock or the plugin configuration: fix the value"
          + " there (for uv.lock, run `uv lock`).";
    }
    if (e instanceof UncheckedIOException io) {
      return "I/O error: " + io.getCause().getMessage();
    }
    return "Unexpected error in uv-lambda-maven-plugin: "
        + e
        + ". Please report it with the output of `mvn -e`.";
  }

  @Override
  public String set(String parameter, String value) {
    Optional<String> property = PropertyNames.forParameter(parameter);
    return SettingNames.element(parameter, value)
        + property.map(p -> " (-D" + p + "=" + value + ")").orElse("");
  }

  @Override
  public String pluginLevel(String parameter) {
    Optional<String> property = PropertyNames.forParameter(parameter);
    return SettingNames.element(parameter)
        + " (plugin configuration"
        + property.map(p -> " or -D" + p).orElse("")
        + ")";
  }

  @Override
  public String offline() {
    return "Offline (mvn -o)";
  }
}
