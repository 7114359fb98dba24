package io.github.uvlambda.deploy.aws;

import io.github.uvlambda.BuildLog;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * One debug line per AWS request attempt, for {@code mvn -X}: service, operation, HTTP status and
 * the request id AWS support asks for, e.g. {@code AWS Lambda CreateFunction: HTTP 201, request id
 * 4f6c…}. A retried attempt (throttling, a server error) shows as its own line. Nothing else of the
 * request or the response is written: no headers, no body, no URL (which may be pre-signed), so a
 * debug log holds no credential, environment value or code. The SDK's own debug logging stays off
 * for that reason (docs/security.md).
 */
final class RequestLog implements ExecutionInterceptor {
  private final BuildLog log;

  RequestLog(BuildLog log) {
    this.log = log;
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    String requestId =
        context
            .httpResponse()
            .firstMatchingHeader("x-amzn-RequestId")
            .or(() -> context.httpResponse().firstMatchingHeader("x-amz-request-id"))
            .orElse("none");
    log.debug(
        "AWS "
            + attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
            + " "
            + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)
            + ": HTTP "
            + context.httpResponse().statusCode()
            + ", request id "
            + requestId);
  }
}
