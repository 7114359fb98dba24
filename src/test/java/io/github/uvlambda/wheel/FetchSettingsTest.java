package io.github.uvlambda.wheel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.UvLambdaException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue #11, hole 5: each bad indexUrl names the parameter, the value and the form expected. */
class FetchSettingsTest {
  private static FetchSettings withIndex(String url) {
    return FetchSettings.direct(Path.of(".")).withIndex(url);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not a url | is not a URL",
        "http://[bad | is not a valid URL (Expected closing bracket for IPv6 address)",
        "ftp://mirror.example.com/simple | uses ftp://, which is not supported",
        "/srv/pypi/simple | is a plain path, not a URL (write a folder as file:///path/to/it)",
        "C:\\pypi\\simple | is a plain path",
        "https:///simple | has no host name",
        "mars-1 | is not a URL"
      })
  void badIndexUrlsAreAnErrorNamingTheParameterTheValueAndTheForm(String value, String problem) {
    assertThatThrownBy(() -> withIndex(value))
        .isInstanceOf(UvLambdaException.class)
        .hasMessageStartingWith("<indexUrl> is '" + value + "', which " + problem)
        .hasMessageContaining(
            "Expected the URL of a PEP 503 simple index: https://host/path/simple");
  }

  @Test
  void theErrorNeverShowsTheCredentials() {
    assertThatThrownBy(() -> withIndex("ftp://me:s3cret@mirror/simple"))
        .hasMessageStartingWith("<indexUrl> is 'ftp://***@mirror/simple'")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void credentialsInTheUrlBecomeTheIndexCredentials() {
    FetchSettings s = withIndex("https://deploy%40corp:p%2Bss+word@nexus.example.com/simple");
    assertThat(s.indexUrl()).isEqualTo("https://nexus.example.com/simple");
    assertThat(s.username()).isEqualTo("deploy@corp");
    assertThat(s.password()).isEqualTo("p+ss+word");
  }

  @Test
  void settingsXmlCredentialsWin() {
    FetchSettings s =
        new FetchSettings(
            "https://u:p@nexus/simple", "server-user", "server-pass", null, false, 1, 1, null);
    assertThat(s.indexUrl()).isEqualTo("https://nexus/simple");
    assertThat(s.username()).isEqualTo("server-user");
    assertThat(s.password()).isEqualTo("server-pass");
  }

  @Test
  void fileAndHttpIndexesAreAccepted() {
    assertThat(withIndex("file:///srv/pypi/simple").indexUrl())
        .isEqualTo("file:///srv/pypi/simple");
    assertThat(withIndex("http://127.0.0.1:8080/simple/").indexUrl())
        .isEqualTo("http://127.0.0.1:8080/simple/");
  }
}
