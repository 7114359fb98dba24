package io.github.uvlambda.maven;

import io.github.uvlambda.BuildLog;
import org.slf4j.LoggerFactory;

/**
 * Keeps the AWS SDK's own debug output out of {@code mvn -X}. The SDK logs through SLF4J, which
 * Maven prints at DEBUG under -X; its request signer writes the canonical request there, session
 * token included. Maven's SLF4J provider reads a logger's level from the system property {@code
 * org.slf4j.simpleLogger.log.<name>} when the logger is created, so the plugin sets the SDK's to
 * INFO before any SDK class is loaded. (The HTTP client, the JDK's HttpURLConnection, has no wire
 * log to begin with.)
 */
final class AwsSdkLogging {
  private static final String PROPERTY = "org.slf4j.simpleLogger.log.";

  /** Loggers whose DEBUG output may carry credentials, headers or request bodies. */
  private static final String[] QUIET = {"software.amazon.awssdk", "org.apache.hc"};

  /** Where the session token is written at DEBUG, if anything would write it. */
  private static final String SIGNER = "software.amazon.awssdk.http.auth.aws.internal.signer";

  private AwsSdkLogging() {}

  static void keepQuiet(BuildLog log) {
    for (String logger : QUIET) {
      System.setProperty(PROPERTY + logger, "info");
    }
    if (LoggerFactory.getLogger(SIGNER + ".DefaultV4RequestSigner").isDebugEnabled()) {
      log.warn(
          "This Maven's logging keeps the AWS SDK at DEBUG despite "
              + PROPERTY
              + "software.amazon.awssdk=info: under -X the SDK's request signing output (with"
              + " the session token) may be printed. Do not share this build's debug log.");
    }
  }
}
