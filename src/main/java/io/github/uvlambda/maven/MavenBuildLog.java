package io.github.uvlambda.maven;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.Urls;
import org.apache.maven.plugin.logging.Log;

/**
 * Adapts the core's log to Maven's; no line shows a URL's credentials, whatever its source.
 * Progress is shown only on an interactive terminal (not under {@code -B}, not when the output is
 * piped or captured), at most once a second; otherwise it goes to debug.
 */
final class MavenBuildLog implements BuildLog {
  static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L;

  private final Log log;
  private final boolean interactive;
  private long lastProgress;
  private boolean anyProgress;

  MavenBuildLog(Log log, boolean interactive) {
    this.log = log;
    this.interactive = interactive;
  }

  @Override
  public void debug(String message) {
    log.debug(Urls.redact(message));
  }

  @Override
  public void info(String message) {
    log.info(Urls.redact(message));
  }

  @Override
  public void warn(String message) {
    log.warn(Urls.redact(message));
  }

  @Override
  public void progress(String message) {
    if (interactive && due(System.nanoTime())) {
      info(message);
    } else {
      debug(message);
    }
  }

  /** Whether a second has passed since the last progress line shown (the first is shown). */
  synchronized boolean due(long now) {
    if (anyProgress && now - lastProgress < PROGRESS_INTERVAL_NANOS) {
      return false;
    }
    anyProgress = true;
    lastProgress = now;
    return true;
  }
}
