package io.github.uvlambda.deploy.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What differs between the configuration a function should have and what it has, split the way
 * Lambda's API is: code and architecture change through UpdateFunctionCode, the rest through
 * UpdateFunctionConfiguration.
 */
public final class ConfigurationDiff {
  private ConfigurationDiff() {}

  public static List<FieldChange> code(LambdaConfiguration want, LambdaConfiguration have) {
    List<FieldChange> c = new ArrayList<>();
    if (!Objects.equals(want.codeSha256(), have.codeSha256())) {
      c.add(
          new FieldChange(
              "code sha256", Shas.short8(have.codeSha256()), Shas.short8(want.codeSha256())));
    }
    if (!Objects.equals(want.architecture(), have.architecture())) {
      c.add(new FieldChange("architecture", have.architecture(), want.architecture()));
    }
    return c;
  }

  /**
   * @param pendingLayer the dependency layer publishing a new version in this deploy, or null: then
   *     the layers change whatever {@code want} lists
   */
  public static List<FieldChange> configuration(
      LambdaConfiguration want, LambdaConfiguration have, String pendingLayer) {
    List<FieldChange> c = new ArrayList<>();
    compare(c, "runtime", have.runtime(), want.runtime());
    compare(c, "handler", have.handler(), want.handler());
    compare(c, "role", have.role(), want.role());
    compare(c, "description", have.description(), want.description());
    compare(c, "timeout", have.timeout(), want.timeout());
    compare(c, "memorySize", have.memorySize(), want.memorySize());
    if (!have.environment().equals(want.environment())) {
      c.add(
          new FieldChange(
              "environmentVariables",
              new TreeSet<>(have.environment().keySet()),
              new TreeSet<>(want.environment().keySet())));
    }
    if (pendingLayer != null) {
      c.add(new FieldChange("layers", have.layerKeys(), "(new " + pendingLayer + " version)"));
    } else if (!have.layerKeys().equals(want.layerKeys())) {
      c.add(new FieldChange("layers", have.layerKeys(), want.layerKeys()));
    }
    compare(c, "tracingMode", have.tracingMode(), want.tracingMode());
    compare(c, "deadLetterConfig", have.deadLetterTarget(), want.deadLetterTarget());
    if (want.durable() != null && !want.durable().equals(have.durable())) {
      c.add(new FieldChange("durableConfig", have.durable(), want.durable()));
    }
    return c;
  }

  private static void compare(List<FieldChange> c, String field, Object have, Object want) {
    if (!Objects.equals(have, want)) {
      c.add(new FieldChange(field, have, want));
    }
  }
}
