package io.github.uvlambda.maven;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.Urls;
import org.apache.maven.plugin.logging.Log;

/** Adapts the core's log to Maven's; no line shows a URL's credentials, whatever its source. */
final class MavenBuildLog implements BuildLog {
  private final Log log;

  MavenBuildLog(Log log) {
    this.log = log;
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
}
