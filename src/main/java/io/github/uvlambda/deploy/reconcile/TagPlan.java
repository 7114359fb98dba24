package io.github.uvlambda.deploy.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * How a resource's tags converge to the configuration without touching tags the plugin does not
 * own. The keys of the user's tags the plugin set are recorded on the resource ({@link
 * #RECORD_KEY}, see {@link TagRecord}), so a tag removed from the POM is removed from AWS while a
 * tag someone added by hand stays. The steps are ordered so that a deploy killed between any two of
 * them leaves a record that covers every tag the plugin set: first {@link #set} (new and changed
 * tags with the record already widened by their keys), then {@link #remove} (the tags that left the
 * POM), then {@link #setAfter} (the final record) and {@link #removeAfter} (record tags no longer
 * needed).
 */
public record TagPlan(
    Map<String, String> set,
    Set<String> remove,
    Map<String, String> setAfter,
    Set<String> removeAfter) {
  public static final String RECORD_KEY = "uv-lambda:tags";

  public static final TagPlan NONE = new TagPlan(Map.of(), Set.of(), Map.of(), Set.of());

  public TagPlan {
    set = Map.copyOf(set);
    remove = Set.copyOf(remove);
    setAfter = Map.copyOf(setAfter);
    removeAfter = Set.copyOf(removeAfter);
  }

  /**
   * @param have the resource's tags now (empty for a resource still to be created)
   * @param user the tags the POM asks for
   * @param pluginFirst the plugin's own tags while the change is applied
   * @param pluginAfter the plugin's own tags once it is applied (usually {@code pluginFirst})
   */
  public static TagPlan of(
      Map<String, String> have,
      Map<String, String> user,
      Map<String, String> pluginFirst,
      Map<String, String> pluginAfter) {
    Set<String> owned = TagRecord.read(RECORD_KEY, have);
    Set<String> wanted = TagRecord.hashes(user.keySet());
    Set<String> widened = new TreeSet<>(owned);
    widened.addAll(wanted);

    Map<String, String> first = merge(user, pluginFirst, TagRecord.write(RECORD_KEY, widened));
    Map<String, String> after = merge(user, pluginAfter, TagRecord.write(RECORD_KEY, wanted));

    Map<String, String> set = differing(have, first);
    Map<String, String> state = new TreeMap<>(have);
    state.putAll(set);
    Set<String> remove = new TreeSet<>();
    for (String k : state.keySet()) {
      if (!after.containsKey(k) && !Ownership.isPluginKey(k) && owned.contains(TagRecord.hash(k))) {
        remove.add(k);
      }
    }
    remove.forEach(state::remove);
    Map<String, String> setAfter = differing(state, after);
    state.putAll(setAfter);
    Set<String> removeAfter = new TreeSet<>();
    for (String k : state.keySet()) {
      if (!after.containsKey(k) && Ownership.isPluginKey(k)) {
        removeAfter.add(k);
      }
    }
    return new TagPlan(set, remove, setAfter, removeAfter);
  }

  @SafeVarargs
  private static Map<String, String> merge(Map<String, String>... maps) {
    Map<String, String> out = new TreeMap<>();
    for (Map<String, String> m : maps) {
      out.putAll(m);
    }
    return out;
  }

  private static Map<String, String> differing(Map<String, String> have, Map<String, String> want) {
    Map<String, String> out = new TreeMap<>();
    want.forEach(
        (k, v) -> {
          if (!v.equals(have.get(k))) {
            out.put(k, v);
          }
        });
    return out;
  }

  public boolean isEmpty() {
    return set.isEmpty() && remove.isEmpty() && setAfter.isEmpty() && removeAfter.isEmpty();
  }

  /**
   * {@code tags +team=payments -owner} for the plan; the plugin's bookkeeping tags are left out.
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    new TreeMap<>(set)
        .forEach(
            (k, v) -> {
              if (!Ownership.isPluginKey(k)) {
                parts.add("+" + k + "=" + v);
              }
            });
    new TreeSet<>(remove).forEach(k -> parts.add("-" + k));
    boolean bookkeeping =
        set.keySet().stream().anyMatch(Ownership::isPluginKey)
            || !setAfter.isEmpty()
            || !removeAfter.isEmpty();
    if (parts.isEmpty() && bookkeeping) {
      return "tags (the plugin's own)";
    }
    return "tags " + String.join(" ", parts);
  }

  /** Applies every step through the service's tag and untag calls for one resource. */
  public void apply(Consumer<Map<String, String>> tag, Consumer<Set<String>> untag) {
    applyFirst(tag);
    applyRest(tag, untag);
  }

  /** The first step: new and changed tags, the record widened. */
  public void applyFirst(Consumer<Map<String, String>> tag) {
    if (!set.isEmpty()) {
      tag.accept(set);
    }
  }

  /** The steps after the first: removals, then the final record. */
  public void applyRest(Consumer<Map<String, String>> tag, Consumer<Set<String>> untag) {
    if (!remove.isEmpty()) {
      untag.accept(remove);
    }
    if (!setAfter.isEmpty()) {
      tag.accept(setAfter);
    }
    if (!removeAfter.isEmpty()) {
      untag.accept(removeAfter);
    }
  }
}
