package io.github.uvlambda.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Patterns with the semantics of {@code .gitignore} (git's "pattern format"), which hatchling,
 * poetry-core and uv_build all use for their include and exclude options: a pattern without a slash
 * matches a name at any depth, one with a slash is anchored at the project root, a trailing slash
 * matches directories only, {@code **} spans directories, {@code !} re-includes, and the last
 * matching pattern decides. A pattern that matches a directory matches everything below it.
 */
public final class PathPatterns {
  private record Rule(Pattern regex, boolean negated) {}

  private final List<Rule> rules;

  private PathPatterns(List<Rule> rules) {
    this.rules = rules;
  }

  public static PathPatterns of(List<String> lines) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : lines) {
      String line = stripTrailingSpaces(raw.replace("\r", "").replace("\n", ""));
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean negated = line.startsWith("!");
      if (negated) {
        line = line.substring(1);
      } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
        line = line.substring(1);
      }
      if (line.isEmpty() || line.equals("/")) {
        continue;
      }
      rules.add(new Rule(Pattern.compile(regex(line)), negated));
    }
    return new PathPatterns(List.copyOf(rules));
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * Whether a file (its path relative to the root, with {@code /}) is matched: by a pattern for the
   * file itself or for one of the directories that contain it.
   */
  public boolean matches(String relativePath) {
    Boolean result = null;
    List<String> candidates = candidates(relativePath);
    for (Rule r : rules) {
      for (String c : candidates) {
        if (r.regex().matcher(c).matches()) {
          result = !r.negated();
          break;
        }
      }
    }
    return result != null && result;
  }

  /** Whether a directory (relative path, without a trailing slash) is matched. */
  public boolean matchesDirectory(String relativeDirectory) {
    return matches(relativeDirectory + "/");
  }

  private static List<String> candidates(String path) {
    List<String> out = new ArrayList<>();
    int slash = path.indexOf('/');
    while (slash >= 0 && slash < path.length() - 1) {
      out.add(path.substring(0, slash + 1));
      slash = path.indexOf('/', slash + 1);
    }
    out.add(path);
    return out;
  }

  private static String stripTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ' && !(end > 1 && s.charAt(end - 2) == '\\')) {
      end--;
    }
    return s.substring(0, end);
  }

  static String regex(String pattern) {
    boolean directoryOnly = pattern.endsWith("/");
    String p = directoryOnly ? pattern.substring(0, pattern.length() - 1) : pattern;
    boolean anchored = p.contains("/");
    if (p.startsWith("/")) {
      p = p.substring(1);
    }
    String[] segments = p.split("/", -1);
    StringBuilder b = new StringBuilder(anchored ? "" : "(?:.*/)?");
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      boolean last = i == segments.length - 1;
      if (s.equals("**")) {
        b.append(last ? ".*" : "(?:.*/)?");
        continue;
      }
      b.append(segment(s));
      if (!last) {
        b.append('/');
      }
    }
    b.append(directoryOnly ? "/" : "/?");
    return b.toString();
  }

  private static String segment(String glob) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          while (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            i++;
          }
          b.append("[^/]*");
        }
        case '?' -> b.append("[^/]");
        case '[' -> {
          int close = glob.indexOf(']', i + 2);
          if (close < 0) {
            b.append("\\[");
          } else {
            String body = glob.substring(i + 1, close);
            if (body.startsWith("!")) {
              body = "^" + body.substring(1);
            }
            b.append('[').append(body.replace("\\", "\\\\")).append(']');
            i = close;
          }
        }
        case '\\' -> {
          if (i + 1 < glob.length()) {
            b.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        default -> b.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return b.toString();
  }
}
