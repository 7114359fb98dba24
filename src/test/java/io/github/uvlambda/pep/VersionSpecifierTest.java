package io.github.uvlambda.pep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionSpecifierTest {

  @Test
  void matchesLikePackaging() {
    List<String> failures = new ArrayList<>();
    List<String[]> rows = Vectors.read("specifiers.tsv");
    assertThat(rows).hasSizeGreaterThan(10000);
    for (String[] row : rows) {
      Optional<VersionSpecifier> spec = VersionSpecifier.tryParse(row[0]);
      if (row[2].equals("INVALID")) {
        if (spec.isPresent()) {
          failures.add("'" + row[0] + "' should be an invalid specifier");
        }
        continue;
      }
      if (spec.isEmpty()) {
        failures.add("'" + row[0] + "' should parse");
        continue;
      }
      boolean withPre = spec.get().contains(row[1], true);
      boolean withoutPre = spec.get().contains(row[1], false);
      if (withPre != Boolean.parseBoolean(row[2].toLowerCase())
          || withoutPre != Boolean.parseBoolean(row[3].toLowerCase())) {
        failures.add(
            row[0]
                + " contains "
                + row[1]
                + ": got "
                + withPre
                + "/"
                + withoutPre
                + ", want "
                + row[2]
                + "/"
                + row[3]);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void specifierSetsMatchLikePackaging() {
    List<String> failures = new ArrayList<>();
    for (String[] row : Vectors.read("specifier_sets.tsv")) {
      boolean got = VersionSpecifiers.parse(row[0]).contains(Version.parse(row[1]));
      if (got != Boolean.parseBoolean(row[2].toLowerCase())) {
        failures.add("'" + row[0] + "' contains " + row[1] + ": got " + got);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void canonicalFormIgnoresSpellingOrderAndTrailingZeros() {
    assertThat(VersionSpecifiers.parse(">= 1.0 , <2").canonical())
        .isEqualTo(VersionSpecifiers.parse("<2.0,>=1.0.0").canonical())
        .containsExactly("<2", ">=1");
    assertThat(VersionSpecifier.parse("==1.0.*").canonical()).isEqualTo("==1.0.*");
    assertThat(VersionSpecifier.parse("~= 1.4.0").canonical()).isEqualTo("~=1.4.0");
    assertThat(VersionSpecifier.parse("~=1.4").canonical())
        .isNotEqualTo(VersionSpecifier.parse("~=1.4.0").canonical());
  }
}
