package io.github.uvlambda.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

@MojoTest
class UvPackageMojoTest {

  @Test
  @InjectMojo(goal = "uv-package", pom = "src/test/resources/unit/package/pom.xml")
  void bindsFunctionsAndPluginLevelValues(UvPackageMojo mojo) {
    assertThat(mojo.functions).hasSize(1);
    assertThat(mojo.lambdasDir).isEqualTo("lambdas");
    assertThat(mojo.architecture).isEqualTo("x86_64");
    assertThat(mojo.memorySize).isEqualTo(512);
    assertThat(mojo.environmentVariables).containsEntry("STAGE", "test");
    var fn = mojo.functions.get(0).toSettings();
    assertThat(fn.functionName()).isEqualTo("my-worker");
    assertThat(fn.memorySize()).isEqualTo(256);
    assertThat(fn.timeout()).isEqualTo(60);
    assertThat(fn.tags()).containsEntry("team", "payments");
    assertThat(fn.durableExecutionTimeout()).isEqualTo(3600);
    assertThat(fn.durableRetentionPeriod()).isNull();
    assertThat(fn.inlinePolicies()).hasSize(1);
    assertThat(fn.inlinePolicies().get(0).document()).contains("s3:GetObject");
  }

  @Test
  @InjectMojo(goal = "uv-package", pom = "src/test/resources/unit/invalid/pom.xml")
  void invalidConfigurationFailsWithEveryProblemAndNoStackTraceMessage(UvPackageMojo mojo) {
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("Invalid configuration")
        .hasMessageContaining("has no <lambdasDir>")
        .hasMessageContaining("<memorySize> is '64'")
        .hasMessageContaining(
            "<architecture> (plugin configuration or -Duv-lambda.architecture) is 'arm65'")
        .hasMessageContaining("<tracingMode> is 'On'");
  }

  @Test
  @InjectMojo(goal = "uv-package", pom = "src/test/resources/unit/invalid/pom.xml")
  @MojoParameter(name = "skipPackage", value = "true")
  void skipPropertySkipsBeforeValidation(UvPackageMojo mojo) throws Exception {
    mojo.execute();
  }
}
