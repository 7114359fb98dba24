package io.github.uvlambda.uv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.github.uvlambda.UvLambdaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads TOML files into Jackson trees, and turns parse failures into messages with a line. */
public final class TomlFiles {
  private static final TomlMapper MAPPER = new TomlMapper();

  private TomlFiles() {}

  /**
   * @param missingHint what to do when the file does not exist
   * @param malformedHint what to do when it is not valid TOML
   */
  public static JsonNode read(Path file, String missingHint, String malformedHint) {
    return parse(file, bytes(file, missingHint), malformedHint);
  }

  /**
   * @param missingHint what to do when the file does not exist
   */
  static byte[] bytes(Path file, String missingHint) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UvLambdaException(file + " does not exist. " + missingHint);
    } catch (IOException e) {
      throw new UvLambdaException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public static JsonNode parse(Path file, byte[] bytes, String fixHint) {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      return node == null ? MAPPER.createObjectNode() : node;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      // The TOML parser reports where it noticed the problem, which can be the line after it.
      String where = loc == null || loc.getLineNr() < 1 ? "" : " near line " + loc.getLineNr();
      throw new UvLambdaException(
          file + " is not valid TOML" + where + ": " + e.getOriginalMessage() + ". " + fixHint, e);
    } catch (IOException e) {
      throw new UvLambdaException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  public static List<String> strings(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    JsonNode v = node == null ? null : node.get(field);
    if (v != null && v.isArray()) {
      v.forEach(e -> out.add(e.asText()));
    } else if (v != null && v.isTextual()) {
      out.add(v.asText());
    }
    return out;
  }

  public static Map<String, JsonNode> fields(JsonNode node) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }

  public static JsonNode path(JsonNode node, String... names) {
    JsonNode cur = node;
    for (String n : names) {
      if (cur == null) {
        return null;
      }
      cur = cur.get(n);
    }
    return cur;
  }
}
