package io.github.uvlambda.deploy;

import io.github.uvlambda.archive.ZipEntryInfo;
import io.github.uvlambda.archive.ZipReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The central directory of a zip behind a URL, read with HTTP range requests: the tail for the end
 * record, then the directory itself — a few kilobytes to a few megabytes, never the whole archive.
 * This is how the unzipped size of a layer version is learnt: {@code GetLayerVersion} gives only
 * the zipped {@code CodeSize} and a pre-signed S3 {@code Location}, and S3 honours {@code Range} on
 * pre-signed GETs.
 */
final class RemoteZip {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

  /** Above this, a server that ignores Range would make us download a whole layer: give up. */
  private static final long WHOLE_BODY_LIMIT = 4L << 20;

  private final HttpClient http;
  private final URI uri;
  private ByteBuffer tail;
  private long tailStart;
  private long size;

  private RemoteZip(HttpClient http, URI uri) {
    this.http = http;
    this.uri = uri;
  }

  /** The entries of the zip at {@code uri}. */
  static List<ZipEntryInfo> entries(HttpClient http, URI uri) throws IOException {
    RemoteZip z = new RemoteZip(http, uri);
    z.readTail();
    return ZipReader.centralDirectory(z::read, z.size, redacted(uri));
  }

  /** The URL without its query: a pre-signed URL's signature has no place in a message. */
  static String redacted(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + uri.getPath();
  }

  /** What an answer says; its body is read only up to what was asked for. */
  private record Response(int status, String contentRange, byte[] body) {}

  private void readTail() throws IOException {
    Response r = get("bytes=-" + ZipReader.MAX_TAIL, WHOLE_BODY_LIMIT);
    if (r.status() == 200) {
      // A server that ignores Range sends the whole zip: fine for a small one.
      size = r.body().length;
      tailStart = 0;
      tail = ByteBuffer.wrap(r.body());
      return;
    }
    long[] range = contentRange(r);
    size = range[2];
    tailStart = range[0];
    tail = ByteBuffer.wrap(r.body());
  }

  private ByteBuffer read(long position, int length) throws IOException {
    ByteBuffer out;
    if (position >= tailStart && position + length <= tailStart + tail.capacity()) {
      out = ByteBuffer.wrap(tail.array(), (int) (position - tailStart), length).slice();
    } else {
      Response r = get("bytes=" + position + "-" + (position + length - 1), length);
      long[] range = contentRange(r);
      if (range[0] != position || r.body().length != length) {
        throw new IOException(redacted(uri) + " answered another range than the one asked for");
      }
      out = ByteBuffer.wrap(r.body());
    }
    return out.order(ByteOrder.LITTLE_ENDIAN);
  }

  private long[] contentRange(Response r) throws IOException {
    Matcher m = CONTENT_RANGE.matcher(r.contentRange());
    if (r.status() != 206 || !m.matches()) {
      throw new IOException(redacted(uri) + " answered HTTP " + r.status() + " to a range request");
    }
    return new long[] {
      Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))
    };
  }

  /** GETs a range, reading at most {@code maxBody} bytes of the answer (never a whole layer). */
  private Response get(String range, long maxBody) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Range", range)
            .GET()
            .build();
    try {
      HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
        if (body.length > maxBody) {
          throw new IOException(redacted(uri) + " does not answer range requests");
        }
        return new Response(
            r.statusCode(), r.headers().firstValue("Content-Range").orElse(""), body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + redacted(uri), e);
    }
  }
}
