package io.github.uvlambda.maven;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.deploy.reconcile.Ownership;
import org.apache.maven.project.MavenProject;

/**
 * The name that owns what uv-deploy creates and uv-destroy deletes, the value of every resource's
 * {@code uv-lambda:project} tag: {@code <stack>}, else {@code groupId:artifactId}.
 */
final class ProjectKey {

  private ProjectKey() {}

  static String of(String stack, MavenProject project) {
    String key =
        stack != null && !stack.isBlank()
            ? stack.strip()
            : project == null ? "project" : project.getGroupId() + ":" + project.getArtifactId();
    if (!Ownership.VALID_PROJECT.matcher(key).matches()) {
      throw new UvLambdaException(
          "The project name '"
              + key
              + "' cannot be a tag value: use at most 128 letters, digits"
              + " and _.:/=+@- in <stack> ("
              + PropertyNames.STACK
              + ").");
    }
    return key;
  }
}
