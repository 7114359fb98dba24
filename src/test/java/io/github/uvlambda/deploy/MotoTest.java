package io.github.uvlambda.deploy;

import io.github.uvlambda.testing.MotoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test against the JVM's one moto_server, reset before each test, with a fresh {@link
 * MotoProject} and static test credentials for the SDK's default chain.
 */
abstract class MotoTest {
  static MotoServer moto;
  @TempDir Path tmp;
  MotoProject p;

  @BeforeAll
  static void startMoto() throws Exception {
    moto = MotoServer.shared();
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
  }

  @AfterAll
  static void clearCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @BeforeEach
  void resetMoto() throws Exception {
    moto.reset();
    p = new MotoProject(moto, tmp);
  }
}
