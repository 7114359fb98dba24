package io.github.uvlambda.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uvlambda.deploy.FunctionOutputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPropertiesTest {
  @TempDir Path tmp;

  private static FunctionOutputs outputs() {
    return new FunctionOutputs(
        "arn:aws:lambda:us-east-1:123456789012:function:api",
        "api",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "api-role",
        null,
        null,
        "/aws/lambda/api",
        null,
        null);
  }

  private MavenProject project(String pom) throws IOException {
    MavenProject p = new MavenProject();
    Path file = tmp.resolve("pom.xml");
    Files.writeString(file, pom);
    p.setFile(file.toFile());
    return p;
  }

  @Test
  void outputsGoUnderTheirOwnPrefixAndTheOldNamesStillWorkThisRelease() throws IOException {
    MavenBuildLogTest.Lines log = new MavenBuildLogTest.Lines();
    MavenProject p = project("<project/>");
    OutputProperties.publish(p, List.of(outputs()), log);
    assertThat(p.getProperties())
        .containsEntry(
            "uv-lambda.output.api.function_arn",
            "arn:aws:lambda:us-east-1:123456789012:function:api")
        .containsEntry("uv-lambda.output.api.role_name", "api-role")
        .containsEntry("uv-lambda.api.role_name", "api-role")
        .doesNotContainKey("uv-lambda.output.api.dlq_arn");
    assertThat(log.lines).isEmpty();
  }

  @Test
  void aPomThatUsesAnOldNameIsWarnedWithTheNewOne() throws IOException {
    MavenBuildLogTest.Lines log = new MavenBuildLogTest.Lines();
    OutputProperties.publish(
        project("<project><x>${uv-lambda.api.function_arn}</x></project>"),
        List.of(outputs()),
        log);
    assertThat(String.join("\n", log.lines))
        .contains(
            "${uv-lambda.api.function_arn} is deprecated and will be removed in the next release:"
                + " use ${uv-lambda.output.api.function_arn}.");
  }
}
