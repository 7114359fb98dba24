package io.github.uvlambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layout rule of STYLE.md: only the maven package may use Maven's API. */
class ArchitectureTest {

  @Test
  void onlyTheMavenPackageImportsMaven() throws IOException {
    Path root = Path.of("src/main/java/io/github/uvlambda");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(root)) {
      offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.startsWith(root.resolve("maven")))
              .filter(
                  p -> {
                    try {
                      return Files.readString(p).contains("import org.apache.maven");
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .map(Path::toString)
              .toList();
    }
    assertThat(offenders).isEmpty();
  }
}
