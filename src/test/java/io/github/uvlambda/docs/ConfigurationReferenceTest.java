package io.github.uvlambda.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is the plugin descriptor rendered: if a parameter, its Javadoc, property or
 * default changes, this fails until the page is regenerated ({@code -DupdateDocs=true}).
 */
class ConfigurationReferenceTest {

  @Test
  void theConfigurationPageIsTheRenderedDescriptor() throws Exception {
    List<ConfigurationReference.Goal> goals =
        ConfigurationReference.goals(ConfigurationReference.DESCRIPTOR);
    assertThat(goals)
        .extracting(ConfigurationReference.Goal::name)
        .contains("uv-deploy", "uv-export", "uv-layer", "uv-package");
    String expected = ConfigurationReference.render(goals);
    if (Boolean.getBoolean("updateDocs")) {
      ConfigurationReference.write();
    }
    assertThat(ConfigurationReference.read())
        .as(
            "docs/configuration.md is out of date: run ./mvnw -q test"
                + " -Dtest=ConfigurationReferenceTest -DupdateDocs=true")
        .isEqualTo(expected);
  }

  @Test
  void theFunctionFieldsAreListsAndTheParametersHaveTheirProperties() throws Exception {
    String page =
        ConfigurationReference.render(
            ConfigurationReference.goals(ConfigurationReference.DESCRIPTOR));
    assertThat(page)
        .contains("- functionName: the Lambda function's name")
        .contains("- memorySize: MB, 128 to 10240. Default 128.")
        .contains("property `uv-lambda.memorySize`")
        .contains("### `uv-package` (phase `package`)");
  }
}
