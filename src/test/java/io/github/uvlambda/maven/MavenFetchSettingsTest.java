package io.github.uvlambda.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.wheel.FetchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/** Maven's settings.xml (servers with encrypted passwords, the active proxy) as fetch settings. */
class MavenFetchSettingsTest {
  @TempDir Path tmp;

  private DefaultSettingsDecrypter decrypter(DefaultPlexusCipher cipher, String master)
      throws Exception {
    Path security = tmp.resolve("settings-security.xml");
    Files.writeString(
        security,
        "<settingsSecurity><master>"
            + cipher.encryptAndDecorate(master, "settings.security")
            + "</master></settingsSecurity>");
    return new DefaultSettingsDecrypter(
        new DefaultSecDispatcher(cipher, Map.of(), security.toString()));
  }

  @Test
  void encryptedServerAndProxyPasswordsAreDecrypted() throws Exception {
    DefaultPlexusCipher cipher = new DefaultPlexusCipher();
    Settings settings = new Settings();
    Server server = new Server();
    server.setId("wheels");
    server.setUsername("ci");
    server.setPassword(cipher.encryptAndDecorate("s3cret", "master-pw"));
    settings.addServer(server);
    Proxy proxy = new Proxy();
    proxy.setActive(true);
    proxy.setHost("proxy.internal");
    proxy.setPort(3128);
    proxy.setUsername("p");
    proxy.setPassword(cipher.encryptAndDecorate("proxy-pw", "master-pw"));
    proxy.setNonProxyHosts("localhost|*.internal");
    settings.addProxy(proxy);

    FetchSettings f =
        MavenFetchSettings.from(
            settings,
            true,
            decrypter(cipher, "master-pw"),
            " https://wheels.example/simple/ ",
            "wheels",
            4,
            tmp);

    assertThat(f.indexUrl()).isEqualTo("https://wheels.example/simple/");
    assertThat(f.username()).isEqualTo("ci");
    assertThat(f.password()).isEqualTo("s3cret");
    assertThat(f.offline()).isTrue();
    assertThat(f.threads()).isEqualTo(4);
    assertThat(f.proxy())
        .isEqualTo(
            new FetchSettings.Proxy(
                "proxy.internal", 3128, "p", "proxy-pw", "localhost|*.internal"));
  }

  @Test
  void anUnknownServerIdOrAnUndecryptablePasswordIsAClearError() throws Exception {
    DefaultPlexusCipher cipher = new DefaultPlexusCipher();
    Settings settings = new Settings();
    assertThatThrownBy(
            () ->
                MavenFetchSettings.from(
                    settings, false, decrypter(cipher, "m"), null, "wheels", 1, tmp))
        .hasMessageContaining("<indexServerId> is 'wheels'")
        .hasMessageContaining("no <server> with that <id>");

    Server server = new Server();
    server.setId("wheels");
    server.setUsername("ci");
    server.setPassword(cipher.encryptAndDecorate("s3cret", "another-master"));
    settings.addServer(server);
    assertThatThrownBy(
            () ->
                MavenFetchSettings.from(
                    settings, false, decrypter(cipher, "master-pw"), null, "wheels", 1, tmp))
        .hasMessageContaining("Cannot decrypt the password of <server> wheels");
  }

  @Test
  void withoutServerOrProxyTheFetchIsDirect() {
    FetchSettings f = MavenFetchSettings.from(new Settings(), false, null, "", null, 0, tmp);
    assertThat(f.indexUrl()).isNull();
    assertThat(f.username()).isNull();
    assertThat(f.proxy()).isNull();
    assertThat(f.threads()).isEqualTo(1);
  }
}
