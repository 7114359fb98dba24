package io.github.uvlambda.deploy.reconcile;

import java.util.Map;
import java.util.Set;

/**
 * An existing IAM role with its policies.
 *
 * @param roleId IAM's unique ID ({@code AROA...})
 * @param trustPolicy the assume-role policy document, decoded
 * @param inlinePolicies inline policy documents by name, decoded
 */
public record RoleState(
    String name,
    String arn,
    String roleId,
    String description,
    String trustPolicy,
    Map<String, String> tags,
    Map<String, String> inlinePolicies,
    Set<String> attachedPolicyArns) {

  public RoleState {
    tags = Map.copyOf(tags);
    inlinePolicies = Map.copyOf(inlinePolicies);
    attachedPolicyArns = Set.copyOf(attachedPolicyArns);
  }
}
