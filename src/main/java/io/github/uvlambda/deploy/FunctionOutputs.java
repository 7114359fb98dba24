package io.github.uvlambda.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.uvlambda.deploy.aws.AccountContext;
import io.github.uvlambda.deploy.reconcile.LayerArns;
import io.github.uvlambda.deploy.reconcile.LayerVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Terraform module's outputs for one function, same names, null where not applicable. {@code
 * role_id} is the role name, as Terraform's {@code aws_iam_role.id}; {@code role_unique_id} adds
 * IAM's own ID ({@code AROA...}); {@code layer_version_arn} is the layer ARN with its version, the
 * value another function's {@code Layers} takes.
 */
public record FunctionOutputs(
    String functionArn,
    String functionName,
    String invokeArn,
    String aliasArn,
    String aliasInvokeArn,
    String layerArn,
    Long layerVersion,
    String roleArn,
    String roleId,
    String roleName,
    String roleUniqueId,
    String logGroupArn,
    String logGroupName,
    String dlqArn,
    String dlqUrl) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The outputs under the Terraform module's names, in its order. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("alias_arn", aliasArn);
    m.put("alias_invoke_arn", aliasInvokeArn);
    m.put("dlq_arn", dlqArn);
    m.put("dlq_url", dlqUrl);
    m.put("function_arn", functionArn);
    m.put("function_name", functionName);
    m.put("invoke_arn", invokeArn);
    m.put("layer_arn", layerArn);
    m.put("layer_version", layerVersion);
    m.put("layer_version_arn", layerVersionArn());
    m.put("log_group_arn", logGroupArn);
    m.put("log_group_name", logGroupName);
    m.put("role_arn", roleArn);
    m.put("role_id", roleId);
    m.put("role_name", roleName);
    m.put("role_unique_id", roleUniqueId);
    return m;
  }

  /** The layer's version ARN ({@code ...:layer:name:N}), or null without a layer. */
  public String layerVersionArn() {
    return layerArn == null || layerVersion == null ? null : layerArn + ":" + layerVersion;
  }

  public void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, JSON.writeValueAsString(asMap()) + "\n");
  }

  /** The outputs of a deployed function, from its plan and what apply returned. */
  static FunctionOutputs of(
      AccountContext account,
      ProjectPlan.Step step,
      String functionArn,
      String aliasArn,
      LayerVersion layer,
      String roleUniqueId,
      String queueUrl) {
    var f = step.function().desired();
    String role = f.roleName();
    return new FunctionOutputs(
        functionArn,
        f.name(),
        invokeArn(account.partition(), account.region(), functionArn),
        aliasArn,
        invokeArn(account.partition(), account.region(), aliasArn),
        layer == null ? null : LayerArns.withoutVersion(layer.arn()),
        layer == null ? null : layer.version(),
        f.configuration().role(),
        role,
        role,
        roleUniqueId,
        f.logGroup().arn(),
        f.logGroup().name(),
        f.queue() == null ? null : f.queue().arn(),
        f.queue() == null ? null : queueUrl);
  }

  /** API Gateway's invoke ARN of a function or alias ARN. */
  static String invokeArn(String partition, String region, String functionArn) {
    return functionArn == null
        ? null
        : "arn:"
            + partition
            + ":apigateway:"
            + region
            + ":lambda:path/2015-03-31/functions/"
            + functionArn
            + "/invocations";
  }
}
