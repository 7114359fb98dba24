package io.github.uvlambda.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What goes into code.zip, checked by building it and opening it: the reproductions of issue #11
 * (links out of the folder, secrets, junk, names that are not UTF-8).
 */
class SourceSelectionTest {
  @TempDir Path tmp;
  Path src;
  Path outside;

  @BeforeEach
  void sources() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    src = tmp.resolve("lambdas/my-worker");
    outside = tmp.resolve("home");
    write(src.resolve("my_worker/__init__.py"), "");
    write(src.resolve("my_worker/handler.py"), "def handler(e, c):\n    return 1\n");
    write(outside.resolve(".aws/credentials"), "[default]\naws_secret_access_key = s3cr3t\n");
    write(outside.resolve("shared/util.py"), "X = 1\n");
  }

  static void write(Path p, String content) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private Path zip() {
    return tmp.resolve("out/code.zip");
  }

  private CodePackager.Result build(SourceSelection.Rules rules) {
    return new CodePackager(BuildLog.SILENT)
        .packageCode(
            new CodePackager.Request(
                "my-worker",
                src,
                "my_worker.handler.handler",
                rules,
                zip(),
                ReproducibleZipWriter.DEFAULT_TIME));
  }

  private CodePackager.Result build() {
    return build(SourceSelection.Rules.of(List.of("**"), List.of()));
  }

  private Map<String, String> entries() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (ZipFile z = new ZipFile(zip().toFile())) {
      for (ZipEntry e : Collections.list(z.entries())) {
        out.put(
            e.getName(), new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private void assertRefused(String... fragments) {
    assertThatThrownBy(this::build)
        .isInstanceOf(UnsafeSourceFilesException.class)
        .hasMessageContaining("Function my-worker: code.zip was not built")
        .hasMessageContainingAll(fragments);
    assertThat(zip()).doesNotExist();
  }

  @Test
  void aLinkToAFileOutsideTheFolderIsRefused() throws IOException {
    Files.createSymbolicLink(src.resolve("leak"), Path.of("/etc/passwd"));
    Files.createSymbolicLink(
        src.resolve("my_worker/creds.txt"), outside.resolve(".aws/credentials"));
    assertRefused(
        "leak -> /etc/passwd, outside <sourceDir>",
        "my_worker/creds.txt -> " + outside.resolve(".aws/credentials"),
        "Copy what the function needs into <sourceDir>");
  }

  @Test
  void aLinkToAFolderOutsideTheFolderIsRefused() throws IOException {
    Files.createSymbolicLink(src.resolve("shared"), outside.resolve("shared"));
    assertRefused("shared -> " + outside.resolve("shared") + ", outside <sourceDir>");
  }

  @Test
  void aDanglingLinkIsRefusedInsteadOfDropped() throws IOException {
    Files.createSymbolicLink(src.resolve("my_worker/config.json"), Path.of("../missing.json"));
    assertRefused("my_worker/config.json -> ../missing.json, which does not exist");
  }

  @Test
  void aRelativeLinkThatClimbsOutIsRefused() throws IOException {
    Files.createSymbolicLink(
        src.resolve("my_worker/util.py"), Path.of("../../../home/shared/util.py"));
    assertRefused("my_worker/util.py -> ../../../home/shared/util.py, outside <sourceDir>");
  }

  @Test
  void linksInsideTheFolderAreZippedAsWhatTheyPointTo() throws IOException {
    write(src.resolve("common/settings.py"), "LEVEL = 'INFO'\n");
    Files.createSymbolicLink(
        src.resolve("my_worker/settings.py"), Path.of("../common/settings.py"));
    Files.createSymbolicLink(src.resolve("my_worker/common"), Path.of("../common"));
    build();
    assertThat(entries())
        .containsEntry("my_worker/settings.py", "LEVEL = 'INFO'\n")
        .containsEntry("my_worker/common/settings.py", "LEVEL = 'INFO'\n")
        .containsEntry("common/settings.py", "LEVEL = 'INFO'\n");
  }

  @Test
  void aLinkToItsOwnParentIsACycleNotAHang() throws IOException {
    Files.createSymbolicLink(src.resolve("my_worker/loop"), Path.of(".."));
    assertRefused("my_worker/loop -> .., a folder that contains the link: a cycle");
  }

  @Test
  void excludedLinksAreNotFollowedAtAll() throws IOException {
    Files.createSymbolicLink(src.resolve("leak"), Path.of("/etc/passwd"));
    Files.createDirectories(src.resolve(".venv/bin"));
    Files.createSymbolicLink(src.resolve(".venv/bin/python"), Path.of("/usr/bin/python3"));
    build(SourceSelection.Rules.of(List.of("**"), List.of("leak")));
    assertThat(entries()).containsOnlyKeys("my_worker/__init__.py", "my_worker/handler.py");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".env",
        ".env.production",
        "my_worker/.env.local",
        "key.pem",
        "my_worker/certs/server.key",
        "id_rsa",
        "id_rsa.pub",
        "id_ed25519",
        ".aws/credentials",
        ".aws/config",
        ".ssh/known_hosts",
        "client.p12",
        "client.PFX",
        ".netrc",
        ".pypirc",
        "credentials.json",
        "my_worker/credentials-prod.json"
      })
  void filesThatLookLikeSecretsAreRefused(String secret) throws IOException {
    write(src.resolve(secret), "secret\n");
    assertRefused(
        "Files that look like secrets",
        "- " + secret,
        "<excludes>",
        "<allowedSecretFile>" + secret + "</allowedSecretFile>");
  }

  @Test
  void allSecretsAreListedInOneError() throws IOException {
    write(src.resolve(".env"), "A=1\n");
    write(src.resolve("key.pem"), "-----BEGIN\n");
    Files.createSymbolicLink(src.resolve("creds.txt"), outside.resolve(".aws/credentials"));
    assertRefused("- .env", "- key.pem", "creds.txt -> ");
    assertThatThrownBy(this::build)
        .asInstanceOf(
            org.assertj.core.api.InstanceOfAssertFactories.type(UnsafeSourceFilesException.class))
        .satisfies(
            e -> {
              assertThat(e.secrets()).containsExactly(".env", "key.pem");
              assertThat(e.links()).singleElement().asString().startsWith("creds.txt -> ");
              assertThat(e.nonUtf8Names()).isEmpty();
            });
  }

  @Test
  void aLinkInsideTheFolderToASecretIsStillASecret() throws IOException {
    write(src.resolve(".aws/credentials"), "x\n");
    Files.createSymbolicLink(src.resolve("my_worker/creds.txt"), Path.of("../.aws/credentials"));
    assertRefused("my_worker/creds.txt (-> .aws/credentials)", "- .aws/credentials");
  }

  @Test
  void secretsCanBeExcludedOrAllowedOnPurpose() throws IOException {
    write(src.resolve(".env"), "A=1\n");
    write(src.resolve("certs/rds-ca.pem"), "public CA\n");
    build(
        new SourceSelection.Rules(
            List.of("**"), List.of(".env"), true, List.of("certs/rds-ca.pem")));
    assertThat(entries())
        .containsEntry("certs/rds-ca.pem", "public CA\n")
        .doesNotContainKey(".env");
  }

  @Test
  void junkIsLeftOutSilentlyButNotFoldersAPackageCouldBeNamedAfter() throws IOException {
    for (String junk :
        List.of(
            ".idea/workspace.xml",
            ".vscode/settings.json",
            "node_modules/x/index.js",
            ".tox/py311/log",
            ".nox/s/log",
            ".coverage",
            "htmlcov/index.html",
            "my_worker/__pycache__/handler.cpython-312.pyc",
            ".git/HEAD")) {
      write(src.resolve(junk), "junk\n");
    }
    write(src.resolve("build/__init__.py"), "");
    write(src.resolve("dist/__init__.py"), "");
    write(src.resolve("env/__init__.py"), "");
    build();
    assertThat(entries())
        .containsOnlyKeys(
            "build/__init__.py",
            "dist/__init__.py",
            "env/__init__.py",
            "my_worker/__init__.py",
            "my_worker/handler.py");
  }

  @Test
  void defaultExcludesCanBeTurnedOff() throws IOException {
    write(src.resolve("my_worker/tests/fixtures.py"), "F = 1\n");
    build(new SourceSelection.Rules(List.of("**"), List.of(), false, List.of()));
    assertThat(entries()).containsKey("my_worker/tests/fixtures.py");
  }

  @Test
  void namesThatAreNotUtf8AreAnErrorNamingTheFile() throws Exception {
    // Two of them used to collide on the same replacement name and crash the build.
    shell("touch \"$(printf 'my_worker/caf\\351.txt')\" \"$(printf 'my_worker/na\\357ve.txt')\"");
    assertRefused(
        "File names that are not valid UTF-8",
        "- my_worker/caf\\xE9.txt",
        "- my_worker/na\\xEFve.txt",
        "Rename them");
  }

  @Test
  void utf8NamesKeepTheirName() throws Exception {
    write(src.resolve("my_worker/données.json"), "{}\n");
    build();
    assertThat(entries()).containsKey("my_worker/données.json");
  }

  private void shell(String command) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", command).directory(src.toFile()).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }
}
