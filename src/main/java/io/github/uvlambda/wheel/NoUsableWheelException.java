package io.github.uvlambda.wheel;

import io.github.uvlambda.UvLambdaException;
import java.util.List;

/** Some packages have no wheel the Lambda runtime can load; found before anything is downloaded. */
public class NoUsableWheelException extends UvLambdaException {
  private static final long serialVersionUID = 1L;

  private final String context;
  private final transient List<String> packageProblems;

  /**
   * @param context where the packages come from, e.g. "group my-api-handler"
   * @param packageProblems one sentence per package: its name and version, what the lock offers and
   *     the fix
   */
  public NoUsableWheelException(String context, List<String> packageProblems) {
    super(
        "No usable wheel for "
            + packageProblems.size()
            + " package"
            + (packageProblems.size() == 1 ? "" : "s")
            + " of "
            + context
            + ":\n  - "
            + String.join("\n  - ", packageProblems));
    this.context = context;
    this.packageProblems = List.copyOf(packageProblems);
  }

  public String context() {
    return context;
  }

  public List<String> packageProblems() {
    return packageProblems;
  }
}
