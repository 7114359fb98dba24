package io.github.uvlambda.maven;

import io.github.uvlambda.BuildLog;
import org.slf4j.LoggerFactory;

/**
 * Keeps the AWS SDK's own debug output out of {@code mvn -X}. The SDK logs through SLF4J, which
 * Maven prints at DEBUG under -X; its request signer writes the canonical request there, session
 * token included. Maven's SLF4J provider reads a logger's level from a system property when the
 * logger is created, so the plugin sets the SDK's to INFO before any SDK class is loaded: {@code
 * maven.logger.log.<name>} for Maven 4, and, only where that is not honoured (Maven 3), {@code
 * org.slf4j.simpleLogger.log.<name>}, which Maven 4 reads too but warns about on every logger. (The
 * HTTP client, the JDK's HttpURLConnection, has no wire log to begin with.)
 */
final class AwsSdkLogging {
  private static final String MAVEN4_PROPERTY = "maven.logger.log.";
  private static final String MAVEN3_PROPERTY = "org.slf4j.simpleLogger.log.";

  /** Loggers whose DEBUG output may carry credentials, headers or request bodies. */
  private static final String[] QUIET = {"software.amazon.awssdk", "org.apache.hc"};

  /** A logger no library uses, under the SDK's name: its level tells which property was read. */
  private static final String PROBE = "software.amazon.awssdk.uv-lambda-logging-probe";

  /** Where the session token is written at DEBUG, if anything would write it. */
  private static final String SIGNER = "software.amazon.awssdk.http.auth.aws.internal.signer";

  private AwsSdkLogging() {}

  static void keepQuiet(BuildLog log) {
    set(MAVEN4_PROPERTY);
    if (LoggerFactory.getLogger(PROBE).isDebugEnabled()) {
      set(MAVEN3_PROPERTY);
    }
    if (LoggerFactory.getLogger(SIGNER + ".DefaultV4RequestSigner").isDebugEnabled()) {
      log.warn(
          "This Maven's logging keeps the AWS SDK at DEBUG despite "
              + MAVEN4_PROPERTY
              + "software.amazon.awssdk=info and "
              + MAVEN3_PROPERTY
              + "software.amazon.awssdk=info: under -X the SDK's request signing output (with"
              + " the session token) may be printed. Do not share this build's debug log.");
    }
  }

  private static void set(String prefix) {
    for (String logger : QUIET) {
      System.setProperty(prefix + logger, "info");
    }
  }
}
