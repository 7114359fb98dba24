package io.github.uvlambda.maven;

import io.github.uvlambda.build.LayerBuilder;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.function.Purpose;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds {@code target/uv-lambda/FUNCTION/deps.zip}, each function's dependency layer, from {@code
 * uv.lock} alone — no uv, Python or Docker: the packages {@code uv export} would select for the
 * function's group and Lambda target, as the wheels {@code uv pip install --only-binary=:all:
 * --python-platform ...} would choose, laid out under {@code python/} in a byte-reproducible zip.
 * Functions with the same layer inputs share one build; unchanged inputs mean no work at all, even
 * after {@code mvn clean}.
 *
 * @since 0.1.0
 */
@Mojo(name = "uv-layer", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class UvLayerMojo extends AbstractLayerMojo {

  /**
   * Skip this goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.SKIP_LAYER, defaultValue = "false")
  private boolean skipLayer;

  /**
   * Attach each deps.zip to the project with the classifier {@code FUNCTION-deps}.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.ATTACH, defaultValue = "true")
  private boolean attach;

  @Component private MavenProjectHelper projectHelper;

  @Override
  protected String goal() {
    return "uv-layer";
  }

  @Override
  protected boolean goalSkipped() {
    return skipLayer;
  }

  @Override
  protected String goalSkipProperty() {
    return PropertyNames.SKIP_LAYER;
  }

  @Override
  protected void run() {
    List<FunctionSpec> specs = functionSpecs(Purpose.LAYER);
    Map<String, LayerBuilder.Result> layers = buildLayers(specs);
    if (attach && projectHelper != null) {
      layers.forEach(
          (fn, r) -> projectHelper.attachArtifact(project, "zip", fn + "-deps", r.zip().toFile()));
    }
  }
}
