package io.github.uvlambda.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every AWS call the plugin makes (operation and request), so tests can count write calls
 * and check what was sent even where moto does not store it (DeadLetterConfig, DurableConfig).
 */
public final class RecordingInterceptor implements ExecutionInterceptor {
  public record Call(String service, String operation, SdkRequest request) {
    public boolean isWrite() {
      return !(operation.startsWith("Get")
          || operation.startsWith("List")
          || operation.startsWith("Describe")
          || operation.startsWith("Head"));
    }
  }

  private final List<Call> calls = new CopyOnWriteArrayList<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    calls.add(
        new Call(
            attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
            attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
            context.request()));
  }

  public List<Call> calls() {
    return calls;
  }

  public List<String> writes() {
    return calls.stream().filter(Call::isWrite).map(Call::operation).toList();
  }

  @SuppressWarnings("unchecked")
  public <T extends SdkRequest> List<T> requests(Class<T> type) {
    return calls.stream().map(Call::request).filter(type::isInstance).map(r -> (T) r).toList();
  }

  public void clear() {
    calls.clear();
  }
}
