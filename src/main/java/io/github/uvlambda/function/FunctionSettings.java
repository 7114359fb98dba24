package io.github.uvlambda.function;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of one function — or of the plugin level, whose values apply to every function
 * that does not set its own — exactly as the user wrote it: a value per {@link Field}, unset fields
 * absent, nothing parsed or checked yet. {@link FunctionConfigResolver} turns these into {@link
 * FunctionSpec}s. Built with {@link #builder()}.
 */
public final class FunctionSettings {

  /** An inline policy as written: a name and either an inline JSON document or a file. */
  public record PolicySettings(String name, String document, String file) {}

  /**
   * One field of {@code <function>} (and of the plugin level).
   *
   * @param parameter its name in the POM; nested elements joined with {@code /}
   * @param deployOnly true when only {@code uv-deploy} uses it: the build goals neither read nor
   *     check it
   */
  public record Field<T>(String parameter, Class<?> type, boolean deployOnly) {
    @Override
    public String toString() {
      return parameter;
    }
  }

  private static final List<Field<?>> FIELDS = new ArrayList<>();

  private static <T> Field<T> build(String parameter, Class<?> type) {
    Field<T> f = new Field<>(parameter, type, false);
    FIELDS.add(f);
    return f;
  }

  private static <T> Field<T> deploy(String parameter, Class<?> type) {
    Field<T> f = new Field<>(parameter, type, true);
    FIELDS.add(f);
    return f;
  }

  // What the build goals use: which function, where its files are, its Lambda target, its layer.
  public static final Field<String> FUNCTION_NAME = build("functionName", String.class);
  public static final Field<String> SOURCE_DIR = build("sourceDir", String.class);
  public static final Field<String> LAMBDAS_DIR = build("lambdasDir", String.class);
  public static final Field<String> DEPENDENCY_GROUP = build("dependencyGroup", String.class);
  public static final Field<String> HANDLER = build("handler", String.class);
  public static final Field<String> ARCHITECTURE = build("architecture", String.class);
  public static final Field<String> PYTHON_VERSION = build("pythonVersion", String.class);
  public static final Field<List<String>> EXCLUDE_PACKAGES = build("excludePackages", List.class);
  public static final Field<String> POWERTOOLS_LAYER_ARN =
      build("powertoolsLayerArn", String.class);
  public static final Field<List<String>> INCLUDES = build("includes", List.class);
  public static final Field<List<String>> EXCLUDES = build("excludes", List.class);

  // What only uv-deploy uses: the function's AWS configuration.
  public static final Field<String> DESCRIPTION = deploy("description", String.class);
  public static final Field<Integer> MEMORY_SIZE = deploy("memorySize", Integer.class);
  public static final Field<Integer> TIMEOUT = deploy("timeout", Integer.class);
  public static final Field<Map<String, String>> ENVIRONMENT_VARIABLES =
      deploy("environmentVariables", Map.class);
  public static final Field<Map<String, String>> TAGS = deploy("tags", Map.class);
  public static final Field<Integer> LOG_RETENTION_DAYS = deploy("logRetentionDays", Integer.class);
  public static final Field<String> TRACING_MODE = deploy("tracingMode", String.class);
  public static final Field<Boolean> PUBLISH = deploy("publish", Boolean.class);
  public static final Field<String> ALIAS_NAME = deploy("aliasName", String.class);
  public static final Field<Boolean> ENABLE_DLQ = deploy("enableDlq", Boolean.class);
  public static final Field<Boolean> ENABLE_DURABLE_EXECUTION =
      deploy("enableDurableExecution", Boolean.class);
  public static final Field<Integer> DURABLE_EXECUTION_TIMEOUT =
      deploy("durableConfig/executionTimeout", Integer.class);
  public static final Field<Integer> DURABLE_RETENTION_PERIOD =
      deploy("durableConfig/retentionPeriod", Integer.class);
  public static final Field<String> ROLE_NAME = deploy("roleName", String.class);
  public static final Field<List<String>> ADDITIONAL_LAYERS =
      deploy("additionalLayers", List.class);
  public static final Field<String> LAYER_NAME = deploy("layerName", String.class);
  public static final Field<List<PolicySettings>> INLINE_POLICIES =
      deploy("inlinePolicies", List.class);
  public static final Field<List<String>> MANAGED_POLICY_ARNS =
      deploy("managedPolicyArns", List.class);

  /** Every field, build fields first. */
  public static List<Field<?>> fields() {
    return Collections.unmodifiableList(FIELDS);
  }

  private final Map<Field<?>, Object> values;

  private FunctionSettings(Map<Field<?>, Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  @SuppressWarnings("unchecked")
  public <T> Optional<T> get(Field<T> field) {
    return Optional.ofNullable((T) values.get(field));
  }

  public boolean has(Field<?> field) {
    return values.containsKey(field);
  }

  /** The function's name, or null when it has none (a configuration mistake). */
  public String functionName() {
    return get(FUNCTION_NAME).orElse(null);
  }

  public static FunctionSettings empty() {
    return new FunctionSettings(Map.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the values that are set; setting null leaves (or makes) a field unset. */
  public static final class Builder {
    private final Map<Field<?>, Object> values = new LinkedHashMap<>();

    private Builder() {}

    public <T> Builder set(Field<T> field, T value) {
      if (value == null) {
        values.remove(field);
      } else {
        values.put(field, immutable(value));
      }
      return this;
    }

    private static Object immutable(Object value) {
      if (value instanceof List<?> l) {
        return Collections.unmodifiableList(new ArrayList<>(l));
      }
      if (value instanceof Map<?, ?> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
      }
      return value;
    }

    public FunctionSettings build() {
      return new FunctionSettings(values);
    }
  }
}
