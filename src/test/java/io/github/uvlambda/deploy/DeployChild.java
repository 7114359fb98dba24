package io.github.uvlambda.deploy;

import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.testing.MotoServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * A deploy in a JVM of its own that dies (Runtime.halt, as kill -9 would) right after its Nth write
 * call has been answered: the state a crash between two write calls leaves. Arguments: the moto
 * URL, the project directory, N, and the scenario step ({@code 1}: first deploy, {@code 2}: the
 * changed project).
 */
final class DeployChild {
  static final int HALTED = 137;

  public static void main(String[] args) throws Exception {
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
    String url = args[0];
    Path dir = Path.of(args[1]);
    int haltAfter = Integer.parseInt(args[2]);
    int step = Integer.parseInt(args[3]);
    MotoProject p = new MotoProject(MotoServer.at(url), dir);
    scenario(p, step);
    AtomicInteger writes = new AtomicInteger();
    ExecutionInterceptor halt =
        new ExecutionInterceptor() {
          @Override
          public void afterExecution(
              Context.AfterExecution context, ExecutionAttributes attributes) {
            String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            boolean read =
                op.startsWith("Get")
                    || op.startsWith("List")
                    || op.startsWith("Describe")
                    || op.startsWith("Head");
            if (!read && writes.incrementAndGet() == haltAfter) {
              Runtime.getRuntime().halt(HALTED);
            }
          }
        };
    new Deployer(p.log, List.of(halt), MotoProject.fastRetries())
        .deploy(List.of(p.artifacts(function(p, step))), single(p));
    System.exit(0);
  }

  /** Step 1: the first deploy; step 2: new code, new dependencies, more memory, another tag. */
  static void scenario(MotoProject p, int step) throws Exception {
    p.layerContent = "VERSION = " + step + "\n";
    p.writeLock();
    p.source("fn", "return " + step);
  }

  static FunctionSpec function(MotoProject p, int step) throws Exception {
    return p.spec(
        "fn",
        v -> {
          v.put("publish", true);
          v.put("memorySize", step == 1 ? 128 : 256);
          v.put("tags", step == 1 ? Map.of("team", "payments") : Map.of("team", "billing"));
          return v;
        });
  }

  /** One thread: the Nth write is the same call in every run. */
  static DeploySettings single(MotoProject p) {
    return p.settings(s -> s.threads = 1);
  }
}
