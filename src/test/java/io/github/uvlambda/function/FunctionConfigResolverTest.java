package io.github.uvlambda.function;

import static io.github.uvlambda.function.FunctionSettings.ADDITIONAL_LAYERS;
import static io.github.uvlambda.function.FunctionSettings.ALIAS_NAME;
import static io.github.uvlambda.function.FunctionSettings.ARCHITECTURE;
import static io.github.uvlambda.function.FunctionSettings.DURABLE_EXECUTION_TIMEOUT;
import static io.github.uvlambda.function.FunctionSettings.ENABLE_DURABLE_EXECUTION;
import static io.github.uvlambda.function.FunctionSettings.ENVIRONMENT_VARIABLES;
import static io.github.uvlambda.function.FunctionSettings.FUNCTION_NAME;
import static io.github.uvlambda.function.FunctionSettings.HANDLER;
import static io.github.uvlambda.function.FunctionSettings.INLINE_POLICIES;
import static io.github.uvlambda.function.FunctionSettings.LAMBDAS_DIR;
import static io.github.uvlambda.function.FunctionSettings.LOG_RETENTION_DAYS;
import static io.github.uvlambda.function.FunctionSettings.MEMORY_SIZE;
import static io.github.uvlambda.function.FunctionSettings.POWERTOOLS_LAYER_ARN;
import static io.github.uvlambda.function.FunctionSettings.PYTHON_VERSION;
import static io.github.uvlambda.function.FunctionSettings.SOURCE_DIR;
import static io.github.uvlambda.function.FunctionSettings.TIMEOUT;
import static io.github.uvlambda.function.FunctionSettings.TRACING_MODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.uvlambda.SettingNames;
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

  private static final String POWERTOOLS =
      "arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python313-arm64:27";

  @BeforeEach
  void layout() throws IOException {
    Files.createDirectories(basedir.resolve("lambdas/my-api-handler"));
    Files.writeString(basedir.resolve("lambdas/pyproject.toml"), "[project]\nname='x'\n");
    Files.writeString(basedir.resolve("lambdas/uv.lock"), "version = 1\n");
    Files.writeString(
        basedir.resolve("lambdas/my-api-handler/handler.py"), "def handler(e, c): pass\n");
  }

  /** A function named my-api-handler with everything else left to defaults and the plugin level. */
  static FunctionSettings fn(UnaryOperator<FunctionSettings.Builder> edit) {
    return edit.apply(FunctionSettings.builder().set(FUNCTION_NAME, "my-api-handler")).build();
  }

  static FunctionSettings shared(UnaryOperator<FunctionSettings.Builder> edit) {
    return edit.apply(FunctionSettings.builder().set(LAMBDAS_DIR, "lambdas")).build();
  }

  private List<FunctionSpec> resolve(FunctionSettings shared, FunctionSettings... fns) {
    return new FunctionConfigResolver(basedir).resolve(shared, List.of(fns));
  }

  private List<ConfigProblem> problems(FunctionSettings shared, FunctionSettings... fns) {
    return catchThrowableOfType(InvalidConfigurationException.class, () -> resolve(shared, fns))
        .problems();
  }

  /** The one problem of a configuration with one mistake. */
  private ConfigProblem problem(FunctionSettings shared, FunctionSettings fn) {
    List<ConfigProblem> all = problems(shared, fn);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void defaultsAreTheTerraformModulesDefaults() {
    FunctionSpec f = resolve(shared(b -> b), fn(b -> b)).get(0);
    assertThat(f.handler()).isEqualTo("handler.handler");
    assertThat(f.deploy().description()).isEmpty();
    assertThat(f.architecture()).isEqualTo(Architecture.ARM64);
    assertThat(f.pythonVersion()).isEqualTo("3.14");
    assertThat(f.deploy().memorySize()).isEqualTo(128);
    assertThat(f.deploy().timeout()).isEqualTo(30);
    assertThat(f.deploy().logRetentionDays()).isEqualTo(365);
    assertThat(f.deploy().tracingMode()).isEqualTo(TracingMode.PASS_THROUGH);
    assertThat(f.deploy().publish()).isFalse();
    assertThat(f.deploy().aliasName()).isEqualTo("prod");
    assertThat(f.deploy().enableDlq()).isFalse();
    assertThat(f.deploy().enableDurableExecution()).isFalse();
    assertThat(f.deploy().durableConfig()).isEqualTo(new DurableConfig(86400, 7));
    assertThat(f.deploy().roleName()).isEqualTo("my-api-handler-role");
    assertThat(f.deploy().layerName()).isEqualTo("my-api-handler-deps");
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
                        b.set(ARCHITECTURE, "x86_64")
                            .set(MEMORY_SIZE, 512)
                            .set(ENVIRONMENT_VARIABLES, sharedEnv)
                            .set(POWERTOOLS_LAYER_ARN, POWERTOOLS)),
                fn(
                    b ->
                        b.set(MEMORY_SIZE, 1024)
                            .set(ENVIRONMENT_VARIABLES, Map.of("STAGE", "prod"))))
            .get(0);
    assertThat(f.architecture()).isEqualTo(Architecture.X86_64);
    assertThat(f.deploy().memorySize()).isEqualTo(1024);
    assertThat(f.deploy().environmentVariables())
        .containsEntry("LOG_LEVEL", "INFO")
        .containsEntry("STAGE", "prod");
    assertThat(f.excludePackages()).containsExactly("aws-lambda-powertools");
  }

  @Test
  void aBadValueCarriesItsParameterValueAndOrigin() {
    assertThat(problem(shared(b -> b), fn(b -> b.set(MEMORY_SIZE, 64))))
        .isEqualTo(
            new ConfigProblem(
                "my-api-handler",
                1,
                "memorySize",
                Origin.FUNCTION,
                "64",
                "Lambda memory is 128 to 10240 MB."));
    // A plugin-level mistake belongs to no function, so two functions report it once.
    List<ConfigProblem> shared =
        problems(
            shared(b -> b.set(MEMORY_SIZE, 20000)),
            fn(b -> b),
            fn(b -> b.set(FUNCTION_NAME, "other").set(SOURCE_DIR, "lambdas/my-api-handler")));
    assertThat(shared)
        .containsExactly(
            new ConfigProblem(
                null,
                0,
                "memorySize",
                Origin.PLUGIN,
                "20000",
                "Lambda memory is 128 to 10240 MB."));
    ConfigProblem byDefault =
        problem(
            shared(b -> b),
            fn(b -> b.set(ENABLE_DURABLE_EXECUTION, true).set(PYTHON_VERSION, "3.12")));
    assertThat(byDefault.parameter()).isEqualTo("enableDurableExecution");
    assertThat(byDefault.text()).contains("python3.13 or later");
  }

  @Test
  void everyBadValueIsReportedWithItsParameterAndFix() {
    record Case(FunctionSettings fn, String parameter, String value, String fixFragment) {}
    List<Case> cases =
        List.of(
            new Case(
                fn(b -> b.set(FUNCTION_NAME, "my api!")), "functionName", "my api!", "1 to 64"),
            new Case(fn(b -> b.set(TIMEOUT, 901)), "timeout", "901", "1 to 900"),
            new Case(
                fn(b -> b.set(LOG_RETENTION_DAYS, 15)),
                "logRetentionDays",
                "15",
                "CloudWatch Logs accepts"),
            new Case(fn(b -> b.set(ARCHITECTURE, "arm65")), "architecture", "arm65", "x86_64"),
            new Case(
                fn(b -> b.set(PYTHON_VERSION, "3.9")),
                "pythonVersion",
                "3.9",
                "3.10, 3.11, 3.12, 3.13, 3.14"),
            new Case(fn(b -> b.set(TRACING_MODE, "On")), "tracingMode", "On", "PassThrough"),
            new Case(
                fn(b -> b.set(HANDLER, "nohandler")),
                "handler",
                "nohandler",
                "<module>.<function>"),
            new Case(
                fn(b -> b.set(HANDLER, "missing.handler")),
                "handler",
                "missing.handler",
                "neither missing.py nor missing/__init__.py exists"),
            new Case(
                fn(b -> b.set(DURABLE_EXECUTION_TIMEOUT, 0)),
                "durableConfig/executionTimeout",
                "0",
                "1 to 31622400"),
            new Case(
                fn(b -> b.set(POWERTOOLS_LAYER_ARN, "not-an-arn")),
                "powertoolsLayerArn",
                "not-an-arn",
                "layer version ARN"),
            new Case(fn(b -> b.set(ALIAS_NAME, "123")), "aliasName", "123", "not only digits"));
    for (Case c : cases) {
      ConfigProblem p =
          problems(shared(b -> b), c.fn()).stream()
              .filter(q -> c.parameter().equals(q.parameter()))
              .findFirst()
              .orElseThrow();
      assertThat(p.parameter()).as(c.parameter()).isEqualTo(c.parameter());
      assertThat(p.origin()).as(c.parameter()).isEqualTo(Origin.FUNCTION);
      assertThat(p.value()).as(c.parameter()).isEqualTo(c.value());
      assertThat(p.text()).as(c.parameter()).contains(c.fixFragment());
    }
  }

  @Test
  void problemsThatAreNotAboutOneValueNameTheirSubject() {
    assertThat(
            problem(
                    shared(b -> b),
                    fn(
                        b ->
                            b.set(
                                    ADDITIONAL_LAYERS,
                                    List.of(
                                        "arn:aws:lambda:us-east-1:123456789012:layer:a:1",
                                        "arn:aws:lambda:us-east-1:123456789012:layer:b:1",
                                        "arn:aws:lambda:us-east-1:123456789012:layer:c:1",
                                        "arn:aws:lambda:us-east-1:123456789012:layer:d:1"))
                                .set(POWERTOOLS_LAYER_ARN, POWERTOOLS)))
                .text())
        .contains("uses 6 layers", "at most 5");
    assertThat(
            problem(
                shared(b -> b), fn(b -> b.set(ENVIRONMENT_VARIABLES, Map.of("AWS_REGION", "x")))))
        .extracting(ConfigProblem::parameter, ConfigProblem::text)
        .containsExactly(
            "environmentVariables",
            "sets the reserved key AWS_REGION: Lambda sets it itself and rejects it. Remove it.");
    assertThat(
            problem(
                    shared(b -> b),
                    fn(b -> b.set(ENVIRONMENT_VARIABLES, Map.of("BIG", "x".repeat(5000)))))
                .text())
        .contains("at most 4 KB");
    ConfigProblem source = problem(shared(b -> b), fn(b -> b.set(SOURCE_DIR, "nowhere")));
    assertThat(source.parameter()).isEqualTo("sourceDir");
    assertThat(source.value()).isEqualTo(basedir.resolve("nowhere").toString());
    assertThat(source.text()).contains("does not exist");
    ConfigProblem lambdas = problem(shared(b -> b.set(LAMBDAS_DIR, "nope")), fn(b -> b));
    assertThat(lambdas.origin()).isEqualTo(Origin.PLUGIN);
    assertThat(lambdas.text()).contains("does not exist");
    assertThat(problem(shared(b -> b.set(LAMBDAS_DIR, null)), fn(b -> b)).text())
        .startsWith("has no <lambdasDir>");
  }

  @Test
  void missingLockAndDuplicateNamesAreReportedTogether() throws IOException {
    Files.delete(basedir.resolve("lambdas/uv.lock"));
    InvalidConfigurationException e =
        catchThrowableOfType(
            InvalidConfigurationException.class,
            () -> resolve(shared(b -> b), fn(b -> b), fn(b -> b)));
    assertThat(e.problems())
        .contains(
            new ConfigProblem(
                null,
                2,
                "functionName",
                null,
                null,
                "'my-api-handler' is also used by <function> #1: Lambda function names are unique"
                    + " per account and region. Give each <function> its own name."));
    assertThat(e.getMessage())
        .contains("Invalid configuration (2 problems)")
        .contains("it has no uv.lock. Run `uv lock` there")
        .contains("<function> #2 <functionName> 'my-api-handler' is also used by <function> #1");
  }

  @Test
  void aBuildNeitherReadsNorChecksTheDeploySettings() throws IOException {
    Files.writeString(basedir.resolve("policy.json"), "{\"Version\": \"2012-10-17\"");
    FunctionSettings fn =
        fn(
            b ->
                b.set(MEMORY_SIZE, 64)
                    .set(TRACING_MODE, "On")
                    .set(
                        INLINE_POLICIES,
                        List.of(new FunctionSettings.PolicySettings("p", null, "policy.json"))));
    FunctionSpec built =
        new FunctionConfigResolver(basedir)
            .resolve(shared(b -> b), List.of(fn), Purpose.LAYER)
            .get(0);
    assertThat(built.handler()).isEqualTo("handler.handler");
    assertThat(problems(shared(b -> b), fn))
        .extracting(ConfigProblem::parameter)
        .containsExactly("memorySize", "tracingMode", null);
  }

  /**
   * A destroy needs the names only: the sources and the lock may be gone, deploy settings wrong.
   */
  @Test
  void aDestroyReadsOnlyTheNamesOfWhatItDeletes() throws IOException {
    FunctionSettings gone =
        FunctionSettings.builder()
            .set(FUNCTION_NAME, "old-worker")
            .set(FunctionSettings.ROLE_NAME, "shared-role")
            .set(MEMORY_SIZE, 64)
            .set(PYTHON_VERSION, "2.7")
            .set(HANDLER, "no such handler")
            .build();
    FunctionSettings noLock = FunctionSettings.builder().set(LAMBDAS_DIR, "deleted").build();
    FunctionSpec f =
        new FunctionConfigResolver(basedir).resolve(noLock, List.of(gone), Purpose.DESTROY).get(0);
    assertThat(f.functionName()).isEqualTo("old-worker");
    assertThat(f.deploy().roleName()).isEqualTo("shared-role");
    assertThat(f.deploy().layerName()).isEqualTo("old-worker-deps");
    assertThat(f.lambdasDir()).isNull();
    assertThat(f.sourceDir()).isNull();

    FunctionSettings badNames =
        FunctionSettings.builder()
            .set(FUNCTION_NAME, "old-worker")
            .set(FunctionSettings.LAYER_NAME, "no spaces")
            .build();
    assertThat(
            catchThrowableOfType(
                    InvalidConfigurationException.class,
                    () ->
                        new FunctionConfigResolver(basedir)
                            .resolve(noLock, List.of(badNames), Purpose.DESTROY))
                .problems())
        .extracting(ConfigProblem::parameter)
        .containsExactly("layerName");
  }

  @Test
  void inlinePolicyMustBeJsonWithStatements() throws IOException {
    Files.writeString(basedir.resolve("policy.json"), "{\"Version\": \"2012-10-17\"");
    ConfigProblem p =
        problem(
            shared(b -> b),
            fn(
                b ->
                    b.set(
                        INLINE_POLICIES,
                        List.of(new FunctionSettings.PolicySettings("p", null, "policy.json")))));
    assertThat(p.describe(SettingNames.POM))
        .startsWith("<function> 'my-api-handler' <inlinePolicy> 'p' (")
        .contains("is not valid JSON");
    FunctionSpec f =
        resolve(
                shared(b -> b),
                fn(
                    b ->
                        b.set(
                            INLINE_POLICIES,
                            List.of(
                                new FunctionSettings.PolicySettings(
                                    "p", "{\"Version\":\"2012-10-17\",\"Statement\":[]}", null)))))
            .get(0);
    assertThat(f.deploy().inlinePolicies()).hasSize(1);
  }

  @Test
  void emptyFunctionListIsAnError() {
    assertThatThrownBy(() -> new FunctionConfigResolver(basedir).resolve(shared(b -> b), List.of()))
        .hasMessageContaining("<functions> is empty");
  }
}
