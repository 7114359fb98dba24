package io.github.uvlambda.pep;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed PEP 508 environment marker. Grammar, normalisation and evaluation follow pypa/packaging
 * (26.x): {@code and} binds tighter than {@code or}; version variables compare as PEP 440 versions
 * when the right side is a valid specifier; everything else compares as strings.
 */
public final class Marker {
  /** The marker that is always true: no marker at all. */
  public static final Marker TRUE = new Marker("", new Or(List.of()));

  private static final Set<String> VERSION_VARIABLES =
      Set.of("implementation_version", "platform_release", "python_full_version", "python_version");
  private static final Set<String> SET_VARIABLES = Set.of("extras", "dependency_groups");
  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\b(python_version|python_full_version|os[._]name|sys[._]platform|platform_(?:release|system)"
              + "|platform[._](?:version|machine|python_implementation)|python_implementation"
              + "|implementation_(?:name|version)|extras?|dependency_groups)\\b");
  private static final Pattern OP = Pattern.compile("(===|==|~=|!=|<=|>=|<|>)");
  private static final Pattern QUOTED = Pattern.compile("('[^']*')|(\"[^\"]*\")");
  private static final Pattern BOOLOP = Pattern.compile("\\b(or|and)\\b");
  private static final Pattern IN = Pattern.compile("\\bin\\b");
  private static final Pattern NOT = Pattern.compile("\\bnot\\b");
  private static final Pattern WS = Pattern.compile("[ \\t]+");

  private final String source;
  private final Node root;

  private Marker(String source, Node root) {
    this.source = source;
    this.root = root;
  }

  /** Parses a marker; an empty or blank string is {@link #TRUE}. */
  public static Marker parse(String text) {
    if (text == null || text.isBlank()) {
      return TRUE;
    }
    Parser p = new Parser(text);
    Node node = p.parseMarker();
    p.expectEnd();
    return new Marker(text, node);
  }

  public boolean isTrue() {
    return this == TRUE || (root instanceof Or or && or.children().isEmpty());
  }

  public Marker and(Marker other) {
    if (isTrue()) {
      return other;
    }
    if (other.isTrue()) {
      return this;
    }
    return new Marker(
        "(" + source + ") and (" + other.source + ")", new And(List.of(root, other.root)));
  }

  public boolean evaluate(MarkerEnvironment env) {
    return root.evaluate(env);
  }

  /** Every comparison in this marker, for tools that reason about the values it tests. */
  public List<Comparison> comparisons() {
    List<Comparison> out = new ArrayList<>();
    root.collect(out);
    return out;
  }

