package io.github.uvlambda.wheel;

/**
 * What fetching a layer's wheels took: how many wheels, how many were already in the cache, how
 * many bytes were downloaded.
 */
public record FetchStats(int wheels, int fromCache, long downloadedBytes) {
  public static final FetchStats NONE = new FetchStats(0, 0, 0);

  public FetchStats plus(FetchStats other) {
    return new FetchStats(
        wheels + other.wheels,
        fromCache + other.fromCache,
        downloadedBytes + other.downloadedBytes);
  }
}
