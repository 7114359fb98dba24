package io.github.uvlambda.deploy.reconcile;

import io.github.uvlambda.archive.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A set of names the plugin wrote (tag keys, policy ARNs and names), remembered on the resource
 * itself. Names can be long (policy ARNs reach 2,048 characters) and tag values hold 256, so each
 * name is kept as 8 hex digits of its SHA-256, 28 to a tag: {@code KEY}, {@code KEY.2}, ... A
 * collision would make the plugin treat a foreign name as its own with a chance of about n²/2³³ for
 * n names; for the few dozen a resource holds that is below one in a million.
 */
public final class TagRecord {
  static final int PER_TAG = 28;

  private TagRecord() {}

  public static String hash(String name) {
    return Hashes.sha256Hex(name.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
  }

  public static Set<String> hashes(Iterable<String> names) {
    Set<String> out = new TreeSet<>();
    names.forEach(n -> out.add(hash(n)));
    return out;
  }

  /** The hashes recorded under {@code key} and its continuation keys. */
  public static Set<String> read(String key, Map<String, String> tags) {
    Set<String> out = new TreeSet<>();
    tags.forEach(
        (k, v) -> {
          if (isRecordKey(key, k) && v != null) {
            for (String h : v.trim().split(" +")) {
              if (!h.isEmpty()) {
                out.add(h);
              }
            }
          }
        });
    return out;
  }

  static boolean isRecordKey(String key, String tagKey) {
    return tagKey.equals(key)
        || tagKey.startsWith(key + ".") && tagKey.substring(key.length() + 1).matches("[0-9]+");
  }

  /** The tags that record {@code hashes}; none for an empty set. */
  public static Map<String, String> write(String key, Set<String> hashes) {
    Map<String, String> tags = new TreeMap<>();
    List<String> sorted = new ArrayList<>(new TreeSet<>(hashes));
    for (int i = 0; i * PER_TAG < sorted.size(); i++) {
      List<String> chunk = sorted.subList(i * PER_TAG, Math.min(sorted.size(), (i + 1) * PER_TAG));
      tags.put(i == 0 ? key : key + "." + (i + 1), String.join(" ", chunk));
    }
    return tags;
  }
}
