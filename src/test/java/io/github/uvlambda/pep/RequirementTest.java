package io.github.uvlambda.pep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequirementTest {

  @Test
  void parsesLikePackaging() {
    Map<String, MarkerEnvironment> envs = MarkerTest.environments();
    List<String> failures = new ArrayList<>();
    for (String[] row : Vectors.read("requirements.tsv")) {
      Optional<Requirement> r = Requirement.tryParse(row[0]);
      if (row[1].equals("INVALID")) {
        if (r.isPresent()) {
          failures.add("'" + row[0] + "' should be invalid, got " + r.get());
        }
        continue;
      }
      if (r.isEmpty()) {
        failures.add("'" + row[0] + "' should parse");
        continue;
      }
      Requirement req = r.get();
      String specs =
          String.join(
              ",", req.specifiers().specifiers().stream().map(Object::toString).sorted().toList());
      String got =
          req.name()
              + "|"
              + String.join(",", req.extras())
              + "|"
              + specs
              + "|"
              + (req.url() == null ? "" : req.url());
      String want = row[1] + "|" + row[2] + "|" + row[3].replace(" ", "") + "|" + row[4];
      if (!got.replace(" ", "").equals(want)) {
        failures.add("'" + row[0] + "': got " + got + ", want " + want);
      }
      Marker expected = Marker.parse(row[5]);
      for (var env : envs.entrySet()) {
        if (req.marker().evaluate(env.getValue()) != expected.evaluate(env.getValue())) {
          failures.add("'" + row[0] + "': marker differs in " + env.getKey());
        }
      }
    }
    assertThat(failures).isEmpty();
  }
}
