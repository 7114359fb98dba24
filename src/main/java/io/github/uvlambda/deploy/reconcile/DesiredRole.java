package io.github.uvlambda.deploy.reconcile;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Lambda execution role as the configuration wants it. A role several functions name carries the
 * union of what they need: every log group, every queue, every managed policy.
 *
 * @param pluginPolicies the plugin's least-privilege inline policies ({@code uv-lambda-*})
 * @param userPolicies the user's inline policies by name
 * @param functions the functions that use it, for messages
 */
public record DesiredRole(
    String name,
    String arn,
    String description,
    Map<String, String> pluginPolicies,
    Map<String, String> userPolicies,
    Set<String> managedPolicyArns,
    Map<String, String> tags,
    List<String> functions) {

  public DesiredRole {
    pluginPolicies = Map.copyOf(pluginPolicies);
    userPolicies = Map.copyOf(userPolicies);
    managedPolicyArns = Set.copyOf(managedPolicyArns);
    tags = Map.copyOf(tags);
    functions = List.copyOf(functions);
  }

  /** Every inline policy, the plugin's and the user's. */
  public Map<String, String> inlinePolicies() {
    Map<String, String> all = new java.util.TreeMap<>(pluginPolicies);
    all.putAll(userPolicies);
    return all;
  }
}
