package io.github.uvlambda.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.uvlambda.lambda.LambdaLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads an extra inline IAM policy, from the POM or from a file, and checks that it is JSON with a
 * {@code Statement}; what AWS would reject later is reported before any work.
 */
final class InlinePolicyLoader {
  private final Path basedir;
  private final ObjectMapper json = new ObjectMapper();

  InlinePolicyLoader(Path basedir) {
    this.basedir = basedir;
  }

  Optional<InlinePolicy> load(FunctionSettings.PolicySettings p, FunctionProblems problems) {
    if (p.name() == null || !LambdaLimits.INLINE_POLICY_NAME.matcher(p.name()).matches()) {
      problems.about(
          "inlinePolicies",
          "entry has name '"
              + p.name()
              + "': give each <inlinePolicy> a <name> of 1 to 128 letters, digits and +=,.@_- characters.");
      return Optional.empty();
    }
    String subject = "<inlinePolicy> '" + p.name() + "'";
    String doc = p.document();
    String origin = "inline";
    if (p.file() != null) {
      Path file = basedir.resolve(p.file()).normalize();
      origin = file.toString();
      try {
        doc = Files.readString(file);
      } catch (IOException e) {
        problems.about(null, subject + " <file> " + file + " cannot be read: " + e.getMessage());
        return Optional.empty();
      }
    }
    if (doc == null || doc.isBlank()) {
      problems.about(
          null,
          subject
              + " has neither <document> nor <file>: give the policy JSON inline or in a file.");
      return Optional.empty();
    }
    try {
      JsonNode tree = json.readTree(doc);
      if (tree == null || !tree.isObject() || !tree.has("Statement")) {
        problems.about(
            null, subject + " (" + origin + ") is not an IAM policy: it needs a \"Statement\".");
        return Optional.empty();
      }
    } catch (IOException e) {
      problems.about(
          null,
          subject
              + " ("
              + origin
              + ") is not valid JSON: "
              + e.getMessage().lines().findFirst().orElse(""));
      return Optional.empty();
    }
    return Optional.of(new InlinePolicy(p.name(), doc, origin));
  }
}
