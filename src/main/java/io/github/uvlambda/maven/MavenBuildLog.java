package io.github.uvlambda.maven;

import io.github.uvlambda.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** Adapts the core's log to Maven's. */
final class MavenBuildLog implements BuildLog {
  private final Log log;

  MavenBuildLog(Log log) {
    this.log = log;
  }

  @Override
  public void debug(String message) {
    log.debug(message);
  }

  @Override
  public void info(String message) {
    log.info(message);
  }

  @Override
  public void warn(String message) {
    log.warn(message);
  }
}
