package io.github.uvlambda.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.TracingMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionConfigResolverTest {
  @TempDir Path basedir;

  @BeforeEach
  void layout() throws IOException {
    Files.createDirectories(basedir.resolve("lambdas/my-api-handler"));
    Files.writeString(basedir.resolve("lambdas/pyproject.toml"), "[project]\nname='x'\n");
    Files.writeString(basedir.resolve("lambdas/uv.lock"), "version = 1\n");
    Files.writeString(
        basedir.resolve("lambdas/my-api-handler/handler.py"), "def handler(e, c): pass\n");
  }

  /** A function named my-api-handler with everything else left to defaults and the plugin level. */
  static FunctionSettings fn(UnaryOperator<Builder> edit) {
    return edit.apply(new Builder().set("functionName", "my-api-handler")).build();
  }

  static FunctionSettings shared(UnaryOperator<Builder> edit) {
    return edit.apply(new Builder().set("lambdasDir", "lambdas")).build();
  }

  private List<FunctionSpec> resolve(FunctionSettings shared, FunctionSettings... fns) {
    return new FunctionConfigResolver(basedir).resolve(shared, List.of(fns));
  }

  @Test
  void defaultsAreTheTerraformModulesDefaults() {
    FunctionSpec f = resolve(shared(b -> b), fn(b -> b)).get(0);
    assertThat(f.handler()).isEqualTo("handler.handler");
    assertThat(f.description()).isEmpty();
    assertThat(f.architecture()).isEqualTo(Architecture.ARM64);
    assertThat(f.pythonVersion()).isEqualTo("3.14");
    assertThat(f.memorySize()).isEqualTo(128);
    assertThat(f.timeout()).isEqualTo(30);
    assertThat(f.logRetentionDays()).isEqualTo(365);
    assertThat(f.tracingMode()).isEqualTo(TracingMode.PASS_THROUGH);
    assertThat(f.publish()).isFalse();
    assertThat(f.aliasName()).isEqualTo("prod");
    assertThat(f.enableDlq()).isFalse();
    assertThat(f.enableDurableExecution()).isFalse();
    assertThat(f.durableConfig()).isEqualTo(new DurableConfig(86400, 7));
    assertThat(f.roleName()).isEqualTo("my-api-handler-role");
    assertThat(f.layerName()).isEqualTo("my-api-handler-deps");
    assertThat(f.dependencyGroup()).isNull();
    assertThat(f.sourceDir()).isEqualTo(basedir.resolve("lambdas/my-api-handler"));
    assertThat(f.excludePackages()).isEmpty();
  }

  @Test
  void pluginLevelValuesApplyAndFunctionValuesWin() {
    Map<String, String> sharedEnv =
        new LinkedHashMap<>(Map.of("LOG_LEVEL", "INFO", "STAGE", "dev"));
    FunctionSpec f =
        resolve(
                shared(
                    b ->
                        b.set("architecture", "x86_64")
                            .set("memorySize", 512)
                            .set("environmentVariables", sharedEnv)
                            .set(
                                "powertoolsLayerArn",
                                "arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python313-arm64:27")),
                fn(
                    b ->
                        b.set("memorySize", 1024)
                            .set("environmentVariables", Map.of("STAGE", "prod"))))
            .get(0);
    assertThat(f.architecture()).isEqualTo(Architecture.X86_64);
    assertThat(f.memorySize()).isEqualTo(1024);
    assertThat(f.environmentVariables())
        .containsEntry("LOG_LEVEL", "INFO")
        .containsEntry("STAGE", "prod");
    assertThat(f.excludePackages()).containsExactly("aws-lambda-powertools");
  }

  private void assertProblem(FunctionSettings shared, FunctionSettings fn, String... fragments) {
    var assertion =
        assertThatThrownBy(() -> resolve(shared, fn)).isInstanceOf(UvLambdaException.class);
    for (String f : fragments) {
      assertion.hasMessageContaining(f);
    }
  }

  @Test
  void everyBadValueNamesItsElementValueAndFix() {
    assertProblem(
        shared(b -> b),
        fn(b -> b.set("functionName", "my api!")),
        "<functionName> is 'my api!'",
        "1 to 64 letters");
    assertProblem(
        shared(b -> b),
        fn(b -> b.set("memorySize", 64)),
        "<function> 'my-api-handler' <memorySize> is '64'",
        "128 to 10240");
    assertProblem(
        shared(b -> b.set("memorySize", 20000)),
        fn(b -> b),
        "<memorySize> (plugin configuration or -Duv-lambda.memorySize) is '20000'");
    assertProblem(shared(b -> b), fn(b -> b.set("timeout", 901)), "<timeout> is '901'", "1 to 900");
    assertProblem(
        shared(b -> b),
        fn(b -> b.set("logRetentionDays", 15)),
        "<logRetentionDays> is '15'",
        "CloudWatch Logs accepts");
    assertProblem(
        shared(b -> b),
        fn(b -> b.set("architecture", "arm65")),
        "<architecture> is 'arm65'",
        "arm64 or x86_64");
    assertProblem(
        shared(b -> b),
        fn(b -> b.set("pythonVersion", "3.9")),
        "<pythonVersion> is '3.9'",
        "3.10, 3.11, 3.12, 3.13, 3.14");
    assertProblem(
        shared(b -> b),
        fn(b -> b.set("tracingMode", "On")),
        "<tracingMode> is 'On'",
        "Active or PassThrough");
    assertProblem(
        shared(b -> b),
        fn(b -> b.set("enableDurableExecution", true).set("pythonVersion", "3.12")),
        "<enableDurableExecution> is true with Python 3.12",
        "python3.13 or later");
    assertProblem(
        shared(b -> b),
        fn(
            b ->
                b.set(
                        "additionalLayers",
                        List.of(
                            "arn:aws:lambda:us-east-1:123456789012:layer:a:1",
                                "arn:aws:lambda:us-east-1:123456789012:layer:b:1",
                            "arn:aws:lambda:us-east-1:123456789012:layer:c:1",
                                "arn:aws:lambda:us-east-1:123456789012:layer:d:1"))
                    .set(
                        "powertoolsLayerArn",
                        "arn:aws:lambda:us-east-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python313-arm64:27")),
        "uses 6 layers",
        "at most 5");
    assertProblem(
        shared(b -> b),
        fn(b -> b.set("environmentVariables", Map.of("AWS_REGION", "x"))),
        "reserved key AWS_REGION");
    assertProblem(
        shared(b -> b),
        fn(b -> b.set("environmentVariables", Map.of("BIG", "x".repeat(5000)))),
        "at most 4 KB");
    assertProblem(
        shared(b -> b),
        fn(b -> b.set("handler", "nohandler")),
        "<handler> is 'nohandler'",
        "<module>.<function>");
    assertProblem(
        shared(b -> b),
        fn(b -> b.set("handler", "missing.handler")),
        "neither missing.py nor missing/__init__.py exists");
    assertProblem(
        shared(b -> b), fn(b -> b.set("sourceDir", "nowhere")), "<sourceDir> is", "does not exist");
    assertProblem(
        shared(b -> b.set("lambdasDir", "nope")), fn(b -> b), "<lambdasDir>", "does not exist");
    assertProblem(shared(b -> b.set("lambdasDir", null)), fn(b -> b), "has no <lambdasDir>");
    assertProblem(
        shared(b -> b),
        fn(b -> b.set("durableExecutionTimeout", 0)),
        "durableConfig/executionTimeout",
        "1 to 31622400");
    assertProblem(
        shared(b -> b),
        fn(b -> b.set("powertoolsLayerArn", "not-an-arn")),
        "<powertoolsLayerArn> is 'not-an-arn'");
    assertProblem(shared(b -> b), fn(b -> b.set("aliasName", "123")), "<aliasName> is '123'");
  }

  @Test
  void missingLockAndDuplicateNamesAreReportedTogether() throws IOException {
    Files.delete(basedir.resolve("lambdas/uv.lock"));
    assertThatThrownBy(() -> resolve(shared(b -> b), fn(b -> b), fn(b -> b)))
        .isInstanceOf(UvLambdaException.class)
        .hasMessageContaining("problems")
        .hasMessageContaining("it has no uv.lock. Run `uv lock` there")
        .hasMessageContaining("<functionName> 'my-api-handler' is also used by <function> #1");
  }

  @Test
  void inlinePolicyMustBeJsonWithStatements(@TempDir Path tmp) throws IOException {
    Files.writeString(basedir.resolve("policy.json"), "{\"Version\": \"2012-10-17\"");
    assertProblem(
        shared(b -> b),
        fn(
            b ->
                b.set(
                    "inlinePolicies",
                    List.of(new FunctionSettings.PolicySettings("p", null, "policy.json")))),
        "<inlinePolicy> 'p'",
        "is not valid JSON");
    FunctionSpec f =
        resolve(
                shared(b -> b),
                fn(
                    b ->
                        b.set(
                            "inlinePolicies",
                            List.of(
                                new FunctionSettings.PolicySettings(
                                    "p", "{\"Version\":\"2012-10-17\",\"Statement\":[]}", null)))))
            .get(0);
    assertThat(f.inlinePolicies()).hasSize(1);
  }

  @Test
  void emptyFunctionListIsAnError() {
    assertThatThrownBy(() -> new FunctionConfigResolver(basedir).resolve(shared(b -> b), List.of()))
        .hasMessageContaining("<functions> is empty");
  }

  /** Builds FunctionSettings by field name, so tests read like the POM. */
  static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    Builder set(String field, Object value) {
      values.put(field, value);
      return this;
    }

    @SuppressWarnings("unchecked")
    FunctionSettings build() {
      var components = FunctionSettings.class.getRecordComponents();
      Object[] args = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        args[i] = values.get(components[i].getName());
      }
      try {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
          types[i] = components[i].getType();
        }
        return FunctionSettings.class.getDeclaredConstructor(types).newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
