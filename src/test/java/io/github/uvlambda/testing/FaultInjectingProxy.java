package io.github.uvlambda.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback reverse proxy in front of moto that answers chosen requests with AWS errors a given
 * number of times before letting them through: throttling, server errors, an update in progress,
 * the IAM propagation error.
 */
public final class FaultInjectingProxy implements AutoCloseable {
  /**
   * A fault for requests whose method and path match. Requests to {@code /} are the query-protocol
   * services (STS, IAM, SQS) and get AWS's XML error body; the others get the JSON one.
   */
  public record Fault(String method, String path, int status, String errorType, String message) {}

  private static final Set<String> HOP =
      Set.of("connection", "content-length", "host", "transfer-encoding", "expect", "upgrade");

  private final HttpServer server;
  private final String target;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<Fault, AtomicInteger> faults = new ConcurrentHashMap<>();
  private final List<String> injected = new CopyOnWriteArrayList<>();

  public FaultInjectingProxy(String target) throws IOException {
    this.target = target;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void inject(Fault fault, int times) {
    faults.put(fault, new AtomicInteger(times));
  }

  public List<String> injected() {
    return injected;
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    String path = ex.getRequestURI().getPath();
    for (Map.Entry<Fault, AtomicInteger> e : faults.entrySet()) {
      Fault f = e.getKey();
      if (f.method().equals(ex.getRequestMethod())
          && path.equals(f.path())
          && e.getValue().getAndDecrement() > 0) {
        injected.add(f.errorType());
        boolean query = path.equals("/");
        byte[] err =
            (query
                    ? "<ErrorResponse><Error><Type>Sender</Type><Code>"
                        + f.errorType()
                        + "</Code><Message>"
                        + f.message()
                        + "</Message></Error><RequestId>fault</RequestId></ErrorResponse>"
                    : "{\"Type\":\"User\",\"message\":\"" + f.message() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        if (!query) {
          ex.getResponseHeaders().add("x-amzn-ErrorType", f.errorType());
        }
        ex.getResponseHeaders().add("Content-Type", query ? "text/xml" : "application/json");
        ex.sendResponseHeaders(f.status(), err.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(err);
        }
        return;
      }
    }
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()))
            .method(
                ex.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    ex.getRequestHeaders()
        .forEach(
            (k, vs) -> {
              if (!HOP.contains(k.toLowerCase())) {
                vs.forEach(v -> r.header(k, v));
              }
            });
    try {
      HttpResponse<byte[]> resp = client.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
      resp.headers()
          .map()
          .forEach(
              (k, vs) -> {
                if (!HOP.contains(k.toLowerCase()) && !k.equals(":status")) {
                  vs.forEach(v -> ex.getResponseHeaders().add(k, v));
                }
              });
      byte[] out = resp.body();
      ex.sendResponseHeaders(resp.statusCode(), out.length == 0 ? -1 : out.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.sendResponseHeaders(502, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
