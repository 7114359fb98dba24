package io.github.uvlambda.uv;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The {@code [package.metadata]} of a local package: the requirements the lock was made from. uv
 * uses it only to tell whether the lock is up to date, and so does this plugin.
 *
 * @param requiresDist the declared requirements, as inline tables ({@code name}, {@code specifier},
 *     {@code extras}, {@code marker}, source keys)
 * @param requiresDev the declared dependency groups, keyed by normalized group name
 * @param providesExtras null when the lock predates revision 1 and so did not record it
 */
public record LockMetadata(
    List<JsonNode> requiresDist,
    Map<String, List<JsonNode>> requiresDev,
    List<String> providesExtras) {}
