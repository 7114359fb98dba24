package io.github.uvlambda.build;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a small JSON document (RFC 8259) into plain values: {@code Map<String, Object>} (in
 * document order), {@code List<Object>}, {@code String}, {@code Long} (an integer) or {@code
 * Double}, {@code Boolean} and {@code null}. It exists so that a build with every layer up to date
 * can read its {@link LayerReport}s without loading Jackson, whose first use costs a JVM about 20
 * ms; everything larger or untrusted is read with Jackson.
 */
final class JsonValues {
  private final String text;
  private int at;

  private JsonValues(String text) {
    this.text = text;
  }

  /** The value of the whole document; an IOException names what is wrong and where. */
  static Object parse(String text) throws IOException {
    JsonValues p = new JsonValues(text);
    Object value = p.value();
    p.skipSpace();
    if (p.at != text.length()) {
      throw p.error("text after the value");
    }
    return value;
  }

  private Object value() throws IOException {
    skipSpace();
    if (at >= text.length()) {
      throw error("a value is missing");
    }
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        return number();
    }
  }

  private Map<String, Object> object() throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    at++;
    if (next() == '}') {
      at++;
      return fields;
    }
    while (true) {
      if (next() != '"') {
        throw error("a field name is missing");
      }
      String name = string();
      if (next() != ':') {
        throw error("':' is missing");
      }
      at++;
      fields.put(name, value());
      char c = next();
      at++;
      if (c == '}') {
        return fields;
      }
      if (c != ',') {
        throw error("',' or '}' is missing");
      }
    }
  }

  private List<Object> array() throws IOException {
    List<Object> items = new ArrayList<>();
    at++;
    if (next() == ']') {
      at++;
      return items;
    }
    while (true) {
      items.add(value());
      char c = next();
      at++;
      if (c == ']') {
        return items;
      }
      if (c != ',') {
        throw error("',' or ']' is missing");
      }
    }
  }

  private String string() throws IOException {
    StringBuilder b = new StringBuilder();
    at++;
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        throw error("a control character in a string");
      }
      b.append(c == '\\' ? escaped() : c);
    }
    throw error("a string is not closed");
  }

  private char escaped() throws IOException {
    char c = at < text.length() ? text.charAt(at++) : 0;
    switch (c) {
      case '"', '\\', '/':
        return c;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        if (at + 4 <= text.length()) {
          try {
            char u = (char) Integer.parseInt(text.substring(at, at + 4), 16);
            at += 4;
            return u;
          } catch (NumberFormatException e) {
            // reported below
          }
        }
        throw error("a bad \\u escape");
      default:
        throw error("a bad escape");
    }
  }

  private Object number() throws IOException {
    int start = at;
    skip('-');
    int digits = digits();
    if (digits == 0 || (digits > 1 && text.charAt(at - digits) == '0')) {
      throw error(at == start ? "an unexpected character" : "a bad number");
    }
    boolean integer = true;
    if (skip('.')) {
      integer = false;
      if (digits() == 0) {
        throw error("a bad number");
      }
    }
    if (skip('e') || skip('E')) {
      integer = false;
      if (!skip('+')) {
        skip('-');
      }
      if (digits() == 0) {
        throw error("a bad number");
      }
    }
    String n = text.substring(start, at);
    try {
      return integer ? (Object) Long.parseLong(n) : (Object) Double.parseDouble(n);
    } catch (NumberFormatException e) {
      throw error("a number out of range");
    }
  }

  private boolean skip(char c) {
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private int digits() {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    return at - start;
  }

  private Object literal(String word, Object value) throws IOException {
    if (!text.startsWith(word, at)) {
      throw error("an unexpected character");
    }
    at += word.length();
    return value;
  }

  /** The next character after white space (not consumed), or 0 at the end. */
  private char next() {
    skipSpace();
    return at < text.length() ? text.charAt(at) : 0;
  }

  private void skipSpace() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private IOException error(String what) {
    return new IOException("not valid JSON: " + what + " at offset " + at);
  }
}
