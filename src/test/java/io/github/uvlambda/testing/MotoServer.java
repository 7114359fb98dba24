package io.github.uvlambda.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real moto_server on a free 127.0.0.1 port, started for a test class and stopped after it, with
 * AWS-managed IAM policies loaded. Its state is reset between tests.
 */
public final class MotoServer implements AutoCloseable {
  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private MotoServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  public static MotoServer start(String executable, Path log)
      throws IOException, InterruptedException {
    int port = freePort();
    ProcessBuilder pb =
        new ProcessBuilder(executable, "-H", "127.0.0.1", "-p", String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
    // moto runs boto3 itself: keep the test JVM's AWS settings (a deliberately missing profile)
    // away from it.
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    pb.environment().put("AWS_ACCESS_KEY_ID", "testing");
    pb.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
    pb.environment().put("AWS_DEFAULT_REGION", "us-east-1");
    Process p = pb.start();
    MotoServer server = new MotoServer(p, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IOException("moto_server exited with " + p.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<Void> r =
            server.http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/moto-api/"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() < 500) {
          return server;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    server.close();
    throw new IOException("moto_server did not start within 60 s; see " + log);
  }

  private static MotoServer shared;

  /** A moto_server some other process started, e.g. the test JVM for a child JVM. */
  public static MotoServer at(String url) {
    return new MotoServer(null, java.net.URI.create(url).getPort());
  }

  /**
   * One moto_server for the whole test JVM, started on first use and stopped when the JVM exits:
   * starting one takes seconds, resetting it between tests milliseconds. Aborts the test (fails
   * under CI=true) where moto_server is missing.
   */
  public static synchronized MotoServer shared() throws IOException, InterruptedException {
    if (shared == null) {
      var exe = MachineTools.motoServer();
      MachineTools.require(exe.isPresent(), "moto_server");
      Path log = java.nio.file.Files.createTempFile("moto", ".log");
      MotoServer server = start(exe.get(), log);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      shared = server;
    }
    return shared;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public void reset() throws IOException, InterruptedException {
    http.send(
        HttpRequest.newBuilder(URI.create(url() + "/moto-api/reset"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  @Override
  public void close() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
