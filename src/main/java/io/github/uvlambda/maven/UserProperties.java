package io.github.uvlambda.maven;

import java.util.Optional;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Properties read by name rather than bound to a parameter: the flattened properties of nested
 * parameters ({@code uv-lambda.durableExecutionTimeout} for {@code <durableConfig>
 * <executionTimeout>}), and the deprecated spellings that keep working for one release with a
 * warning. Looked up as Maven looks up a parameter's property: {@code -D} (user), system, then the
 * project's {@code <properties>}.
 */
final class UserProperties {
  private final MavenSession session;
  private final MavenProject project;
  private final Log log;

  UserProperties(MavenSession session, MavenProject project, Log log) {
    this.session = session;
    this.project = project;
    this.log = log;
  }

  Optional<String> get(String name) {
    for (Properties p : sources()) {
      String v = p == null ? null : p.getProperty(name);
      if (v != null && !v.isBlank()) {
        return Optional.of(v.strip());
      }
    }
    return Optional.empty();
  }

  /** The property, else its deprecated spelling, with a warning that names the new one. */
  Optional<String> get(String name, String deprecated) {
    Optional<String> value = get(name);
    if (value.isPresent()) {
      return value;
    }
    Optional<String> old = get(deprecated);
    old.ifPresent(
        v ->
            log.warn(
                "The property "
                    + deprecated
                    + " is deprecated and will be removed in the next release: use "
                    + name
                    + "="
                    + v
                    + "."));
    return old;
  }

  private Properties[] sources() {
    return new Properties[] {
      session == null ? null : session.getUserProperties(),
      session == null ? null : session.getSystemProperties(),
      project == null ? null : project.getProperties()
    };
  }
}
