package io.github.uvlambda.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** Progress lines: on an interactive terminal at most once a second, otherwise only at debug. */
class MavenBuildLogTest {

  /** A Maven log that keeps its lines, prefixed with the level. */
  static final class Lines extends SystemStreamLog {
    final List<String> lines = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
      lines.add("INFO " + content);
    }

    @Override
    public void debug(CharSequence content) {
      lines.add("DEBUG " + content);
    }

    @Override
    public void warn(CharSequence content) {
      lines.add("WARN " + content);
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }
  }

  @Test
  void withoutAnInteractiveTerminalProgressIsOnlyDebug() {
    Lines maven = new Lines();
    MavenBuildLog log = new MavenBuildLog(maven, false);
    for (int i = 0; i <= 100; i++) {
      log.progress("numpy " + i + "%");
    }
    assertThat(maven.lines).hasSize(101).allMatch(l -> l.startsWith("DEBUG "));
  }

  @Test
  void onATerminalProgressIsShownAtMostOnceASecond() {
    Lines maven = new Lines();
    MavenBuildLog log = new MavenBuildLog(maven, true);
    for (int i = 0; i <= 100; i++) {
      log.progress("numpy " + i + "%");
    }
    // A hundred calls in far less than a second: the first is shown, the rest go to debug.
    assertThat(maven.lines.stream().filter(l -> l.startsWith("INFO ")))
        .containsExactly("INFO numpy 0%");
    long second = MavenBuildLog.PROGRESS_INTERVAL_NANOS;
    MavenBuildLog clock = new MavenBuildLog(new Lines(), true);
    assertThat(clock.due(0)).isTrue();
    assertThat(clock.due(second - 1)).isFalse();
    assertThat(clock.due(second)).isTrue();
    assertThat(clock.due(second + second / 2)).isFalse();
    assertThat(clock.due(3 * second)).isTrue();
  }

  @Test
  void credentialsInAUrlAreMaskedInProgressToo() {
    Lines maven = new Lines();
    new MavenBuildLog(maven, true).progress("Downloading from https://user:secret@example.com/x");
    assertThat(String.join("\n", maven.lines)).doesNotContain("secret");
  }
}
