package io.github.uvlambda.function;

/**
 * An extra inline IAM policy for the function's role.
 *
 * @param document the policy JSON
 * @param origin where it came from, for messages (a file path or "inline")
 */
public record InlinePolicy(String name, String document, String origin) {}
