package io.github.uvlambda.deploy;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.deploy.aws.AwsClients;
import java.util.List;

/**
 * A check that runs after every resource has been read and planned and before the first write: a
 * deploy with a problem writes nothing. Checks may read AWS (another layer's size, a quota).
 */
public interface PreWriteCheck {
  /** Problems that must stop the deploy, each complete on its own; empty when all is well. */
  List<UvLambdaException> problems(List<FunctionArtifacts> functions, AwsClients aws);
}
