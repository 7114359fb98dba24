package io.github.uvlambda.uv;

import io.github.uvlambda.UvLambdaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A requirements file written by {@code uv export}, read back for what the plugin must know before
 * handing it to {@code uv pip install}: how many requirements it holds, and whether any of them
 * would install a package from this machine (an editable, a path or a git checkout) rather than
 * from an index.
 */
public final class RequirementsFile {
  /**
   * A requirement line that names no index package: an editable, a bare path or file URL, or a
   * direct reference to a path, a file URL or a git repository.
   */
  private static final Pattern LOCAL =
      Pattern.compile(
          "^(-e\\s|--editable[\\s=]|\\.|/|file:|git\\+)|\\s@\\s*(\\.|/|file:|git\\+)",
          Pattern.CASE_INSENSITIVE);

  private final Path file;
  private final List<String> requirements;

  private RequirementsFile(Path file, List<String> requirements) {
    this.file = file;
    this.requirements = List.copyOf(requirements);
  }

  /**
   * Reads the requirement lines: not comments, not blank, not the indented {@code --hash}
   * continuation lines uv writes under a requirement.
   */
  public static RequirementsFile read(Path file) {
    List<String> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#") || Character.isWhitespace(line.charAt(0))) {
          continue;
        }
        String requirement = line.strip();
        if (requirement.endsWith("\\")) {
          requirement = requirement.substring(0, requirement.length() - 1).strip();
        }
        out.add(requirement);
      }
    } catch (IOException e) {
      throw new UvLambdaException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    return new RequirementsFile(file, out);
  }

  public List<String> requirements() {
    return requirements;
  }

  /** The requirements that would install something from this machine rather than an index. */
  public List<String> local() {
    return requirements.stream().filter(r -> LOCAL.matcher(r).find()).toList();
  }

  /**
   * Fails when the export still holds a local package: installed from it, it would be an editable
   * pointing at this machine, or a directory that {@code --only-binary=:all:} refuses to build.
   *
   * @param label the functions of the layer, for the message
   */
  public void requireNoLocal(String label) {
    List<String> local = local();
    if (!local.isEmpty()) {
      throw new UvLambdaException(
          label
              + ": `uv export` wrote "
              + String.join(", ", local)
              + " into "
              + file.getFileName()
              + ", but the plugin found no such local package in uv.lock and built no wheel for"
              + " it: uv and the plugin disagree about the lock. Installed from this export it"
              + " would be an editable install pointing at this machine, or a directory uv refuses"
              + " to build under --only-binary, so nothing was installed. Use"
              + " <installer>java</installer>, and report the lock to the plugin's issue tracker.");
    }
  }
}
