package io.github.uvlambda.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README is a user's page of at most about 8 KB; the reference, migration, troubleshooting and
 * contributor material live in docs/, every page of which is reachable from the README, and no
 * relative link is broken.
 */
class DocsTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
  private static final Path README = Path.of("README.md");

  private static List<Path> links(Path page) throws IOException {
    List<Path> out = new ArrayList<>();
    Matcher m = LINK.matcher(Files.readString(page));
    while (m.find()) {
      String target = m.group(1);
      if (!target.contains("://") && !target.startsWith("mailto:")) {
        out.add(page.toAbsolutePath().getParent().resolve(target).normalize());
      }
    }
    return out;
  }

  @Test
  void theReadmeIsAUsersPage() throws IOException {
    String readme = Files.readString(README);
    assertThat(Files.size(README)).isLessThanOrEqualTo(8 * 1024);
    assertThat(readme)
        .contains("## Quick start", "## Goals", "docs/configuration.md")
        .contains("Maven 3.8.7 or later")
        .doesNotContain("## Layout of the code", "## Terraform module mapping");
  }

  /** CI runs .ci/run; what it runs is the test command the README gives. */
  @Test
  void theReadmeGivesTheCommandCiRuns() throws IOException {
    List<String> commands =
        Files.readAllLines(Path.of(".ci/run")).stream().filter(l -> l.startsWith("./")).toList();
    assertThat(commands).isNotEmpty();
    String readme = Files.readString(README);
    for (String command : commands) {
      assertThat(readme).contains("\n" + command + " ");
    }
  }

  @Test
  void everyDocsPageIsReachableFromTheReadmeAndNoLinkIsBroken() throws IOException {
    Set<Path> reached = new LinkedHashSet<>();
    List<String> broken = new ArrayList<>();
    Deque<Path> todo = new ArrayDeque<>(List.of(README.toAbsolutePath().normalize()));
    while (!todo.isEmpty()) {
      Path page = todo.pop();
      if (!reached.add(page) || !page.toString().endsWith(".md")) {
        continue;
      }
      for (Path target : links(page)) {
        if (!Files.exists(target)) {
          broken.add(page.getFileName() + " -> " + target);
        } else {
          todo.push(target);
        }
      }
    }
    assertThat(broken).isEmpty();
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      assertThat(
              docs.map(p -> p.toAbsolutePath().normalize())
                  .filter(p -> p.toString().endsWith(".md")))
          .as("docs pages linked from the README (directly or through another page)")
          .allMatch(reached::contains);
    }
  }
}
