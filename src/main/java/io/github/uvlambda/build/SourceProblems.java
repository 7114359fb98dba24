package io.github.uvlambda.build;

import io.github.uvlambda.UvLambdaException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@link SourceSelection} refused, gathered so that one error names every file at once. */
final class SourceProblems {
  private static final int SHOWN = 25;

  private final String functionName;
  private final Path sourceDir;
  private final List<String> links = new ArrayList<>();
  private final List<String> secrets = new ArrayList<>();
  private final List<String> nonUtf8 = new ArrayList<>();

  SourceProblems(String functionName, Path sourceDir) {
    this.functionName = functionName;
    this.sourceDir = sourceDir;
  }

  void link(String path, Path target, String where) {
    links.add(path + " -> " + target + ", " + where);
  }

  void secret(String path) {
    secrets.add(path);
  }

  void nonUtf8(String escapedPath) {
    nonUtf8.add(escapedPath);
  }

  void throwIfAny() {
    if (links.isEmpty() && secrets.isEmpty() && nonUtf8.isEmpty()) {
      return;
    }
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
    throw new UvLambdaException(m.toString());
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
