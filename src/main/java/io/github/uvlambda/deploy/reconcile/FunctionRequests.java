package io.github.uvlambda.deploy.reconcile;

import java.util.Map;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.DeadLetterConfig;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.TracingConfig;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

/**
 * The CreateFunction and UpdateFunctionConfiguration requests for a configuration. Update sends
 * every managed setting, so an empty dead-letter target removes a queue that is no longer wanted.
 */
final class FunctionRequests {
  private FunctionRequests() {}

  static CreateFunctionRequest create(
      DesiredFunction d, LambdaConfiguration t, FunctionCode code, Map<String, String> tags) {
    CreateFunctionRequest.Builder b =
        CreateFunctionRequest.builder()
            .functionName(d.name())
            .runtime(t.runtime())
            .handler(t.handler())
            .role(t.role())
            .code(code)
            .description(t.description())
            .timeout(t.timeout())
            .memorySize(t.memorySize())
            .architecturesWithStrings(t.architecture())
            .layers(t.layers())
            .environment(e -> e.variables(t.environment()))
            .tracingConfig(TracingConfig.builder().mode(t.tracingMode()).build())
            .loggingConfig(l -> l.logGroup(d.logGroup().name()))
            .tags(tags);
    if (t.deadLetterTarget() != null) {
      b.deadLetterConfig(DeadLetterConfig.builder().targetArn(t.deadLetterTarget()).build());
    }
    if (t.durable() != null) {
      b.durableConfig(
          x ->
              x.executionTimeout(t.durable().executionTimeout())
                  .retentionPeriodInDays(t.durable().retentionDays()));
    }
    return b.build();
  }

  static UpdateFunctionConfigurationRequest update(String name, LambdaConfiguration t) {
    UpdateFunctionConfigurationRequest.Builder b =
        UpdateFunctionConfigurationRequest.builder()
            .functionName(name)
            .runtime(t.runtime())
            .handler(t.handler())
            .role(t.role())
            .description(t.description())
            .timeout(t.timeout())
            .memorySize(t.memorySize())
            .layers(t.layers())
            .environment(e -> e.variables(t.environment()))
            .tracingConfig(TracingConfig.builder().mode(t.tracingMode()).build())
            .deadLetterConfig(
                DeadLetterConfig.builder()
                    .targetArn(t.deadLetterTarget() == null ? "" : t.deadLetterTarget())
                    .build());
    if (t.durable() != null) {
      b.durableConfig(
          x ->
              x.executionTimeout(t.durable().executionTimeout())
                  .retentionPeriodInDays(t.durable().retentionDays()));
    }
    return b.build();
  }
}
