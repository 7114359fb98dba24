package io.github.uvlambda.deploy.reconcile;

/** One setting that differs: {@code memorySize 128→512}. */
public record FieldChange(String field, Object from, Object to) {
  @Override
  public String toString() {
    return field + " " + from + "→" + to;
  }
}
