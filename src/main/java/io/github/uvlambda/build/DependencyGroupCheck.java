package io.github.uvlambda.build;

import io.github.uvlambda.function.ConfigProblem;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.function.InvalidConfigurationException;
import io.github.uvlambda.pep.PackageName;
import io.github.uvlambda.uv.PyProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every function's {@code <dependencyGroup>} must be a group of its lambdas folder's
 * pyproject.toml. Checked for all functions at once before any layer is built (function/ cannot
 * read pyproject.toml, so it is checked here), so that one run names every mistake and no layer is
 * built for nothing.
 */
public final class DependencyGroupCheck {
  private DependencyGroupCheck() {}

  /**
   * @throws InvalidConfigurationException naming every function whose group does not exist
   */
  public static void check(List<FunctionSpec> functions) {
    Map<Path, PyProject> projects = new HashMap<>();
    List<ConfigProblem> problems = new ArrayList<>();
    for (int i = 0; i < functions.size(); i++) {
      FunctionSpec f = functions.get(i);
      String group = f.dependencyGroup();
      if (group == null) {
        continue;
      }
      PyProject project =
          projects.computeIfAbsent(
              f.lambdasDir(), d -> PyProject.read(d.resolve(PyProject.FILE_NAME)));
      if (!project.hasGroup(PackageName.normalize(group))) {
        problems.add(
            ConfigProblem.of(
                f.functionName(),
                i + 1,
                "dependencyGroup",
                "is '"
                    + group
                    + "', which is not in [dependency-groups] of "
                    + project.file()
                    + " (it has "
                    + (project.dependencyGroups().isEmpty()
                        ? "none"
                        : String.join(", ", project.dependencyGroups().keySet()))
                    + "). Fix the name, or add the group (`uv add --group "
                    + group
                    + " PACKAGE`) and run `uv lock`."));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems);
    }
  }
}
