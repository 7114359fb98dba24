package io.github.uvlambda.build;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.pep.PackageName;
import io.github.uvlambda.uv.PyProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every function's {@code <dependencyGroup>} must be a group of its lambdas folder's
 * pyproject.toml. Checked for all functions at once before any layer is built, so that one run
 * names every mistake and no layer is built for nothing.
 */
public final class DependencyGroupCheck {
  private DependencyGroupCheck() {}

  public static void check(List<FunctionSpec> functions) {
    Map<Path, PyProject> projects = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (FunctionSpec f : functions) {
      String group = f.dependencyGroup();
      if (group == null) {
        continue;
      }
      PyProject project =
          projects.computeIfAbsent(
              f.lambdasDir(), d -> PyProject.read(d.resolve(PyProject.FILE_NAME)));
      if (!project.hasGroup(PackageName.normalize(group))) {
        problems.add(
            "<function> "
                + f.functionName()
                + ": <dependencyGroup>"
                + group
                + "</dependencyGroup> is not in [dependency-groups] of "
                + project.file()
                + " (it has "
                + (project.dependencyGroups().isEmpty()
                    ? "none"
                    : String.join(", ", project.dependencyGroups().keySet()))
                + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new UvLambdaException(
          (problems.size() == 1
                  ? "A function names a dependency group that does not exist:\n  - "
                  : problems.size() + " functions name dependency groups that do not exist:\n  - ")
              + String.join("\n  - ", problems)
              + "\nFix <dependencyGroup>, or add the group to pyproject.toml"
              + " (`uv add --group NAME PACKAGE`) and run `uv lock`. Nothing was built.");
    }
  }
}
