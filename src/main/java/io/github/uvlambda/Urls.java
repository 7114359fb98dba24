package io.github.uvlambda;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL settings: parsed with an error that names the setting, the value and the form expected; and
 * never shown with their credentials — {@code https://user:token@host/simple} is written {@code
 * https://***@host/simple} in every message, log line, plan and output.
 */
public final class Urls {
  /** A scheme, "//", then user-info up to the last '@' before the host's end. */
  private static final Pattern USER_INFO =
      Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\\s\"'<>]*@");

  private Urls() {}

  /** The text with the user-info of every URL in it masked. Null stays null. */
  public static String redact(String text) {
    return text == null || text.indexOf('@') < 0
        ? text
        : USER_INFO.matcher(text).replaceAll("$1***@");
  }

  /**
   * Parses a URL setting.
   *
   * @param setting the setting as the user writes it, e.g. {@code <indexUrl>}
   * @param schemes the schemes allowed, lower case, e.g. {@code http}, {@code https}
   * @param expected the form expected, with an example, for the error message
   */
  public static URI parse(String setting, String value, List<String> schemes, String expected) {
    String shown = "'" + redact(value) + "'";
    String v = value.strip();
    if (!v.contains("://") && !v.regionMatches(true, 0, "file:", 0, 5)) {
      throw invalid(
          setting,
          shown,
          looksLikePath(v)
              ? "is a plain path, not a URL"
                  + (schemes.contains("file") ? " (write a folder as file:///path/to/it)" : "")
              : "is not a URL",
          expected);
    }
    URI uri;
    try {
      uri = new URI(v);
    } catch (URISyntaxException e) {
      throw invalid(setting, shown, "is not a valid URL (" + redact(e.getReason()) + ")", expected);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!schemes.contains(scheme)) {
      throw invalid(setting, shown, "uses " + scheme + "://, which is not supported", expected);
    }
    if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isBlank())) {
      throw invalid(setting, shown, "has no host name", expected);
    }
    if (scheme.equals("file") && (uri.getPath() == null || uri.getPath().isBlank())) {
      throw invalid(setting, shown, "has no path", expected);
    }
    return uri;
  }

  private static boolean looksLikePath(String v) {
    return v.startsWith("/")
        || v.startsWith(".")
        || v.startsWith("~")
        || v.contains("\\")
        || (v.length() > 1 && v.charAt(1) == ':');
  }

  private static UvLambdaException invalid(
      String setting, String shown, String problem, String expected) {
    return new UvLambdaException(
        setting + " is " + shown + ", which " + problem + ". Expected " + expected + ".");
  }
}
