package io.github.uvlambda.function;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
   * One field of {@code <function>} (and of the plugin level): one of the constants below, a key
   * compared by identity. (Not a record: a record's equals and hashCode would cost every build a
   * cold method-handle bootstrap, about 10 ms.)
   */
  public static final class Field<T> {
    private final String parameter;
    private final Class<?> type;
    private final Set<Purpose> usedBy;

    private Field(String parameter, Class<?> type, Set<Purpose> usedBy) {
      this.parameter = parameter;
      this.type = type;
      this.usedBy = Set.copyOf(usedBy);
    }

    /** Its name in the POM; nested elements joined with {@code /}. */
    public String parameter() {
      return parameter;
    }

    public Class<?> type() {
      return type;
    }

    /**
     * The purposes that read it; a goal with another purpose neither reads nor checks it ({@link
     * Purpose#DEPLOY} reads every field).
     */
    public Set<Purpose> usedBy() {
      return usedBy;
    }

    @Override
    public String toString() {
      return parameter;
    }
  }

  private static final List<Field<?>> FIELDS = new ArrayList<>();

  private static <T> Field<T> field(String parameter, Class<?> type, Purpose... usedBy) {
    Field<T> f = new Field<>(parameter, type, EnumSet.of(Purpose.DEPLOY, usedBy));
    FIELDS.add(f);
    return f;
  }

  private static final Purpose CODE = Purpose.CODE;
  private static final Purpose LAYER = Purpose.LAYER;
  private static final Purpose DESTROY = Purpose.DESTROY;

  // Every goal: which function, and the folder with pyproject.toml and uv.lock.
  public static final Field<String> FUNCTION_NAME =
      field("functionName", String.class, CODE, LAYER, DESTROY);
  public static final Field<String> LAMBDAS_DIR = field("lambdasDir", String.class, CODE, LAYER);

  // code.zip
  public static final Field<String> SOURCE_DIR = field("sourceDir", String.class, CODE);
  public static final Field<String> HANDLER = field("handler", String.class, CODE);
  public static final Field<List<String>> INCLUDES = field("includes", List.class, CODE);
  public static final Field<List<String>> EXCLUDES = field("excludes", List.class, CODE);
  public static final Field<List<String>> ALLOWED_SECRET_FILES =
      field("allowedSecretFiles", List.class, CODE);
  public static final Field<Boolean> USE_DEFAULT_EXCLUDES =
      field("useDefaultExcludes", Boolean.class, CODE);
  public static final Field<Boolean> COMPILE_CODE = field("compileCode", Boolean.class, CODE);

  // deps.zip: which packages, for which Lambda target
  public static final Field<String> DEPENDENCY_GROUP =
      field("dependencyGroup", String.class, LAYER);
  public static final Field<String> ARCHITECTURE = field("architecture", String.class, LAYER);
  // (code.zip too: its bytecode, when compiled, is for this Python)
  public static final Field<String> PYTHON_VERSION =
      field("pythonVersion", String.class, CODE, LAYER);
  public static final Field<List<String>> EXCLUDE_PACKAGES =
      field("excludePackages", List.class, LAYER);
  public static final Field<String> POWERTOOLS_LAYER_ARN =
      field("powertoolsLayerArn", String.class, LAYER);
  public static final Field<Boolean> COMPILE_BYTECODE =
      field("compileBytecode", Boolean.class, LAYER);
  public static final Field<Boolean> EXCLUDE_RUNTIME_PACKAGES =
      field("excludeRuntimePackages", Boolean.class, LAYER);

  // Only uv-deploy: the function's AWS configuration.
  public static final Field<String> DESCRIPTION = field("description", String.class);
  public static final Field<Integer> MEMORY_SIZE = field("memorySize", Integer.class);
  public static final Field<Integer> TIMEOUT = field("timeout", Integer.class);
  public static final Field<Map<String, String>> ENVIRONMENT_VARIABLES =
      field("environmentVariables", Map.class);
  public static final Field<Map<String, String>> TAGS = field("tags", Map.class);
  public static final Field<Integer> LOG_RETENTION_DAYS = field("logRetentionDays", Integer.class);
  public static final Field<String> TRACING_MODE = field("tracingMode", String.class);
  public static final Field<Boolean> PUBLISH = field("publish", Boolean.class);
  public static final Field<String> ALIAS_NAME = field("aliasName", String.class);
  public static final Field<Boolean> ENABLE_DLQ = field("enableDlq", Boolean.class);
  public static final Field<Boolean> ENABLE_DURABLE_EXECUTION =
      field("enableDurableExecution", Boolean.class);
  public static final Field<Integer> DURABLE_EXECUTION_TIMEOUT =
      field("durableConfig/executionTimeout", Integer.class);
  public static final Field<Integer> DURABLE_RETENTION_PERIOD =
      field("durableConfig/retentionPeriod", Integer.class);
  // uv-deploy, and uv-destroy: the names of what a function owns.
  public static final Field<String> ROLE_NAME = field("roleName", String.class, DESTROY);
  public static final Field<List<String>> ADDITIONAL_LAYERS = field("additionalLayers", List.class);
  public static final Field<String> LAYER_NAME = field("layerName", String.class, DESTROY);
  public static final Field<List<PolicySettings>> INLINE_POLICIES =
      field("inlinePolicies", List.class);
  public static final Field<List<String>> MANAGED_POLICY_ARNS =
      field("managedPolicyArns", List.class);

  /** Every field, in the order above. */
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
