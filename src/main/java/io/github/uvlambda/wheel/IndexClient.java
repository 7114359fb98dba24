package io.github.uvlambda.wheel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.uvlambda.Urls;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.pep.PackageName;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the project pages of a simple repository (PEP 503 HTML or PEP 691 JSON, over {@code
 * http(s)://} or {@code file://}) to find where each wheel file lives on a mirror.
 */
final class IndexClient {
  private static final Pattern ANCHOR =
      Pattern.compile(
          "<a\\s[^>]*href\\s*=\\s*[\"']([^\"']+)[\"'][^>]*>\\s*([^<]+?)\\s*</a>",
          Pattern.CASE_INSENSITIVE);
  static final String ACCEPT =
      "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";

  private final URI index;
  private final Http http;
  private final Map<String, Map<String, URI>> pages = new ConcurrentHashMap<>();
  private final ObjectMapper json = new ObjectMapper();

  private final int attempts;

  IndexClient(String indexUrl, Http http, int attempts) {
    this.attempts = Math.max(1, attempts);
    String u = indexUrl.endsWith("/") ? indexUrl : indexUrl + "/";
    this.index = URI.create(u);
    this.http = http;
  }

  /** The URL of {@code filename} on the index, or an error naming what the index has. */
  URI locate(PackageName name, String filename) {
    Map<String, URI> files = pages.computeIfAbsent(name.value(), n -> fetchPage(name));
    URI u = files.get(filename);
    if (u == null) {
      throw new UvLambdaException(
          "The index "
              + Urls.redact(index.toString())
              + " has no "
              + filename
              + " (its page for "
              + name
              + " lists "
              + (files.isEmpty() ? "no files" : String.join(", ", files.keySet()))
              + "). Mirror that file, or build without"
              + " <indexUrl> to download it from the URL in uv.lock.");
    }
    return u;
  }

  private Map<String, URI> fetchPage(PackageName name) {
    URI page = index.resolve(name.value() + "/");
    try {
      String body;
      String contentType;
      if ("file".equals(page.getScheme())) {
        Path dir = Path.of(page);
        Path html = dir.resolve("index.html");
        Path jsonFile = dir.resolve("index.json");
        if (Files.isRegularFile(jsonFile)) {
          body = Files.readString(jsonFile);
          contentType = "application/vnd.pypi.simple.v1+json";
        } else if (Files.isRegularFile(html)) {
          body = Files.readString(html);
          contentType = "text/html";
          page = html.toUri();
        } else {
          return Map.of();
        }
      } else {
        Http.Response r = getWithRetries(page);
        if (r.status() == 404) {
          return Map.of();
        }
        if (r.status() != 200) {
          throw new UvLambdaException(
              "The index "
                  + Urls.redact(index.toString())
                  + " answered HTTP "
                  + r.status()
                  + " for "
                  + Urls.redact(page.toString())
                  + ".");
        }
        body = new String(r.body(), StandardCharsets.UTF_8);
        contentType = r.contentType();
        page = r.uri();
      }
      return contentType != null && contentType.contains("json")
          ? parseJson(page, body)
          : parseHtml(page, body);
    } catch (IOException e) {
      throw new UvLambdaException(
          "Cannot read "
              + Urls.redact(page.toString())
              + " from the index "
              + Urls.redact(index.toString())
              + ": "
              + Urls.redact(e.getMessage()),
          e);
    }
  }

  /** Index pages are small: retry server errors and network faults a few times. */
  private Http.Response getWithRetries(URI page) throws IOException {
    IOException last = null;
    Http.Response r = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        r = http.get(page, ACCEPT);
        if (r.status() != 429 && r.status() < 500) {
          return r;
        }
      } catch (IOException e) {
        last = e;
      }
      try {
        Thread.sleep(Math.min(8000L, 250L << attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    if (r != null) {
      return r;
    }
    throw last;
  }

  private Map<String, URI> parseJson(URI page, String body) throws IOException {
    Map<String, URI> out = new LinkedHashMap<>();
    JsonNode root = json.readTree(body);
    for (JsonNode f : root.path("files")) {
      out.put(f.path("filename").asText(), page.resolve(f.path("url").asText()));
    }
    return out;
  }

  static Map<String, URI> parseHtml(URI page, String body) {
    Map<String, URI> out = new LinkedHashMap<>();
    Matcher m = ANCHOR.matcher(body);
    while (m.find()) {
      String href = unescape(m.group(1));
      String text = unescape(m.group(2)).strip();
      int hash = href.indexOf('#');
      URI u = page.resolve(hash >= 0 ? href.substring(0, hash) : href);
      String filename = text;
      if (!filename.endsWith(".whl")
          && !filename.endsWith(".tar.gz")
          && !filename.endsWith(".zip")) {
        String path = u.getPath();
        filename =
            URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
      }
      out.put(filename, u);
    }
    return out;
  }

  private static String unescape(String s) {
    return s.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
  }
}