  /** The text this marker was parsed from. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return source;
  }

  // ---------------------------------------------------------------- model

  sealed interface Node permits And, Or, Comparison {
    boolean evaluate(MarkerEnvironment env);

    void collect(List<Comparison> out);
  }

  record And(List<Node> children) implements Node {
    @Override
    public boolean evaluate(MarkerEnvironment env) {
      for (Node n : children) {
        if (!n.evaluate(env)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void collect(List<Comparison> out) {
      children.forEach(c -> c.collect(out));
    }
  }

  record Or(List<Node> children) implements Node {
    @Override
    public boolean evaluate(MarkerEnvironment env) {
      if (children.isEmpty()) {
        return true;
      }
      for (Node n : children) {
        if (n.evaluate(env)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void collect(List<Comparison> out) {
      children.forEach(c -> c.collect(out));
    }
  }

  /**
   * One {@code lhs op rhs} item. Exactly as in packaging, the variable on the left is looked up and
   * the right side is taken as written; with a literal on the left, the right side names the
   * variable.
   */
  public record Comparison(
      boolean lhsIsVariable, String lhs, String op, boolean rhsIsVariable, String rhs)
      implements Node {

    /** The variable this comparison tests. */
    public String variable() {
      return lhsIsVariable ? lhs : rhs;
    }

    /** The literal it is compared with. */
    public String literal() {
      return lhsIsVariable ? rhs : lhs;
    }

    @Override
    public boolean evaluate(MarkerEnvironment env) {
      String key = variable();
      if (key.equals("extra")) {
        return evaluateExtra(env);
      }
      if (SET_VARIABLES.contains(key)) {
        Set<String> set = key.equals("extras") ? env.extras() : env.dependencyGroups();
        String value = PackageName.normalize(literal());
        boolean member = set.contains(value);
        return switch (op) {
          case "in" -> lhsIsVariable ? false : member;
          case "not in" -> lhsIsVariable ? true : !member;
          case "!=" -> true;
          default -> false;
        };
      }
      String l = lhsIsVariable ? env.get(lhs) : lhs;
      String r = rhsIsVariable && !lhsIsVariable ? env.get(rhs) : rhs;
      return evalOp(l, op, r, key);
    }

    private boolean evaluateExtra(MarkerEnvironment env) {
      // No active extra behaves like packaging's extra == "": it equals the empty string.
      Set<String> active = env.extras().isEmpty() ? Set.of("") : env.extras();
      String literal = PackageName.normalize(literal());
      if (op.equals("==")) {
        return active.contains(literal);
      }
      if (op.equals("!=")) {
        return !active.contains(literal);
      }
      for (String v : active) {
        String l = lhsIsVariable ? v : literal;
        String r = lhsIsVariable ? literal : v;
        if (evalOp(l, op, r, "extra")) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void collect(List<Comparison> out) {
      out.add(this);
    }
  }

  static boolean evalOp(String lhs, String op, String rhs, String key) {
    if (VERSION_VARIABLES.contains(key) && !op.equals("in") && !op.equals("not in")) {
      var spec = VersionSpecifier.tryParse(op + rhs);
      if (spec.isPresent()) {
        return spec.get().contains(lhs, true);
      }
    }
    return switch (op) {
      case "in" -> rhs.contains(lhs);
      case "not in" -> !rhs.contains(lhs);
      case "<", ">" -> false;
      case "<=", "==", ">=" -> lhs.equals(rhs);
      case "!=" -> !lhs.equals(rhs);
      default ->
          throw new InvalidMarkerException(
              "Undefined comparison '" + op + "' between '" + lhs + "' and '" + rhs + "'");
    };
  }

  // ---------------------------------------------------------------- parser

  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    Node parseMarker() {
      List<Node> orGroups = new ArrayList<>();
      List<Node> andGroup = new ArrayList<>();
      andGroup.add(parseAtom());
      while (true) {
        Matcher m = match(BOOLOP);
        if (m == null) {
          break;
        }
        pos = m.end();
        Node right = parseAtom();
        if (m.group(1).equals("or")) {
          orGroups.add(andGroup.size() == 1 ? andGroup.get(0) : new And(andGroup));
          andGroup = new ArrayList<>();
        }
        andGroup.add(right);
      }
      orGroups.add(andGroup.size() == 1 ? andGroup.get(0) : new And(andGroup));
      return orGroups.size() == 1 ? orGroups.get(0) : new Or(orGroups);
    }

    Node parseAtom() {
      skipWs();
      Node node;
      if (pos < text.length() && text.charAt(pos) == '(') {
        int open = pos;
        pos++;
        skipWs();
        node = parseMarker();
        skipWs();
        if (pos >= text.length() || text.charAt(pos) != ')') {
          throw error("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS at " + open);
        }
        pos++;
        if (node instanceof Comparison) {
          node = new And(List.of(node));
        }
      } else {
        node = parseItem();
      }
      skipWs();
      return node;
    }

    Comparison parseItem() {
      skipWs();
      String[] left = parseVar();
      skipWs();
      String op = parseOp();
      skipWs();
      String[] right = parseVar();
      skipWs();
      boolean lv = left[0] != null;
      boolean rv = right[0] != null;
      String l = lv ? left[0] : left[1];
      String r = rv ? right[0] : right[1];
      // packaging normalizes extra names on whichever side is the literal.
      if (lv && l.equals("extra") && !rv) {
        r = PackageName.normalize(r);
      } else if (rv && r.equals("extra") && !lv) {
        l = PackageName.normalize(l);
      }
      if (!lv && !rv) {
        throw error("a marker must compare an environment variable, not two strings");
      }
      return new Comparison(lv, l, op, rv, r);
    }

    /** [variableName, null] or [null, literal]. */
    String[] parseVar() {
      Matcher v = match(VARIABLE);
      if (v != null) {
        pos = v.end();
        String name = v.group(1).replace('.', '_');
        if (name.equals("python_implementation")) {
          name = "platform_python_implementation";
        }
        return new String[] {name, null};
      }
      Matcher q = match(QUOTED);
      if (q != null) {
        pos = q.end();
        String quoted = q.group();
        return new String[] {null, quoted.substring(1, quoted.length() - 1)};
      }
      throw error("Expected a marker variable or quoted string");
    }

    String parseOp() {
      Matcher in = match(IN);
      if (in != null) {
        pos = in.end();
        return "in";
      }
      Matcher not = match(NOT);
      if (not != null) {
        pos = not.end();
        Matcher ws = match(WS);
        if (ws == null) {
          throw error("Expected whitespace after 'not'");
        }
        pos = ws.end();
        Matcher in2 = match(IN);
        if (in2 == null) {
          throw error("Expected 'in' after 'not'");
        }
        pos = in2.end();
        return "not in";
      }
      Matcher op = match(OP);
      if (op != null) {
        pos = op.end();
        return op.group(1);
      }
      throw error("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in");
    }

    void expectEnd() {
      skipWs();
      if (pos != text.length()) {
        throw error("Expected end of marker expression");
      }
    }

    private Matcher match(Pattern p) {
      Matcher m = p.matcher(text);
      m.region(pos, text.length());
      m.useTransparentBounds(true);
      m.useAnchoringBounds(false);
      return m.lookingAt() ? m : null;
    }

    private void skipWs() {
      Matcher m = match(WS);
      if (m != null) {
        pos = m.end();
      }
    }

    private InvalidMarkerException error(String message) {
      return new InvalidMarkerException(
          "Invalid marker '" + text + "': " + message + " (at position " + pos + ")");
    }
  }
}
