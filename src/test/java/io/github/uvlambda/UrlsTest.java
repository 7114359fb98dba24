package io.github.uvlambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://user:token@host/simple | https://***@host/simple",
        "https://token@host:8443/simple/ | https://***@host:8443/simple/",
        "Downloading from http://u:p@127.0.0.1:80/simple into /x | Downloading from http://***@127.0.0.1:80/simple into /x",
        "two: https://a:b@h1/x and 'https://c:d@e@h2/y' | two: https://***@h1/x and 'https://***@h2/y'",
        "https://host/simple | https://host/simple",
        "mail someone@example.com | mail someone@example.com",
        "https://host/path/@scope/pkg | https://host/path/@scope/pkg"
      })
  void userInfoIsMaskedWherever(String text, String shown) {
    assertThat(Urls.redact(text)).isEqualTo(shown);
  }

  @Test
  void exceptionMessagesAreMaskedWhateverBuiltThem() {
    assertThat(new UvLambdaException("Cannot read https://me:s3cret@nexus/simple/x/").getMessage())
        .isEqualTo("Cannot read https://***@nexus/simple/x/")
        .doesNotContain("s3cret");
  }
}
