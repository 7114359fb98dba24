package io.github.uvlambda.wheel;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.Urls;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.archive.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Brings every selected wheel into the {@link WheelCache}: from a mirror index when one is
 * configured, else from the URL in uv.lock; in parallel, with retries; each file's SHA-256 checked
 * against the lock before it is kept. In offline mode only the cache is used.
 */
public final class WheelFetcher {
  private static final long PROGRESS_THRESHOLD = 10L * 1024 * 1024;

  private final WheelCache cache;
  private final FetchSettings settings;
  private final BuildLog log;
  private final Http http;
  private final IndexClient index;
  private final AtomicLong downloadedBytes = new AtomicLong();
  private volatile FetchStats stats = FetchStats.NONE;

  public WheelFetcher(WheelCache cache, FetchSettings settings, BuildLog log) {
    this.cache = cache;
    this.settings = settings;
    this.log = log;
    this.http = new Http(settings);
    this.index =
        settings.indexUrl() == null
            ? null
            : new IndexClient(settings.indexUrl(), http, settings.attempts());
  }

  /** The cached file of each wheel, keyed by the wheel's file name. */
  public Map<String, Path> fetchAll(List<SelectedWheel> wheels) {
    Map<String, Path> out = new LinkedHashMap<>();
    List<SelectedWheel> missing = new ArrayList<>();
    List<String> unhashed = new ArrayList<>();
    for (SelectedWheel w : wheels) {
      if (w.sha256() == null) {
        String algorithm = w.artifact().hashAlgorithm();
        unhashed.add(
            w.lockPackage().label()
                + " ("
                + w.filename().filename()
                + (algorithm == null ? ": no hash" : ": only a " + algorithm + " hash")
                + ")");
        continue;
      }
      cache
          .lookup(w.sha256(), w.filename().filename())
          .ifPresentOrElse(p -> out.put(w.filename().filename(), p), () -> missing.add(w));
    }
    if (!unhashed.isEmpty()) {
      throw new UvLambdaException(
          "uv.lock has no sha256 hash for "
              + String.join(", ", unhashed)
              + "; the plugin installs only wheels verified by sha256. Regenerate the lock with"
              + " `uv lock` from an index that publishes sha256 hashes (PyPI does).");
    }
    stats = new FetchStats(wheels.size(), out.size(), 0);
    if (missing.isEmpty()) {
      log.debug("all " + wheels.size() + " wheels found in the cache " + cache.root());
      return out;
    }
    if (settings.offline()) {
      // Offline blocks the network, not the disk: a file:// index or local wheel paths still work.
      List<String> remote =
          missing.stream().filter(w -> !isLocal(w)).map(w -> w.filename().filename()).toList();
      if (!remote.isEmpty()) {
        throw new OfflineException(remote, cache.root());
      }
    }
    log.progress(
        "Downloading "
            + missing.size()
            + " wheel"
            + (missing.size() == 1 ? "" : "s")
            + (index != null ? " from " + Urls.redact(settings.indexUrl()) : "")
            + " into "
            + cache.root());
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(settings.threads(), missing.size())));
    try {
      List<Future<Path>> futures = new ArrayList<>();
      for (SelectedWheel w : missing) {
        futures.add(pool.submit(() -> fetch(w)));
      }
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < missing.size(); i++) {
        try {
          out.put(missing.get(i).filename().filename(), futures.get(i).get());
        } catch (ExecutionException e) {
          failures.add(
              e.getCause() instanceof UvLambdaException u
                  ? u.getMessage()
                  : String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new UvLambdaException("Interrupted while downloading wheels");
        }
      }
      if (!failures.isEmpty()) {
        throw new UvLambdaException(
            failures.size() == 1
                ? failures.get(0)
                : failures.size()
                    + " wheels could not be fetched:\n  - "
                    + String.join("\n  - ", failures));
      }
    } finally {
      pool.shutdownNow();
    }
    stats = new FetchStats(wheels.size(), wheels.size() - missing.size(), downloadedBytes.get());
    return out;
  }

  /** What the last {@link #fetchAll} took. */
  public FetchStats stats() {
    return stats;
  }

  /**
   * Whether a wheel is read from the local disk (a file:// index or lock path), not the network.
   */
  private boolean isLocal(SelectedWheel w) {
    if (index != null && !isFile(URI.create(settings.indexUrl()))) {
      return false;
    }
    return isFile(source(w));
  }

  private static boolean isFile(URI uri) {
    return "file".equalsIgnoreCase(uri.getScheme());
  }

  private URI source(SelectedWheel w) {
    if (index != null) {
      return index.locate(w.lockPackage().name(), w.filename().filename());
    }
    if (w.artifact().url() != null) {
      return URI.create(w.artifact().url());
    }
    if (w.artifact().path() != null) {
      return settings.lockDirectory().resolve(w.artifact().path()).normalize().toUri();
    }
    throw new UvLambdaException(
        "uv.lock gives no URL or path for "
            + w.filename().filename()
            + "; set <indexUrl> to a mirror that has it.");
  }

  private Path fetch(SelectedWheel w) throws IOException {
    String filename = w.filename().filename();
    URI uri = source(w);
    IOException last = null;
    for (int attempt = 1; attempt <= Math.max(1, settings.attempts()); attempt++) {
      Path temp = cache.temporaryFile(filename);
      try {
        String actual = download(uri, temp, w);
        if (!actual.equals(w.sha256())) {
          throw new UvLambdaException(
              "SHA-256 mismatch for "
                  + filename
                  + " from "
                  + Urls.redact(uri.toString())
                  + ": uv.lock expects "
                  + w.sha256()
                  + ", the file has "
                  + actual
                  + ". Nothing was installed and the file was not cached. If the file is right, the lock is"
                  + " not: regenerate it with `uv lock`; otherwise fix the mirror.");
        }
        return cache.store(temp, w.sha256(), filename);
      } catch (RetryableException e) {
        last = e;
        log.warn("Fetching " + filename + " failed (attempt " + attempt + "): " + e.getMessage());
        sleep(attempt);
      } catch (IOException e) {
        if (uri.getScheme() != null && uri.getScheme().equals("file")) {
          throw new UvLambdaException(
              "Cannot read "
                  + filename
                  + " at "
                  + Urls.redact(uri.toString())
                  + ": "
                  + Urls.redact(e.getMessage()),
              e);
        }
        last = e;
        log.warn("Fetching " + filename + " failed (attempt " + attempt + "): " + e);
        sleep(attempt);
      } finally {
        Files.deleteIfExists(temp);
      }
    }
    throw new UvLambdaException(
        "Cannot download "
            + filename
            + " from "
            + Urls.redact(uri.toString())
            + " after "
            + settings.attempts()
            + " attempts: "
            + (last == null ? "" : last.getMessage())
            + ". Check the network or proxy (Maven settings.xml), or set <indexUrl> to a reachable mirror.");
  }

  private static void sleep(int attempt) {
    try {
      Thread.sleep(Math.min(8000L, 500L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class RetryableException extends IOException {
    private static final long serialVersionUID = 1L;

    RetryableException(String message) {
      super(message);
    }
  }

  /** Writes the file to {@code temp} and returns its SHA-256 (hex). */
  private String download(URI uri, Path temp, SelectedWheel w) throws IOException {
    MessageDigest digest = Hashes.sha256();
    long expected = w.artifact().size();
    if ("file".equals(uri.getScheme())) {
      try (InputStream in = new DigestInputStream(Files.newInputStream(Path.of(uri)), digest);
          OutputStream out = Files.newOutputStream(temp)) {
        downloadedBytes.addAndGet(in.transferTo(out));
      }
      return Hashes.hex(digest.digest());
    }
    HttpResponse<InputStream> r = http.stream(uri);
    int status = r.statusCode();
    if (status == 429 || status >= 500) {
      r.body().close();
      throw new RetryableException("HTTP " + status);
    }
    if (status != 200) {
      r.body().close();
      throw new UvLambdaException(
          "Downloading "
              + w.filename().filename()
              + " from "
              + Urls.redact(uri.toString())
              + " failed with HTTP "
              + status
              + (status == 401 || status == 403
                  ? ": check the <server> credentials named by <indexServerId> in settings.xml."
                  : "."));
    }
    long length = r.headers().firstValueAsLong("Content-Length").orElse(expected);
    boolean progress = length > PROGRESS_THRESHOLD;
    String name = w.filename().filename();
    try (InputStream in = new DigestInputStream(r.body(), digest);
        OutputStream out = Files.newOutputStream(temp)) {
      byte[] buf = new byte[1 << 16];
      long done = 0;
      long shownPercent = -1;
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        done += n;
        long percent = length > 0 ? Math.min(100, done * 100 / length) : 0;
        if (progress && percent != shownPercent) {
          shownPercent = percent;
          log.progress(
              String.format(
                  Locale.ROOT, "  %s %d%% of %.1f MB", name, percent, length / 1048576.0));
        }
      }
      downloadedBytes.addAndGet(done);
    }
    return Hashes.hex(digest.digest());
  }
}
