package io.github.uvlambda;

/** The only way core code talks to the user; the Maven layer adapts it to Maven's log. */
public interface BuildLog {
  void debug(String message);

  void info(String message);

  void warn(String message);

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
