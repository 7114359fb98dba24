package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.codehaus.plexus.util.SelectorUtils;

/**
 * Chooses the files of a function's {@code code.zip} from its source directory, and refuses what
 * must not ship: nothing is taken from outside the source directory (a symbolic link is followed
 * only when it resolves inside it), files that look like secrets need an explicit allowance, tool
 * folders and caches are left out, and every name must be valid UTF-8. All problems are reported at
 * once, in one error.
 */
public final class SourceSelection {

  /**
   * Left out silently unless {@code <useDefaultExcludes>} is false: tests, caches, bytecode, editor
   * and tool folders. None is a name a Python package imported at run time would have, except
   * {@code tests}, which is kept for compatibility with earlier versions.
   */
  public static final List<String> DEFAULT_EXCLUDES =
      List.of(
          "**/tests/**",
          "**/__pycache__/**",
          "**/*.pyc",
          "**/*.pyo",
          "**/.pytest_cache/**",
          "**/.mypy_cache/**",
          "**/.ruff_cache/**",
          "**/.venv/**",
          "**/.git/**",
          "**/.hg/**",
          "**/.svn/**",
          "**/.DS_Store",
          "**/*.egg-info/**",
          "**/.idea/**",
          "**/.vscode/**",
          "**/node_modules/**",
          "**/.tox/**",
          "**/.nox/**",
          "**/.coverage",
          "**/.coverage.*",
          "**/htmlcov/**");

  /** Files refused unless {@code <allowedSecretFiles>} names them; matched ignoring case. */
  public static final List<String> SECRET_PATTERNS =
      List.of(
          "**/.env*",
          "**/*.pem",
          "**/*.key",
          "**/id_rsa*",
          "**/id_dsa*",
          "**/id_ecdsa*",
          "**/id_ed25519*",
          "**/.aws/**",
          "**/.ssh/**",
          "**/*.p12",
          "**/*.pfx",
          "**/.netrc",
          "**/.pypirc",
          "**/.git-credentials",
          "**/credentials*.json");

  /**
   * @param includes Ant patterns of the files to take, relative to the source directory
   * @param excludes Ant patterns of files to leave out, on top of {@link #DEFAULT_EXCLUDES}
   * @param useDefaultExcludes whether {@link #DEFAULT_EXCLUDES} apply
   * @param allowedSecretFiles Ant patterns of files that look like secrets but are meant to ship
   */
  public record Rules(
      List<String> includes,
      List<String> excludes,
      boolean useDefaultExcludes,
      List<String> allowedSecretFiles) {

    public Rules {
      includes = List.copyOf(includes);
      excludes = List.copyOf(excludes);
      allowedSecretFiles = List.copyOf(allowedSecretFiles);
    }

    /** The given includes and excludes with the default safety rules. */
    public static Rules of(List<String> includes, List<String> excludes) {
      return new Rules(includes, excludes, true, List.of());
    }

    boolean excluded(String path) {
      return (useDefaultExcludes && matchesAny(DEFAULT_EXCLUDES, path, true))
          || matchesAny(excludes, path, true);
    }

    boolean selected(String path) {
      return matchesAny(includes, path, true) && !excluded(path);
    }

    boolean secret(String path) {
      return matchesAny(SECRET_PATTERNS, path, false)
          && !matchesAny(allowedSecretFiles, path, true);
    }
  }

  /**
   * A file of code.zip.
   *
   * @param path its entry name: the path relative to the source directory, {@code /}-separated
   * @param file where its content is read (the target of a link that resolves inside the folder)
   */
  public record SourceFile(String path, Path file, boolean executable) {}

  private final String functionName;
  private final Path sourceDir;
  private final Rules rules;
  private final BuildLog log;
  private final SourceProblems problems;
  private Path realRoot;

  private SourceSelection(String functionName, Path sourceDir, Rules rules, BuildLog log) {
    this.functionName = functionName;
    this.sourceDir = sourceDir;
    this.rules = rules;
    this.log = log;
    this.problems = new SourceProblems(functionName, sourceDir);
  }

