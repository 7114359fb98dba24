package io.github.uvlambda.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Renders docs/configuration.md from the plugin descriptor that maven-plugin-plugin generates from
 * the Mojos' Javadoc: the goals, each goal's parameters, every parameter with its property, default
 * and description, and the fields of {@code <function>}. The page is therefore never written by
 * hand and cannot drift from the code.
 */
final class ConfigurationReference {
  static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
  static final Path PAGE = Path.of("docs/configuration.md");

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  record Parameter(
      String name, String type, String description, String property, String defaultValue) {}

  record Goal(String name, String phase, String description, List<Parameter> parameters) {}

  static List<Goal> goals(Path descriptor) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    Document doc = f.newDocumentBuilder().parse(descriptor.toFile());
    List<Goal> goals = new ArrayList<>();
    NodeList mojos = doc.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      String goal = text(mojo, "goal");
      if (goal.equals("help")) {
        continue;
      }
      Map<String, Element> config = new LinkedHashMap<>();
      Element configuration = child(mojo, "configuration");
      if (configuration != null) {
        for (Node n = configuration.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (n instanceof Element e) {
            config.put(e.getTagName(), e);
          }
        }
      }
      List<Parameter> parameters = new ArrayList<>();
      for (Element p : children(child(mojo, "parameters"), "parameter")) {
        if (!"true".equals(text(p, "editable"))) {
          continue;
        }
        String name = text(p, "name");
        Element c = config.get(name);
        String property = null;
        String defaultValue = null;
        if (c != null) {
          Matcher m = PROPERTY.matcher(c.getTextContent());
          property = m.matches() ? m.group(1) : null;
          defaultValue = c.hasAttribute("default-value") ? c.getAttribute("default-value") : null;
        }
        parameters.add(
            new Parameter(name, text(p, "type"), text(p, "description"), property, defaultValue));
      }
      parameters.sort((a, b) -> a.name().compareTo(b.name()));
      goals.add(new Goal(goal, text(mojo, "phase"), text(mojo, "description"), parameters));
    }
    goals.sort((a, b) -> a.name().compareTo(b.name()));
    return goals;
  }

  static String render(List<Goal> goals) {
    StringBuilder b = new StringBuilder();
    b.append("# Configuration reference\n\n")
        .append("<!-- Generated from the plugin descriptor by ConfigurationReferenceTest: do not")
        .append(" edit.\n     Regenerate with: ./mvnw -q test -Dtest=ConfigurationReferenceTest")
        .append(" -DupdateDocs=true -->\n\n")
        .append("Every parameter can be set in the plugin's `<configuration>`, shared by all")
        .append(" goals (each goal takes the parameters it has and passes over the others), or")
        .append(" in one `<execution>`; most also as a property, `uv-lambda.<parameter>`, given")
        .append(" with `-D` or in the POM's `<properties>` (nested parameters flattened:")
        .append(" `uv-lambda.durableExecutionTimeout`). An explicit element wins over `-D`")
        .append(" (Maven's rule): put values you want to override from the command line in")
        .append(" `<properties>`. The same text is printed by")
        .append(" `mvn uv-lambda:help -Ddetail -Dgoal=GOAL`.\n\n")
        .append("Deprecated, still read in this release with a warning:")
        .append(" `uv-lambda.durableConfig.executionTimeout` and")
        .append(
            " `uv-lambda.durableConfig.retentionPeriod` (now `uv-lambda.durableExecutionTimeout`")
        .append(" and `uv-lambda.durableRetentionPeriod`); the deploy outputs")
        .append(" `uv-lambda.<function>.<name>` (now `uv-lambda.output.<function>.<name>`).\n\n")
        .append("## Goals\n");
    Map<String, Map<String, List<String>>> byName = new TreeMap<>();
    Map<String, Parameter> first = new LinkedHashMap<>();
    for (Goal g : goals) {
      b.append("\n### `").append(g.name()).append('`');
      if (!g.phase().isEmpty()) {
        b.append(" (phase `").append(g.phase()).append("`)");
      }
      b.append("\n\n").append(markdown(g.description())).append("\n\nParameters: ");
      List<String> links = new ArrayList<>();
      for (Parameter p : g.parameters()) {
        links.add("[`" + p.name() + "`](#" + p.name().toLowerCase(java.util.Locale.ROOT) + ")");
        byName
            .computeIfAbsent(p.name(), k -> new LinkedHashMap<>())
            .computeIfAbsent(p.description(), k -> new ArrayList<>())
            .add(g.name());
        first.putIfAbsent(p.name(), p);
      }
      b.append(String.join(", ", links)).append(".\n");
    }
    b.append("\n## Parameters\n");
    byName.forEach(
        (name, variants) -> {
          Parameter p = first.get(name);
          b.append("\n### `").append(name).append("`\n\n");
          List<String> facts = new ArrayList<>();
          facts.add("Type `" + p.type().replaceAll(".*\\.", "") + "`");
          if (p.property() != null && !p.property().startsWith("project.")) {
            facts.add("property `" + p.property() + "`");
          }
          if (p.defaultValue() != null) {
            facts.add("default `" + p.defaultValue() + "`");
          }
          b.append(String.join(" · ", facts)).append(".\n");
          variants.forEach(
              (description, goalNames) ->
                  b.append("\n")
                      .append(variants.size() > 1 ? "In " : "Goals: ")
                      .append('`')
                      .append(String.join("`, `", goalNames))
                      .append(variants.size() > 1 ? "`:\n\n" : "`.\n\n")
                      .append(markdown(description))
                      .append('\n'));
        });
    return b.toString();
  }

  /** The descriptor's text with markup characters escaped and lists set apart from prose. */
  static String markdown(String description) {
    StringBuilder b = new StringBuilder();
    boolean inList = false;
    for (String raw : description.strip().split("\n")) {
      String line = raw.stripTrailing().replace("<", "&lt;").replace(">", "&gt;");
      boolean item = line.startsWith("* ");
      if (inList && !item && !line.isBlank()) {
        b.append('\n');
      }
      b.append(item ? "- " + line.substring(2) : line).append('\n');
      inList = item || (inList && line.isBlank());
    }
    return b.toString().strip();
  }

  static void write() throws Exception {
    Files.writeString(PAGE, render(goals(DESCRIPTOR)));
  }

  private static String text(Element parent, String tag) {
    Element e = child(parent, tag);
    return e == null ? "" : e.getTextContent().strip();
  }

  private static Element child(Element parent, String tag) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent == null ? null : parent.getFirstChild();
        n != null;
        n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        out.add(e);
      }
    }
    return out;
  }

  private ConfigurationReference() {}

  static String read() throws IOException {
    return Files.exists(PAGE) ? Files.readString(PAGE) : "";
  }
}
