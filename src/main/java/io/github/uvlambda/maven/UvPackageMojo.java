package io.github.uvlambda.maven;

import io.github.uvlambda.build.CodePackager;
import io.github.uvlambda.function.FunctionConfigResolver;
import io.github.uvlambda.function.FunctionSpec;
import java.io.File;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds {@code target/uv-lambda/FUNCTION/code.zip} for every function: the function's source
 * directory without tests, caches and bytecode, in a byte-reproducible zip, attached to the project
 * with the classifier {@code FUNCTION-code}.
 *
 * @since 0.1.0
 */
@Mojo(name = "uv-package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class UvPackageMojo extends AbstractUvLambdaMojo {

  /**
   * Skip this goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = PropertyNames.SKIP_PACKAGE, defaultValue = "false")
  private boolean skipPackage;

  /**
   * Attach each code.zip to the project so that {@code mvn install} and {@code mvn deploy} publish
   * it as {@code ARTIFACT-VERSION-FUNCTION-code.zip}.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "true")
  private boolean attach;

  @Component private MavenProjectHelper projectHelper;

  @Override
  protected String goal() {
    return "uv-package";
  }

  @Override
  protected boolean goalSkipped() {
    return skipPackage;
  }

  @Override
  protected String goalSkipProperty() {
    return PropertyNames.SKIP_PACKAGE;
  }

  @Override
  protected void run() {
    for (FunctionSpec f : functionSpecs(FunctionConfigResolver.Scope.BUILD)) {
      CodePackager.Result r = packageCode(f);
      if (attach && projectHelper != null) {
        projectHelper.attachArtifact(
            project, "zip", f.functionName() + "-code", new File(r.zip().toString()));
      }
    }
  }
}