  /** The selected files, sorted by entry name; or one error listing every problem found. */
  public static List<SourceFile> select(
      String functionName, Path sourceDir, Rules rules, BuildLog log) {
    return new SourceSelection(functionName, sourceDir, rules, log).select();
  }

  private List<SourceFile> select() {
    List<SourceFile> out = new ArrayList<>();
    try {
      realRoot = sourceDir.toRealPath();
      Deque<Path> ancestors = new ArrayDeque<>();
      ancestors.push(realRoot);
      walk(sourceDir, "", ancestors, out);
    } catch (IOException e) {
      throw new UvLambdaException(
          "Function " + functionName + ": cannot read " + sourceDir + ": " + describe(e), e);
    }
    problems.throwIfAny();
    out.sort(Comparator.comparing(SourceFile::path));
    return out;
  }

  private void walk(Path dir, String prefix, Deque<Path> ancestors, List<SourceFile> out)
      throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(entries::add);
    }
    entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (Path entry : entries) {
      Optional<String> name = FileNames.utf8Name(entry);
      String rel = prefix + name.orElse(entry.getFileName().toString());
      BasicFileAttributes attrs =
          Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (rules.excluded(rel)) {
        log.debug(functionName + ": leaving " + rel + " out of code.zip");
        continue;
      }
      if (name.isEmpty()) {
        problems.nonUtf8(prefix + FileNames.escapedName(entry));
      } else if (attrs.isSymbolicLink()) {
        link(entry, rel, ancestors, out);
      } else if (attrs.isDirectory()) {
        ancestors.push(entry.toRealPath());
        walk(entry, rel + "/", ancestors, out);
        ancestors.pop();
      } else if (attrs.isRegularFile()) {
        file(rel, rel, entry, out);
      } else {
        log.debug(functionName + ": leaving " + rel + " out of code.zip: not a regular file");
      }
    }
  }

  /** A link is followed only to a file or folder inside the source directory. */
  private void link(Path link, String rel, Deque<Path> ancestors, List<SourceFile> out)
      throws IOException {
    Path target = Files.readSymbolicLink(link);
    Path real;
    try {
      real = link.toRealPath();
    } catch (NoSuchFileException e) {
      if (rules.selected(rel)) {
        problems.link(rel, target, "which does not exist");
      }
      return;
    } catch (FileSystemException e) {
      // A loop of links, or a target that cannot be read.
      problems.link(rel, target, "which cannot be resolved: " + describe(e));
      return;
    }
    if (!real.startsWith(realRoot)) {
      if (Files.isDirectory(real) || rules.selected(rel)) {
        problems.link(rel, target, "outside <sourceDir> (" + real + ")");
      }
      return;
    }
    String targetRel = realRoot.relativize(real).toString().replace('\\', '/');
    if (Files.isDirectory(real)) {
      if (ancestors.contains(real)) {
        problems.link(rel, target, "a folder that contains the link: a cycle");
        return;
      }
      ancestors.push(real);
      walk(link, rel + "/", ancestors, out);
      ancestors.pop();
    } else if (Files.isRegularFile(real)) {
      file(rel, targetRel, real, out);
    }
  }

  /**
   * @param rel the entry name
   * @param contentRel the path of the content inside the source directory (differs for links)
   */
  private void file(String rel, String contentRel, Path content, List<SourceFile> out)
      throws IOException {
    if (!rules.selected(rel)) {
      log.debug(functionName + ": leaving " + rel + " out of code.zip");
      return;
    }
    if (rules.secret(rel) || rules.secret(contentRel)) {
      problems.secret(rel.equals(contentRel) ? rel : rel + " (-> " + contentRel + ")");
      return;
    }
    out.add(new SourceFile(rel, content, executable(content)));
  }

  private static boolean executable(Path file) throws IOException {
    PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (posix == null) {
      return false;
    }
    return posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE);
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  static boolean matchesAny(List<String> patterns, String path, boolean caseSensitive) {
    for (String pattern : patterns) {
      String p = pattern.replace('\\', '/');
      if (p.endsWith("/")) {
        p = p + "**";
      }
      if (SelectorUtils.matchPath(p, path, "/", caseSensitive)) {
        return true;
      }
    }
    return false;
  }
}
