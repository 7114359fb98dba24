package io.github.uvlambda.wheel;

import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.pep.WheelTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wheel tags a Lambda runtime accepts, best first — the order of pypa/packaging's {@code
 * cpython_tags} + {@code compatible_tags} (which uv follows) for CPython 3.M on a Linux with the
 * runtime's glibc: {@code manylinux_2_34} down to {@code manylinux_2_17} (aarch64) or {@code
 * manylinux_2_5} (x86_64) with the legacy aliases after their equivalents, then {@code
 * linux_<arch>}. Free-threaded ABIs are never included: Lambda's Pythons are GIL builds.
 */
public final class TargetTags {
  private final LambdaRuntime runtime;
  private final List<String> ordered;
  private final Map<String, Integer> priority = new HashMap<>();

  public TargetTags(LambdaRuntime runtime) {
    this.runtime = runtime;
    this.ordered = compute(runtime);
    for (int i = 0; i < ordered.size(); i++) {
      priority.putIfAbsent(ordered.get(i), i);
    }
  }

  public LambdaRuntime runtime() {
    return runtime;
  }

  /** All compatible tags, best first. */
  public List<String> ordered() {
    return ordered;
  }

  /** The rank of a tag (0 is best), or -1 when the runtime cannot use it. */
  public int rank(WheelTag tag) {
    return priority.getOrDefault(tag.toString(), -1);
  }

  /** The best platform tag, e.g. {@code manylinux_2_34_aarch64}, for messages. */
  public String bestPlatform() {
    return "manylinux_2_" + runtime.glibcMinor() + "_" + runtime.architecture().platformMachine();
  }

  /** The interpreter tag, e.g. {@code cp313}. */
  public String interpreter() {
    return "cp3" + runtime.minor();
  }

  private static List<String> platforms(LambdaRuntime runtime) {
    String arch = runtime.architecture().platformMachine();
    int oldest = arch.equals("x86_64") ? 5 : 17;
    List<String> p = new ArrayList<>();
    for (int minor = runtime.glibcMinor(); minor >= oldest; minor--) {
      p.add("manylinux_2_" + minor + "_" + arch);
      switch (minor) {
        case 17 -> p.add("manylinux2014_" + arch);
        case 12 -> p.add("manylinux2010_" + arch);
        case 5 -> p.add("manylinux1_" + arch);
        default -> {}
      }
    }
    p.add("linux_" + arch);
    return p;
  }

  private static List<String> compute(LambdaRuntime runtime) {
    int m = runtime.minor();
    String cp = "cp3" + m;
    List<String> platforms = platforms(runtime);
    Set<String> out = new LinkedHashSet<>();
    for (String p : platforms) {
      out.add(cp + "-" + cp + "-" + p);
    }
    for (String p : platforms) {
      out.add(cp + "-abi3-" + p);
    }
    for (String p : platforms) {
      out.add(cp + "-none-" + p);
    }
    for (int minor = m - 1; minor >= 2; minor--) {
      for (String p : platforms) {
        out.add("cp3" + minor + "-abi3-" + p);
      }
    }
    List<String> py = new ArrayList<>();
    py.add("py3" + m);
    py.add("py3");
    for (int minor = m - 1; minor >= 0; minor--) {
      py.add("py3" + minor);
    }
    for (String v : py) {
      for (String p : platforms) {
        out.add(v + "-none-" + p);
      }
    }
    out.add(cp + "-none-any");
    for (String v : py) {
      out.add(v + "-none-any");
    }
    return List.copyOf(out);
  }
}
