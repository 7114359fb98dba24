package io.github.uvlambda.function;

import io.github.uvlambda.lambda.LambdaLimits;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Lambda's rules for environment variables and AWS's for tags. */
final class EnvironmentAndTags {
  private EnvironmentAndTags() {}

  static void checkEnvironment(Map<String, String> env, FunctionProblems problems) {
    String element = FunctionSettings.ENVIRONMENT_VARIABLES.parameter();
    int size = 0;
    for (Map.Entry<String, String> e : env.entrySet()) {
      String key = e.getKey();
      String value = e.getValue() == null ? "" : e.getValue();
      if (LambdaLimits.RESERVED_ENVIRONMENT.contains(key)) {
        problems.about(
            element,
            "sets the reserved key " + key + ": Lambda sets it itself and rejects it. Remove it.");
      } else if (!LambdaLimits.ENVIRONMENT_KEY.matcher(key).matches()) {
        problems.about(
            element,
            "key '"
                + key
                + "' is invalid: keys start with a letter and contain only letters, digits and underscores.");
      }
      size +=
          key.getBytes(StandardCharsets.UTF_8).length
              + value.getBytes(StandardCharsets.UTF_8).length;
    }
    if (size > LambdaLimits.ENVIRONMENT_SIZE) {
      problems.about(
          element,
          "total "
              + size
              + " bytes: Lambda allows at most 4 KB (4096 bytes) for all keys and values. Move large values to SSM Parameter Store or Secrets Manager.");
    }
  }

  static void checkTags(Map<String, String> tags, FunctionProblems problems) {
    String element = FunctionSettings.TAGS.parameter();
    if (tags.size() > LambdaLimits.TAGS_PER_RESOURCE - 1) {
      problems.about(
          element,
          "has "
              + tags.size()
              + " tags: AWS allows 50 per resource and the plugin adds managed-by. Use at most 49.");
    }
    for (Map.Entry<String, String> e : tags.entrySet()) {
      if (e.getKey().length() > LambdaLimits.TAG_KEY_LENGTH
          || e.getKey().toLowerCase(Locale.ROOT).startsWith("aws:")) {
        problems.about(
            element,
            "key '" + e.getKey() + "' is invalid: at most 128 characters and no 'aws:' prefix.");
      }
      if (e.getValue() != null && e.getValue().length() > LambdaLimits.TAG_VALUE_LENGTH) {
        problems.about(element, "value of '" + e.getKey() + "' is longer than 256 characters.");
      }
    }
  }
}
