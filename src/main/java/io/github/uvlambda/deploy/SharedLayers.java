package io.github.uvlambda.deploy;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.function.LayerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Functions that set the same {@code <layerName>} share one published layer, so their layer inputs
 * must be the same: the lock (lambdas directory), dependency group, runtime, architecture and
 * excluded packages. Checked before any work.
 */
public final class SharedLayers {
  private SharedLayers() {}

  /** What makes two functions' deps.zip the same. */
  private record Inputs(
      String lambdasDir,
      String group,
      String runtime,
      String architecture,
      TreeSet<String> excluded,
      LayerConfig layer) {
    static Inputs of(FunctionSpec f) {
      return new Inputs(
          String.valueOf(f.lambdasDir()),
          f.dependencyGroup(),
          f.runtime().id(),
          f.architecture().awsName(),
          new TreeSet<>(f.excludePackages()),
          f.layer());
    }

    List<String> differences(Inputs o) {
      List<String> d = new ArrayList<>();
      if (!lambdasDir.equals(o.lambdasDir)) {
        d.add("lambdasDir " + lambdasDir + " vs " + o.lambdasDir);
      }
      if (!Objects.equals(group, o.group)) {
        d.add("dependencyGroup " + group + " vs " + o.group);
      }
      if (!runtime.equals(o.runtime)) {
        d.add("runtime " + runtime + " vs " + o.runtime);
      }
      if (!architecture.equals(o.architecture)) {
        d.add("architecture " + architecture + " vs " + o.architecture);
      }
      if (!excluded.equals(o.excluded)) {
        d.add("excludePackages " + excluded + " vs " + o.excluded);
      }
      if (layer.compileBytecode() != o.layer.compileBytecode()) {
        d.add("compileBytecode " + layer.compileBytecode() + " vs " + o.layer.compileBytecode());
      }
      if (layer.excludeRuntimePackages() != o.layer.excludeRuntimePackages()) {
        d.add(
            "excludeRuntimePackages "
                + layer.excludeRuntimePackages()
                + " vs "
                + o.layer.excludeRuntimePackages());
      }
      return d;
    }
  }

  public static void check(List<FunctionSpec> functions) {
    Map<String, FunctionSpec> first = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (FunctionSpec f : functions) {
      FunctionSpec other = first.putIfAbsent(f.deploy().layerName(), f);
      if (other != null) {
        List<String> d = Inputs.of(other).differences(Inputs.of(f));
        if (!d.isEmpty()) {
          problems.add(
              "<layerName>"
                  + f.deploy().layerName()
                  + "</layerName> is set on "
                  + other.functionName()
                  + " and "
                  + f.functionName()
                  + ", whose layers differ ("
                  + String.join(", ", d)
                  + "). One layer holds one dependency set: give them different <layerName>s,"
                  + " or the same layer inputs.");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new UvLambdaException(
          "Nothing was built or deployed:\n  - " + String.join("\n  - ", problems));
    }
  }
}
