package io.github.uvlambda.deploy;

import io.github.uvlambda.SettingNames;
import io.github.uvlambda.UvLambdaException;
import java.util.List;

/**
 * Reading and planning found problems (a resource of another project in the way, a function that
 * must be recreated, a size limit): nothing was written. Carries every problem, not only the first.
 */
public final class NothingDeployedException extends UvLambdaException {
  private static final long serialVersionUID = 1L;

  private final transient List<UvLambdaException> problems;

  public NothingDeployedException(List<UvLambdaException> problems) {
    super(render(problems, SettingNames.POM));
    this.problems = List.copyOf(problems);
  }

  public List<UvLambdaException> problems() {
    return problems;
  }

  @Override
  public String message(SettingNames names) {
    return render(problems, names);
  }

  private static String render(List<UvLambdaException> problems, SettingNames names) {
    StringBuilder b = new StringBuilder("Nothing was deployed:");
    problems.forEach(p -> b.append("\n  - ").append(p.message(names)));
    return b.toString();
  }
}
