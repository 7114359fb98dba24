package io.github.uvlambda;

/** The only way core code talks to the user; the Maven layer adapts it to Maven's log. */
public interface BuildLog {
  void debug(String message);

  void info(String message);

  void warn(String message);

  /**
   * How a long step is getting on (a download): shown only where someone watches an interactive
   * terminal, at most about once a second; otherwise at debug level.
   */
  default void progress(String message) {
    debug(message);
  }

  /** A log that drops everything, for tests and for callers that do not care. */
  BuildLog SILENT =
      new BuildLog() {
        @Override
        public void debug(String message) {}

        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}
      };
}
