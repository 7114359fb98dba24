package io.github.uvlambda.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.function.FunctionSettings;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

@MojoTest
class UvPackageMojoTest {

  @Test
  @InjectMojo(goal = "uv-package", pom = "src/test/resources/unit/package/pom.xml")
  void bindsFunctionsAndPluginLevelValues(UvPackageMojo mojo) throws Exception {
    assertThat(mojo.functions).hasSize(1);
    assertThat(mojo.lambdasDir).isEqualTo("lambdas");
    assertThat((Object) getVariableValueFromObject(mojo, "handler"))
        .isEqualTo("my_worker.handler.handler");
    var fn = mojo.functions.get(0).toSettings();
    assertThat(fn.functionName()).isEqualTo("my-worker");
    assertThat(fn.get(FunctionSettings.MEMORY_SIZE)).contains(256);
    assertThat(fn.get(FunctionSettings.TIMEOUT)).contains(60);
    assertThat(fn.get(FunctionSettings.TAGS).orElseThrow()).containsEntry("team", "payments");
    assertThat(fn.get(FunctionSettings.DURABLE_EXECUTION_TIMEOUT)).contains(3600);
    assertThat(fn.get(FunctionSettings.DURABLE_RETENTION_PERIOD)).isEmpty();
    assertThat(fn.get(FunctionSettings.INLINE_POLICIES).orElseThrow())
        .singleElement()
        .satisfies(p -> assertThat(p.document()).contains("s3:GetObject"));
  }

  @Test
  @InjectMojo(goal = "uv-package", pom = "src/test/resources/unit/invalid/pom.xml")
  void invalidBuildConfigurationFailsWithEveryBuildProblem(UvPackageMojo mojo) {
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("Invalid configuration")
        .hasMessageContaining("has no <lambdasDir>")
        .hasMessageContaining("<function> 'bad' <handler> is 'nohandler'")
        // deploy and layer settings: packaging neither reads nor checks them
        .hasMessageNotContaining("memorySize")
        .hasMessageNotContaining("tracingMode")
        .hasMessageNotContaining("architecture");
  }

  @Test
  @InjectMojo(goal = "uv-package", pom = "src/test/resources/unit/invalid/pom.xml")
  @MojoParameter(name = "skipPackage", value = "true")
  void skipPropertySkipsBeforeValidation(UvPackageMojo mojo) throws Exception {
    mojo.execute();
  }
}
