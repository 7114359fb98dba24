package io.github.uvlambda.wheel;

import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/** The one HTTP client of the wheel fetcher: redirects, proxy, index credentials, timeouts. */
final class Http {
  record Response(int status, byte[] body, String contentType, URI uri) {}

  private final HttpClient client;
  private final String authorization;
  private final String authHost;

  Http(FetchSettings settings) {
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30));
    FetchSettings.Proxy p = settings.proxy();
    if (p != null) {
      b.proxy(new MavenProxySelector(p));
      if (p.username() != null) {
        b.authenticator(
            new Authenticator() {
              @Override
              protected PasswordAuthentication getPasswordAuthentication() {
                return getRequestorType() == RequestorType.PROXY
                    ? new PasswordAuthentication(
                        p.username(), (p.password() == null ? "" : p.password()).toCharArray())
                    : null;
              }
            });
      }
    }
    this.client = b.build();
    if (settings.username() != null && settings.indexUrl() != null) {
      String token =
          settings.username() + ":" + (settings.password() == null ? "" : settings.password());
      this.authorization =
          "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
      this.authHost = URI.create(settings.indexUrl()).getHost();
    } else {
      this.authorization = null;
      this.authHost = null;
    }
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMinutes(10))
            .header("User-Agent", "uv-lambda-maven-plugin");
    // Credentials go only to the index's own host, never to a CDN it redirects to.
    if (authorization != null && authHost != null && authHost.equalsIgnoreCase(uri.getHost())) {
      r.header("Authorization", authorization);
    }
    return r;
  }

  Response get(URI uri, String accept) throws IOException {
    try {
      HttpResponse<byte[]> r =
          client.send(
              request(uri).header("Accept", accept).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      return new Response(
          r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(null), r.uri());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  HttpResponse<InputStream> stream(URI uri) throws IOException {
    try {
      return client.send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Routes requests through Maven's proxy except for its nonProxyHosts. */
  private static final class MavenProxySelector extends ProxySelector {
    private final FetchSettings.Proxy proxy;
    private final Pattern nonProxy;

    MavenProxySelector(FetchSettings.Proxy proxy) {
      this.proxy = proxy;
      String hosts = proxy.nonProxyHosts() == null ? "" : proxy.nonProxyHosts();
      StringBuilder re = new StringBuilder();
      for (String h : hosts.split("[|,]")) {
        if (h.isBlank()) {
          continue;
        }
        if (re.length() > 0) {
          re.append('|');
        }
        re.append(h.strip().replace(".", "\\.").replace("*", ".*"));
      }
      this.nonProxy =
          re.length() == 0 ? null : Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }

    @Override
    public List<java.net.Proxy> select(URI uri) {
      if (uri.getHost() == null
          || (nonProxy != null && nonProxy.matcher(uri.getHost()).matches())) {
        return List.of(java.net.Proxy.NO_PROXY);
      }
      return List.of(
          new java.net.Proxy(
              java.net.Proxy.Type.HTTP, new InetSocketAddress(proxy.host(), proxy.port())));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
  }
}
