package io.github.uvlambda.build;

import io.github.uvlambda.UvLambdaException;
import java.nio.file.Path;
import java.util.List;

/**
 * code.zip was not built because of files in the function's folder that must not ship as they are:
 * links that lead out of it or nowhere, files that look like secrets, names that are not UTF-8.
 * Every one is listed, with how to fix each kind.
 *
 * @see SourceSelection
 */
public class UnsafeSourceFilesException extends UvLambdaException {
  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 25;

  private final String functionName;
  private final List<String> links;
  private final List<String> secrets;
  private final List<String> nonUtf8Names;

  /**
   * @param links each {@code path -> target, why}
   * @param secrets each path (a link to a secret: {@code path (-> target)})
   * @param nonUtf8Names each path with undecodable bytes written {@code \xNN}
   */
  public UnsafeSourceFilesException(
      String functionName,
      Path sourceDir,
      List<String> links,
      List<String> secrets,
      List<String> nonUtf8Names) {
    super(render(functionName, sourceDir, links, secrets, nonUtf8Names));
    this.functionName = functionName;
    this.links = List.copyOf(links);
    this.secrets = List.copyOf(secrets);
    this.nonUtf8Names = List.copyOf(nonUtf8Names);
  }

  public String functionName() {
    return functionName;
  }

  public List<String> links() {
    return links;
  }

  public List<String> secrets() {
    return secrets;
  }

  public List<String> nonUtf8Names() {
    return nonUtf8Names;
  }

  private static String render(
      String functionName,
      Path sourceDir,
      List<String> links,
      List<String> secrets,
      List<String> nonUtf8) {
    StringBuilder m =
        new StringBuilder("Function ")
            .append(functionName)
            .append(": code.zip was not built, because of files in ")
            .append(sourceDir)
            .append(':');
    section(
        m,
        links,
        "Symbolic links that leave <sourceDir> or lead nowhere (a link is followed only to a file"
            + " or folder inside <sourceDir>):",
        "Copy what the function needs into <sourceDir>, or leave the links out with <excludes>.");
    section(
        m,
        secrets,
        "Files that look like secrets (anyone allowed lambda:GetFunction can download code.zip):",
        "Leave them out with <excludes> (or move them out of <sourceDir>); if they are meant to"
            + " ship, name them in <allowedSecretFiles>, e.g."
            + " <allowedSecretFiles><allowedSecretFile>"
            + (secrets.isEmpty() ? "" : secrets.get(0).split(" \\(-> ")[0])
            + "</allowedSecretFile></allowedSecretFiles>.");
    section(
        m,
        nonUtf8,
        "File names that are not valid UTF-8 (undecodable bytes shown as \\xNN):",
        "Rename them, or leave them out with <excludes>.");
    return m.toString();
  }

  private static void section(StringBuilder m, List<String> items, String title, String fix) {
    if (items.isEmpty()) {
      return;
    }
    m.append("\n  ").append(title);
    for (String item : items.subList(0, Math.min(SHOWN, items.size()))) {
      m.append("\n    - ").append(item);
    }
    if (items.size() > SHOWN) {
      m.append("\n    … and ").append(items.size() - SHOWN).append(" more");
    }
    m.append("\n    ").append(fix);
  }
}
