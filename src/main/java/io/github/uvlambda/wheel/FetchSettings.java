package io.github.uvlambda.wheel;

import io.github.uvlambda.Urls;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Where and how wheels are downloaded.
 *
 * @param indexUrl a PEP 503/691 simple index to take every wheel from instead of the lock's URLs
 *     ({@code http(s)://} or {@code file://}), or null. Credentials written in it ({@code
 *     https://user:token@host/simple}) move to username and password, unless those are set.
 * @param username credentials for the index (from Maven's settings.xml), or null
 * @param proxy the HTTP proxy, or null
 * @param offline {@code mvn -o}: use the cache only
 * @param lockDirectory the directory of uv.lock, against which relative wheel paths resolve
 */
public record FetchSettings(
    String indexUrl,
    String username,
    String password,
    Proxy proxy,
    boolean offline,
    int threads,
    int attempts,
    Path lockDirectory) {

  public FetchSettings {
    if (indexUrl != null) {
      URI index =
          Urls.parse(
              "<indexUrl>",
              indexUrl,
              List.of("http", "https", "file"),
              "the URL of a PEP 503 simple index: https://host/path/simple (e.g. a Nexus or"
                  + " Artifactory PyPI proxy) or file:///path/to/simple");
      if (index.getRawUserInfo() != null) {
        String[] userInfo = index.getRawUserInfo().split(":", 2);
        if (username == null) {
          username = percentDecode(userInfo[0]);
          password = userInfo.length > 1 ? percentDecode(userInfo[1]) : null;
        }
        indexUrl = withoutUserInfo(index);
      }
    }
  }

  /** %XX escapes decoded; unlike form decoding, '+' stays '+'. */
  private static String percentDecode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String withoutUserInfo(URI uri) {
    String s = uri.toString();
    int at = s.indexOf('@', s.indexOf("://") + 3);
    return s.substring(0, s.indexOf("://") + 3) + s.substring(at + 1);
  }

  /** An HTTP proxy from Maven's settings. */
  public record Proxy(
      String host, int port, String username, String password, String nonProxyHosts) {}

  public static FetchSettings direct(Path lockDirectory) {
    return new FetchSettings(null, null, null, null, false, 8, 3, lockDirectory);
  }

  public FetchSettings withIndex(String url) {
    return new FetchSettings(
        url, username, password, proxy, offline, threads, attempts, lockDirectory);
  }

  public FetchSettings withOffline(boolean off) {
    return new FetchSettings(
        indexUrl, username, password, proxy, off, threads, attempts, lockDirectory);
  }
}
