package io.github.uvlambda.wheel;

import java.nio.file.Path;

/**
 * Where and how wheels are downloaded.
 *
 * @param indexUrl a PEP 503/691 simple index to take every wheel from instead of the lock's URLs
 *     ({@code http(s)://} or {@code file://}), or null
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
