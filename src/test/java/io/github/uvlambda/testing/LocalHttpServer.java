package io.github.uvlambda.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves a directory over HTTP on 127.0.0.1 (a free port), like a simple index: {@code /x/} serves
 * {@code x/index.html}, or a PEP 691 JSON page when the client asks for it and {@code x/index.json}
 * exists. It can fail the first N requests with 500 and records every request.
 */
public final class LocalHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final Path root;
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  public LocalHttpServer(Path root) throws IOException {
    this.root = root;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  public void failNext(int n) {
    failuresLeft.set(n);
  }

  public List<String> requests() {
    return requests;
  }

  public List<String> authorizations() {
    return authorizations;
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    requests.add(path);
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth != null) {
      authorizations.add(auth);
    }
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      send(ex, 500, "text/plain", "injected failure".getBytes(StandardCharsets.UTF_8));
      return;
    }
    Path file = root.resolve(path.substring(1)).normalize();
    if (!file.startsWith(root)) {
      send(ex, 403, "text/plain", new byte[0]);
      return;
    }
    String accept = ex.getRequestHeaders().getFirst("Accept");
    if (Files.isDirectory(file)) {
      Path json = file.resolve("index.json");
      if (accept != null
          && accept.contains("vnd.pypi.simple.v1+json")
          && Files.isRegularFile(json)) {
        send(ex, 200, "application/vnd.pypi.simple.v1+json", Files.readAllBytes(json));
        return;
      }
      file = file.resolve("index.html");
    }
    if (!Files.isRegularFile(file)) {
      send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
      return;
    }
    send(
        ex,
        200,
        file.toString().endsWith(".html") ? "text/html" : "application/octet-stream",
        Files.readAllBytes(file));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
