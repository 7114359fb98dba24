package io.github.uvlambda.uv;

import io.github.uvlambda.SettingNames;
import io.github.uvlambda.UvLambdaException;
import java.nio.file.Path;
import java.util.List;

/** uv.lock does not match pyproject.toml, as {@code uv lock --check} would report. */
public class StaleLockException extends UvLambdaException {
  private static final long serialVersionUID = 1L;

  /** How many differences the message lists before "... and N more". */
  static final int SHOWN = 20;

  private final transient Path lockFile;
  private final transient Path pyprojectFile;
  private final transient List<String> differences;

  public StaleLockException(Path lockFile, Path pyprojectFile, List<String> differences) {
    super(render(lockFile, pyprojectFile, differences, SettingNames.POM));
    this.lockFile = lockFile;
    this.pyprojectFile = pyprojectFile;
    this.differences = List.copyOf(differences);
  }

  public Path lockFile() {
    return lockFile;
  }

  public Path pyprojectFile() {
    return pyprojectFile;
  }

  /**
   * Each difference, e.g. "pyproject declares alpha>=1.1 in group fn of x; uv.lock was made ...".
   */
  public List<String> differences() {
    return differences;
  }

  @Override
  public String message(SettingNames names) {
    return render(lockFile, pyprojectFile, differences, names);
  }

  private static String render(
      Path lock, Path pyproject, List<String> differences, SettingNames names) {
    StringBuilder b = new StringBuilder();
    b.append(lock)
        .append(" is out of date with ")
        .append(pyproject)
        .append(" (as `uv lock --check` would report):");
    for (int i = 0; i < differences.size(); i++) {
      if (i == SHOWN) {
        b.append("\n  - ... and ").append(differences.size() - SHOWN).append(" more");
        break;
      }
      b.append("\n  - ").append(differences.get(i));
    }
    return b.append("\nRun `uv lock` in ")
        .append(pyproject.getParent())
        .append(" and commit the updated uv.lock (or set ")
        .append(names.set("skipLockCheck", "true"))
        .append(" to build from the stale lock anyway).")
        .toString();
  }
}
