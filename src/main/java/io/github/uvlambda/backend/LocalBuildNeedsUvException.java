package io.github.uvlambda.backend;

import io.github.uvlambda.SettingNames;
import io.github.uvlambda.UvLambdaException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local packages that only their own build backend can build (compiled code, build hooks, code in
 * setup.py ...), and no uv to run it; found before anything is downloaded.
 */
public class LocalBuildNeedsUvException extends UvLambdaException {
  private static final long serialVersionUID = 1L;

  private final String context;
  private final transient Map<String, List<String>> reasons;

  /**
   * @param context where the packages come from, e.g. "group my-worker"
   * @param reasons for each package (its name and source), why Java cannot build it
   */
  public LocalBuildNeedsUvException(String context, Map<String, List<String>> reasons) {
    super(render(context, reasons, SettingNames.POM));
    this.context = context;
    this.reasons = new LinkedHashMap<>(reasons);
  }

  public String context() {
    return context;
  }

  public Map<String, List<String>> reasons() {
    return reasons;
  }

  @Override
  public String message(SettingNames names) {
    return render(context, reasons, names);
  }

  private static String render(
      String context, Map<String, List<String>> reasons, SettingNames names) {
    boolean one = reasons.size() == 1;
    StringBuilder b = new StringBuilder();
    b.append(context)
        .append(" needs ")
        .append(reasons.size())
        .append(" local package")
        .append(one ? "" : "s")
        .append(" that only ")
        .append(one ? "its" : "their")
        .append(
            " own build backend can build, and no uv executable was found (on the PATH, or set ")
        .append(names.set("uvExecutable", "/path/to/uv"))
        .append("):");
    reasons.forEach(
        (pkg, why) -> b.append("\n  - ").append(pkg).append(": ").append(String.join("; ", why)));
    b.append("\nEither install uv, so that the plugin runs `uv build --wheel` for ")
        .append(one ? "it" : "them")
        .append(", or publish ")
        .append(one ? "it" : "them")
        .append(" as a wheel to your package index and depend on that version instead of the local")
        .append(" source.");
    return b.toString();
  }
}
