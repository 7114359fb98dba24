package io.github.uvlambda.pep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionTest {

  @Test
  void parsesAndNormalizesLikePackaging() {
    List<String> failures = new ArrayList<>();
    List<String[]> rows = Vectors.read("versions.tsv");
    assertThat(rows).hasSizeGreaterThan(100);
    for (String[] row : rows) {
      Optional<Version> v = Version.tryParse(row[0]);
      if (row[1].equals("INVALID")) {
        if (v.isPresent()) {
          failures.add("'" + row[0] + "' should be invalid, parsed as " + v.get());
        }
        continue;
      }
      if (v.isEmpty()) {
        failures.add("'" + row[0] + "' should parse as " + row[1]);
        continue;
      }
      String got =
          v.get()
              + " pre="
              + v.get().isPrerelease()
              + " post="
              + v.get().isPostrelease()
              + " dev="
              + v.get().isDevrelease()
              + " public="
              + v.get().publicVersion();
      String want =
          row[1]
              + " pre="
              + row[2].toLowerCase()
              + " post="
              + row[3].toLowerCase()
              + " dev="
              + row[4].toLowerCase()
              + " public="
              + row[5];
      if (!got.equals(want)) {
        failures.add("'" + row[0] + "': got " + got + ", want " + want);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void ordersLikePackaging() {
    List<String> failures = new ArrayList<>();
    List<String[]> rows = Vectors.read("version_order.tsv");
    assertThat(rows).hasSizeGreaterThan(5000);
    for (String[] row : rows) {
      Version a = Version.parse(row[0]);
      Version b = Version.parse(row[1]);
      int want = Integer.parseInt(row[2]);
      int got = Integer.signum(a.compareTo(b));
      if (got != want) {
        failures.add(row[0] + " vs " + row[1] + ": got " + got + ", want " + want);
      }
      if ((want == 0) != a.equals(b) || (want == 0 && a.hashCode() != b.hashCode())) {
        failures.add(row[0] + " equals/hashCode disagree with ordering for " + row[1]);
      }
    }
    assertThat(failures).isEmpty();
  }
}
