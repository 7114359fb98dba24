package io.github.uvlambda.deploy.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.uvlambda.UvLambdaException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The IAM documents of a function's role — the trust policy and the plugin's least-privilege inline
 * policies — and a comparison that looks at what a document means, not how it is written (IAM
 * returns documents URL-encoded and may reorder them).
 */
public final class Policies {
  public static final String PREFIX = "uv-lambda-";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Policies() {}

  public static String trust() {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
        + "\"Action\":\"sts:AssumeRole\"}]}";
  }

  /** One Allow statement; a single resource is written as a string, several as a sorted list. */
  public static String allow(List<String> actions, Collection<String> resources) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("Version", "2012-10-17");
    ObjectNode st = doc.putArray("Statement").addObject();
    st.put("Effect", "Allow");
    ArrayNode a = st.putArray("Action");
    actions.forEach(a::add);
    TreeSet<String> sorted = new TreeSet<>(resources);
    if (sorted.size() == 1) {
      st.put("Resource", sorted.first());
    } else {
      ArrayNode r = st.putArray("Resource");
      sorted.forEach(r::add);
    }
    return doc.toString();
  }

  /** IAM answers with URL-encoded JSON; accept both forms. */
  public static String decode(String document) {
    if (document == null) {
      return null;
    }
    return document.strip().startsWith("{")
        ? document
        : URLDecoder.decode(document, StandardCharsets.UTF_8);
  }

  public static boolean sameMeaning(String a, String b) {
    if (a == null || b == null) {
      return a == b;
    }
    return canonical(a).equals(canonical(b));
  }

  private static JsonNode canonical(String document) {
    try {
      return canonical(JSON.readTree(decode(document)));
    } catch (IOException e) {
      throw new UvLambdaException(
          "Cannot read the IAM policy document " + document + ": " + e.getMessage(), e);
    }
  }

  /** Objects with sorted keys; every string-or-list field as a sorted list; statements sorted. */
  private static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      for (String n : names) {
        JsonNode v = canonical(node.get(n));
        if (v.isTextual() && !n.equals("Version") && !n.equals("Effect") && !n.equals("Sid")) {
          ArrayNode single = JSON.createArrayNode();
          single.add(v);
          v = single;
        }
        out.set(n, v);
      }
      return out;
    }
    if (node.isArray()) {
      TreeSet<String> sorted = new TreeSet<>();
      Map<String, JsonNode> byText = new java.util.HashMap<>();
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        JsonNode c = canonical(it.next());
        sorted.add(c.toString());
        byText.put(c.toString(), c);
      }
      ArrayNode out = JSON.createArrayNode();
      sorted.forEach(s -> out.add(byText.get(s)));
      return out;
    }
    return node;
  }
}
