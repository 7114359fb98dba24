package io.github.uvlambda.maven;

import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.wheel.FetchSettings;
import java.nio.file.Path;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Turns Maven's settings (offline flag, proxy, index server credentials) into the core's. */
final class MavenFetchSettings {
  private MavenFetchSettings() {}

  static FetchSettings from(
      Settings settings,
      boolean offline,
      SettingsDecrypter decrypter,
      String indexUrl,
      String indexServerId,
      int threads,
      Path lockDirectory) {
    String user = null;
    String password = null;
    if (indexServerId != null && !indexServerId.isBlank()) {
      Server server = settings.getServer(indexServerId);
      if (server == null) {
        throw new UvLambdaException(
            "<indexServerId> is '"
                + indexServerId
                + "', but settings.xml has no <server> with that <id>."
                + " Add one with the index credentials, or remove <indexServerId>.");
      }
      if (decrypter != null) {
        SettingsDecryptionResult r =
            decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem p : r.getProblems()) {
          if (p.getSeverity() != SettingsProblem.Severity.WARNING) {
            throw new UvLambdaException(
                "Cannot decrypt the password of <server> " + indexServerId + ": " + p.getMessage());
          }
        }
        server = r.getServer();
      }
      user = server.getUsername();
      password = server.getPassword();
    }
    FetchSettings.Proxy proxy = null;
    Proxy active = settings.getActiveProxy();
    if (active != null) {
      String proxyPassword = active.getPassword();
      if (decrypter != null) {
        SettingsDecryptionResult r =
            decrypter.decrypt(new DefaultSettingsDecryptionRequest(active));
        if (r.getProxy() != null) {
          proxyPassword = r.getProxy().getPassword();
        }
      }
      proxy =
          new FetchSettings.Proxy(
              active.getHost(),
              active.getPort(),
              active.getUsername(),
              proxyPassword,
              active.getNonProxyHosts());
    }
    return new FetchSettings(
        indexUrl == null || indexUrl.isBlank() ? null : indexUrl.strip(),
        user,
        password,
        proxy,
        offline,
        Math.max(1, threads),
        3,
        lockDirectory);
  }
}
