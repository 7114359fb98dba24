package io.github.uvlambda.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a function's settings combine with the plugin level: a single value is the function's own,
 * else the plugin level's, else the default; maps merge (the function's entries win per key); lists
 * of additions (policies) concatenate.
 */
final class Inheritance {
  private final FunctionSettings own;
  private final FunctionSettings shared;

  Inheritance(FunctionSettings own, FunctionSettings shared) {
    this.own = own;
    this.shared = shared == null ? FunctionSettings.empty() : shared;
  }

  FunctionSettings own() {
    return own;
  }

  <T> Inherited<T> pick(FunctionSettings.Field<T> field, T defaultValue) {
    if (own.has(field)) {
      return new Inherited<>(own.get(field).orElseThrow(), Origin.FUNCTION);
    }
    if (shared.has(field)) {
      return new Inherited<>(shared.get(field).orElseThrow(), Origin.PLUGIN);
    }
    return new Inherited<>(defaultValue, Origin.DEFAULT);
  }

  /** The plugin level's entries, overridden per key by the function's, in key order. */
  Map<String, String> merged(FunctionSettings.Field<Map<String, String>> field) {
    Map<String, String> out = new TreeMap<>();
    shared.get(field).ifPresent(out::putAll);
    own.get(field).ifPresent(out::putAll);
    return out;
  }

  /** The plugin level's entries followed by the function's. */
  <T> List<T> concatenated(FunctionSettings.Field<List<T>> field) {
    List<T> out = new ArrayList<>();
    shared.get(field).ifPresent(out::addAll);
    own.get(field).ifPresent(out::addAll);
    return out;
  }
}
