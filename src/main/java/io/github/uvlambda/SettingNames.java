package io.github.uvlambda;

/**
 * How messages name the user's settings. The core names a setting by its plugin parameter ({@code
 * adoptExisting}, {@code durableConfig/executionTimeout}); the Maven layer supplies an
 * implementation that adds the {@code -D} property, so that no property name is spelled in the core
 * (after jib's {@code HelpfulSuggestions}, which takes the plugin's names as arguments).
 */
public interface SettingNames {
  /** A parameter set to a value, as a fix: {@code <adoptExisting>true</adoptExisting>}. */
  String set(String parameter, String value);

  /** A value given at plugin level, as the user will find it: {@code <memorySize> (plugin ...)}. */
  String pluginLevel(String parameter);

  /** The build's offline mode, e.g. "Offline". */
  String offline();

  /** The names as they appear in a POM, with no command-line spelling. */
  SettingNames POM =
      new SettingNames() {
        @Override
        public String set(String parameter, String value) {
          return element(parameter, value);
        }

        @Override
        public String pluginLevel(String parameter) {
          return element(parameter) + " (plugin configuration)";
        }

        @Override
        public String offline() {
          return "Offline";
        }
      };

  /** {@code <a>} for {@code a}, {@code <a>/<b>} for a nested {@code a/b}. */
  static String element(String parameter) {
    return "<" + parameter.replace("/", ">/<") + ">";
  }

  /** {@code <a>v</a>}; a nested {@code a/b} as {@code <a><b>v</b></a>}. */
  static String element(String parameter, String value) {
    String[] path = parameter.split("/");
    StringBuilder b = new StringBuilder();
    for (String p : path) {
      b.append('<').append(p).append('>');
    }
    b.append(value);
    for (int i = path.length - 1; i >= 0; i--) {
      b.append("</").append(path[i]).append('>');
    }
    return b.toString();
  }
}
