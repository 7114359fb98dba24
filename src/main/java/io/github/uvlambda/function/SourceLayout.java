package io.github.uvlambda.function;

import io.github.uvlambda.lambda.Handler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a function's files are: the lambdas directory with pyproject.toml and uv.lock, the source
 * directory, and the handler's module in it. Null where a directory is missing or unset (a problem
 * is reported) or not needed (the source directory of a layer).
 */
record SourceLayout(Path lambdasDir, Path sourceDir, String handler) {

  /**
   * Resolves the directories the purpose needs; a layer needs no source directory, code needs no
   * lock (the lock files are then left unchecked), a destroy needs neither.
   */
  static SourceLayout resolve(
      Path basedir,
      Inheritance settings,
      String functionName,
      Purpose purpose,
      FunctionProblems problems) {
    Inherited<String> handler = settings.pick(FunctionSettings.HANDLER, Handler.DEFAULT);
    if (!purpose.reads(FunctionSettings.LAMBDAS_DIR)) {
      return new SourceLayout(null, null, handler.value());
    }
    boolean lock = purpose.reads(FunctionSettings.DEPENDENCY_GROUP);
    Path lambdasDir = lambdasDir(basedir, settings, lock, problems);
    if (!purpose.reads(FunctionSettings.SOURCE_DIR)) {
      return new SourceLayout(lambdasDir, null, handler.value());
    }
    Path sourceDir = sourceDir(basedir, settings, lambdasDir, functionName, problems);
    if (!Handler.isValid(handler.value())) {
      problems.invalid(
          FunctionSettings.HANDLER,
          handler,
          "a handler is <module>.<function>, e.g. handler.handler or my_worker.handler.handler.");
    } else if (sourceDir != null && new Handler(handler.value()).moduleIn(sourceDir).isEmpty()) {
      String module = new Handler(handler.value()).modulePath();
      problems.invalid(
          FunctionSettings.HANDLER,
          handler,
          "neither "
              + module
              + ".py nor "
              + module
              + "/__init__.py exists in "
              + sourceDir
              + ". Fix <handler> or <sourceDir>.");
    }
    return new SourceLayout(lambdasDir, sourceDir, handler.value());
  }

  private static Path lambdasDir(
      Path basedir, Inheritance settings, boolean lockFiles, FunctionProblems problems) {
    Inherited<String> raw = settings.pick(FunctionSettings.LAMBDAS_DIR, null);
    if (raw.value() == null) {
      problems.about(
          null,
          "has no <lambdasDir>: set it (per function or at plugin level) to the folder that"
              + " holds pyproject.toml and uv.lock, e.g. <lambdasDir>${project.basedir}/lambdas</lambdasDir>.");
      return null;
    }
    Path dir = basedir.resolve(raw.value()).normalize();
    Inherited<Path> where = new Inherited<>(dir, raw.origin());
    if (!Files.isDirectory(dir)) {
      problems.invalid(
          FunctionSettings.LAMBDAS_DIR,
          where,
          "the directory does not exist. Point it at the folder with pyproject.toml and uv.lock.");
      return null;
    }
    for (String f : lockFiles ? List.of("pyproject.toml", "uv.lock") : List.<String>of()) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        problems.invalid(
            FunctionSettings.LAMBDAS_DIR,
            where,
            "it has no "
                + f
                + (f.equals("uv.lock")
                    ? ". Run `uv lock` there and commit uv.lock."
                    : ". Each lambdasDir needs the pyproject.toml that declares the dependency groups."));
      }
    }
    return dir;
  }

  /** The function's own sourceDir, else lambdasDir/functionName (never the plugin level's). */
  private static Path sourceDir(
      Path basedir,
      Inheritance settings,
      Path lambdasDir,
      String functionName,
      FunctionProblems problems) {
    String own = settings.own().get(FunctionSettings.SOURCE_DIR).orElse(null);
    Path dir =
        own != null
            ? basedir.resolve(own).normalize()
            : lambdasDir == null ? null : lambdasDir.resolve(functionName);
    if (dir != null && !Files.isDirectory(dir)) {
      problems.invalid(
          FunctionSettings.SOURCE_DIR.parameter(),
          own != null ? Origin.FUNCTION : Origin.DEFAULT,
          dir,
          "the directory does not exist"
              + (own == null ? " (the default is lambdasDir/functionName)" : "")
              + ". Set <sourceDir> to the folder with the function's Python code.");
      return null;
    }
    return dir;
  }
}
