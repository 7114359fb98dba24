package io.github.uvlambda.uv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real public projects under src/test/resources/real (see each SOURCE.md). */
final class RealProjects {
  private RealProjects() {}

  static Path root() {
    try {
      return Path.of(RealProjects.class.getResource("/real").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> all() {
    try (Stream<Path> s = Files.list(root())) {
      return s.filter(p -> Files.exists(p.resolve("uv.lock"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
