package io.github.uvlambda.function;

/**
 * A function's setting with where it came from: its own element, the plugin level, or a default.
 */
public record Inherited<T>(T value, Origin origin) {}
