package io.github.uvlambda.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonValuesTest {

  /** Jackson reads every value the same way (integers as Long, as JsonValues does). */
  private static final ObjectMapper JACKSON =
      new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

  @Test
  void readsWhatJacksonReads() throws IOException {
    List<String> documents =
        List.of(
            "{}",
            "[]",
            " {\"a\" : [1, -2, 0, 3.5, -0.25e3, 1E+2, 9223372036854775807], \"b\":{\"c\":null}}\n",
            "[\"x\\\"y\\\\z\\/\\b\\f\\n\\r\\t\", \"\\u00e9\\u20AC caf\u00e9 \uD83D\uDE00\"]",
            "{\"t\": true, \"f\": false, \"n\": null, \"dup\": 1, \"dup\": 2}",
            "\t[ [ ], { }, \"\" ]\r\n",
            "42",
            "\"alone\"");
    for (String json : documents) {
      assertThat(JsonValues.parse(json)).as(json).isEqualTo(JACKSON.readValue(json, Object.class));
    }
  }

  @Test
  void refusesWhatIsNotJson() {
    List<String> documents =
        List.of(
            "",
            "{",
            "{\"a\" 1}",
            "{\"a\": 1,}",
            "[1 2]",
            "[1,]",
            "{a: 1}",
            "[01]",
            "[1.]",
            "[.5]",
            "[-]",
            "[1e]",
            "[\"open]",
            "[\"bad \\x escape\"]",
            "[\"bad \\u12G4\"]",
            "[\"tab\tinside\"]",
            "[tru]",
            "{} {}",
            "[99999999999999999999]");
    for (String json : documents) {
      assertThatThrownBy(() -> JsonValues.parse(json))
          .as(json)
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("not valid JSON: ");
    }
  }

  @Test
  void aLayerReportReadsBackAsWritten(@TempDir Path dir) throws IOException {
    LayerReport written =
        new LayerReport(
            "python3.12/arm64",
            36_851_121L,
            5_000_000_000L,
            3554,
            List.of(
                new LayerReport.PackageSize("annotated-types", "0.8.0", 36347, 7),
                new LayerReport.PackageSize("odd\"name\\", "1!2.0+local.\u00e9", 0, 0)));
    Path zip = dir.resolve("deps.zip");
    written.write(zip);

    assertThat(LayerReport.read(zip)).isEqualTo(written);
    assertThat(JACKSON.readValue(Files.readString(LayerReport.fileFor(zip)), Map.class))
        .containsEntry("unzippedSize", 5_000_000_000L);
  }

  @Test
  void aFileThatIsNotAReportIsRefused(@TempDir Path dir) throws IOException {
    Path zip = dir.resolve("deps.zip");
    Files.writeString(LayerReport.fileFor(zip), "{\"runtime\": \"python3.12/arm64\"}");

    assertThatThrownBy(() -> LayerReport.read(zip))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("deps.zip.json is not a layer report");
  }
}
