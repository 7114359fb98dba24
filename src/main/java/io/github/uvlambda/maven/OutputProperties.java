package io.github.uvlambda.maven;

import io.github.uvlambda.deploy.FunctionOutputs;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The deploy's outputs as project properties for the rest of the build: {@code
 * uv-lambda.output.FUNCTION.NAME}, apart from the parameters' {@code uv-lambda.PARAMETER}. The
 * names of the previous release, {@code uv-lambda.FUNCTION.NAME}, are set too for this release; a
 * POM that still uses one gets a warning naming its replacement.
 */
final class OutputProperties {
  private OutputProperties() {}

  static String name(String function, String output) {
    return PropertyNames.OUTPUT_PREFIX + function + "." + output;
  }

  static String deprecatedName(String function, String output) {
    return PropertyNames.PREFIX + function + "." + output;
  }

  static void publish(MavenProject project, List<FunctionOutputs> outputs, Log log) {
    if (project == null) {
      return;
    }
    String pom = pomText(project);
    for (FunctionOutputs o : outputs) {
      o.asMap()
          .forEach(
              (k, v) -> {
                if (v != null) {
                  String value = String.valueOf(v);
                  project.getProperties().setProperty(name(o.functionName(), k), value);
                  String old = deprecatedName(o.functionName(), k);
                  project.getProperties().setProperty(old, value);
                  if (pom.contains("${" + old + "}")) {
                    log.warn(
                        "${"
                            + old
                            + "} is deprecated and will be removed in the next release: use ${"
                            + name(o.functionName(), k)
                            + "}.");
                  }
                }
              });
    }
  }

  private static String pomText(MavenProject project) {
    try {
      return project.getFile() == null ? "" : Files.readString(project.getFile().toPath());
    } catch (IOException e) {
      return "";
    }
  }
}
