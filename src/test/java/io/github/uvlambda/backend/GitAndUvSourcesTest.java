package io.github.uvlambda.backend;

import static io.github.uvlambda.backend.LocalPackagesTest.exported;
import static io.github.uvlambda.backend.LocalPackagesTest.hatchlingMember;
import static io.github.uvlambda.backend.LocalPackagesTest.pkg;
import static io.github.uvlambda.backend.LocalPackagesTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.testing.MachineTools;
import io.github.uvlambda.testing.UvTestDouble;
import io.github.uvlambda.uv.LockPackage;
import io.github.uvlambda.uv.LockSource;
import io.github.uvlambda.wheel.SelectedWheel;
import io.github.uvlambda.wheel.WheelCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** git sources from a local bare repository, and the {@code uv build --wheel} fallback. */
class GitAndUvSourcesTest {
  @TempDir Path temp;

  private static String git(Path dir, String... args) throws Exception {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out.strip();
  }

  /** A bare repository whose commit holds a hatchling member under {@code python/shared}. */
  private String[] bareRepository() throws Exception {
    Path work = temp.resolve("work");
    hatchlingMember(work.resolve("python/shared"), "shared", "0.9.0");
    git(temp, "init", "-q", "-b", "main", work.toString());
    git(work, "add", ".");
    git(work, "commit", "-q", "-m", "shared library");
    String commit = git(work, "rev-parse", "HEAD");
    git(temp, "clone", "-q", "--bare", work.toString(), temp.resolve("repo.git").toString());
    // A later commit: the lock pins the first one, which must be the one built.
    write(work, "python/shared/src/shared/__init__.py", "GREETING = 'changed'\n");
    git(work, "commit", "-q", "-am", "later");
    git(work, "push", "-q", temp.resolve("repo.git").toString(), "main");
    return new String[] {temp.resolve("repo.git").toUri().toString(), commit};
  }

  @Test
  void aGitSourceIsCheckedOutAtTheLockedCommitHonouringSubdirectoryAndCachedByCommit()
      throws Exception {
    String[] repo = bareRepository();
    Path cache = temp.resolve("cache");
    LockPackage shared =
        pkg(
            "shared",
            "0.9.0",
            LockSource.Kind.GIT,
            repo[0] + "?subdirectory=python%2Fshared&rev=main#" + repo[1]);
    LocalPackages local = new LocalPackages(temp, cache, null, BuildLog.SILENT);

    SelectedWheel w = local.build(exported(shared), "g").get(shared.id());
    Path wheel = new WheelCache(cache).lookup(w.sha256(), w.filename().filename()).orElseThrow();
    assertThat(
            new String(
                BackendOracleTest.read(wheel).get("shared/__init__.py"), StandardCharsets.UTF_8))
        .isEqualTo("GREETING = 'hi'\n");
    assertThat(cache.resolve("git").resolve(repo[1]).resolve("python/shared/pyproject.toml"))
        .isRegularFile();

    // Cached by commit: the repository is no longer needed.
    GitCheckout.deleteQuietly(temp.resolve("repo.git"));
    assertThat(local.build(exported(shared), "g").get(shared.id()).sha256()).isEqualTo(w.sha256());
  }

  @Test
  void withoutGitTheErrorNamesThePackageTheRepositoryAndTheFix() {
    GitCheckout checkout =
        new GitCheckout(temp, BuildLog.SILENT, temp.resolve("empty-bin").toString());
    assertThatThrownBy(
            () ->
                checkout.checkout(
                    GitCheckout.Source.parse(
                        "https://example.invalid/org/repo?rev=main#" + "a".repeat(40), null),
                    "shared (git)"))
        .hasMessageContaining(
            "shared (git) comes from the git repository https://example.invalid/org/repo")
        .hasMessageContaining("no git executable is on the PATH")
        .hasMessageContaining("Install git");
  }

  @Test
  void aSourceWithoutACommitIsRefused() {
    assertThatThrownBy(
            () -> GitCheckout.Source.parse("https://example.invalid/org/repo?rev=main", null))
        .hasMessageContaining("without its commit");
  }

  /**
   * The uv fallback. uv is not installed on this machine, so uv is the TEST DOUBLE {@link
   * UvTestDouble}, whose {@code uv build --wheel --out-dir DIR SRC} runs the package's real build
   * backend through {@code pip wheel} from the local PyPI mirror, as uv would.
   */
  @Test
  void whatJavaCannotBuildIsBuiltByUvBuildWheelAndCachedByTreeDigest() throws Exception {
    String index = MachineTools.mirrorWith("setuptools", "wheel").orElse(null);
    MachineTools.require(
        index != null && MachineTools.python311().isPresent(),
        "python3.11 and a local PyPI mirror with setuptools");
    UvTestDouble uv =
        UvTestDouble.create(temp.resolve("uv"), MachineTools.python311().get(), temp, index);

    Path workspace = temp.resolve("ws");
    write(
        workspace,
        "libs/legacy/pyproject.toml",
        "[build-system]\nrequires = [\"setuptools>=70\"]\nbuild-backend = \"setuptools.build_meta\"\n\n"
            + "[project]\nname = \"legacy\"\ndynamic = [\"version\"]\n");
    write(
        workspace,
        "libs/legacy/setup.py",
        "import pathlib\nfrom setuptools import setup\n"
            + "setup(version=pathlib.Path(__file__).with_name('VERSION').read_text().strip(), py_modules=['legacy'])\n");
    write(workspace, "libs/legacy/VERSION", "3.2.1\n");
    write(workspace, "libs/legacy/legacy.py", "VALUE = 42\n");
    LockPackage legacy = pkg("legacy", "3.2.1", LockSource.Kind.DIRECTORY, "libs/legacy");
    Path cache = temp.resolve("cache");
    LocalPackages local = new LocalPackages(workspace, cache, uv.executable(), BuildLog.SILENT);

    Map<io.github.uvlambda.uv.PackageId, SelectedWheel> built = local.build(exported(legacy), "g");
    SelectedWheel w = built.get(legacy.id());
    assertThat(w.filename().filename()).isEqualTo("legacy-3.2.1-py3-none-any.whl");
    Path wheel = new WheelCache(cache).lookup(w.sha256(), w.filename().filename()).orElseThrow();
    assertThat(new String(BackendOracleTest.read(wheel).get("legacy.py"), StandardCharsets.UTF_8))
        .isEqualTo("VALUE = 42\n");
    assertThat(uv.calls()).hasSize(1).allMatch(l -> l.startsWith("build --wheel --out-dir "));

    local.build(exported(legacy), "g");
    assertThat(uv.calls()).as("an unchanged tree is built once").hasSize(1);
  }
}
