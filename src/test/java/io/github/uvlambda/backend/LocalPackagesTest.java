package io.github.uvlambda.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.pep.PackageName;
import io.github.uvlambda.uv.ExportedPackage;
import io.github.uvlambda.uv.LockArtifact;
import io.github.uvlambda.uv.LockPackage;
import io.github.uvlambda.uv.LockSource;
import io.github.uvlambda.uv.PackageId;
import io.github.uvlambda.wheel.SelectedWheel;
import io.github.uvlambda.wheel.WheelCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPackagesTest {
  @TempDir Path workspace;
  @TempDir Path cache;

  static LockPackage pkg(String name, String version, LockSource.Kind kind, String value) {
    return pkg(name, version, kind, value, List.of());
  }

  static LockPackage pkg(
      String name, String version, LockSource.Kind kind, String value, List<LockArtifact> wheels) {
    return new LockPackage(
        new PackageId(PackageName.of(name), version, new LockSource(kind, value, null)),
        List.of(),
        Map.of(),
        Map.of(),
        null,
        wheels,
        null,
        List.of());
  }

  static List<ExportedPackage> exported(LockPackage... packages) {
    return java.util.Arrays.stream(packages).map(p -> new ExportedPackage(p, "")).toList();
  }

  static void write(Path root, String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  static void hatchlingMember(Path dir, String name, String version) throws IOException {
    write(
        dir,
        "pyproject.toml",
        "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n"
            + "[project]\nname = \""
            + name
            + "\"\nversion = \""
            + version
            + "\"\ndependencies = [\"pydantic>=2\"]\n");
    String module = name.replace('-', '_');
    write(dir, "src/" + module + "/__init__.py", "GREETING = 'hi'\n");
    write(dir, "src/" + module + "/__pycache__/x.cpython-311.pyc", "junk");
  }

  private LocalPackages local() {
    return new LocalPackages(workspace, cache, null, BuildLog.SILENT);
  }

  @Test
  void workspaceMemberIsBuiltInJavaAndKeptInTheWheelCache() throws IOException {
    hatchlingMember(workspace.resolve("libs/common"), "common", "0.3.0");
    LockPackage common = pkg("common", "0.3.0", LockSource.Kind.EDITABLE, "libs/common");

    Map<PackageId, SelectedWheel> built = local().build(exported(common), "group fn");

    SelectedWheel w = built.get(common.id());
    assertThat(w.filename().filename()).isEqualTo("common-0.3.0-py3-none-any.whl");
    Path cached = new WheelCache(cache).lookup(w.sha256(), w.filename().filename()).orElseThrow();
    assertThat(BackendOracleTest.read(cached).keySet())
        .containsExactly(
            "common-0.3.0.dist-info/METADATA",
            "common-0.3.0.dist-info/RECORD",
            "common-0.3.0.dist-info/WHEEL",
            "common/__init__.py");
    assertThat(
            new String(
                BackendOracleTest.read(cached).get("common-0.3.0.dist-info/METADATA"),
                StandardCharsets.UTF_8))
        .contains("Name: common\n", "Version: 0.3.0\n", "Requires-Dist: pydantic>=2\n");
  }

  @Test
  void editableAndDirectorySourcesInstallTheSameWheel() throws IOException {
    hatchlingMember(workspace.resolve("libs/common"), "common", "1.0");
    SelectedWheel editable =
        local()
            .build(exported(pkg("common", "1.0", LockSource.Kind.EDITABLE, "libs/common")), "g")
            .values()
            .iterator()
            .next();
    SelectedWheel directory =
        local()
            .build(exported(pkg("common", "1.0", LockSource.Kind.DIRECTORY, "libs/common")), "g")
            .values()
            .iterator()
            .next();
    assertThat(directory.sha256()).isEqualTo(editable.sha256());
  }

  @Test
  void theFingerprintFollowsTheTreeContentButNotBytecodeOrCaches() throws IOException {
    Path member = workspace.resolve("libs/common");
    hatchlingMember(member, "common", "1.0");
    List<ExportedPackage> e =
        exported(pkg("common", "1.0", LockSource.Kind.EDITABLE, "libs/common"));
    String before = local().fingerprints(e).values().iterator().next();

    write(member, "src/common/__pycache__/y.cpython-311.pyc", "more junk");
    write(member, ".venv/lib/site.py", "x");
    assertThat(local().fingerprints(e).values().iterator().next()).isEqualTo(before);

    write(member, "src/common/__init__.py", "GREETING = 'hello'\n");
    assertThat(local().fingerprints(e).values().iterator().next()).isNotEqualTo(before);
  }

  @Test
  void withoutUvEveryPackageJavaCannotBuildIsNamedInOneErrorWithBothWaysOut() throws IOException {
    hatchlingMember(workspace.resolve("libs/common"), "common", "1.0");
    write(
        workspace.resolve("libs/fast"),
        "pyproject.toml",
        "[build-system]\nrequires = [\"maturin\"]\nbuild-backend = \"maturin\"\n\n"
            + "[project]\nname = \"fast\"\nversion = \"1.0\"\n\n[tool.maturin]\nfeatures = []\n");
    write(
        workspace.resolve("libs/legacy"),
        "setup.py",
        "import os\nfrom setuptools import setup\nsetup(name='legacy', version=os.environ['V'])\n");

    assertThatThrownBy(
            () ->
                local()
                    .build(
                        exported(
                            pkg("common", "1.0", LockSource.Kind.EDITABLE, "libs/common"),
                            pkg("fast", "1.0", LockSource.Kind.EDITABLE, "libs/fast"),
                            pkg("legacy", "1.0", LockSource.Kind.DIRECTORY, "libs/legacy")),
                        "group fn"))
        .isInstanceOfSatisfying(
            LocalBuildNeedsUvException.class,
            e ->
                assertThat(e.reasons().keySet())
                    .containsExactly("fast (editable libs/fast)", "legacy (directory libs/legacy)"))
        .hasMessageContaining("group fn needs 2 local packages")
        .hasMessageContaining(
            "fast (editable libs/fast): it compiles a Rust extension ([tool.maturin])")
        .hasMessageContaining("legacy (directory libs/legacy): its setup.py runs code")
        .hasMessageContaining("install uv")
        .hasMessageContaining("publish them as a wheel to your package index")
        .hasMessageNotContaining("common (");
  }

  @Test
  void aDynamicVersionComesFromTheLock() throws IOException {
    Path member = workspace.resolve("libs/common");
    hatchlingMember(member, "common", "1.0");
    Files.writeString(
        member.resolve("pyproject.toml"),
        Files.readString(member.resolve("pyproject.toml"))
                .replace("version = \"1.0\"", "dynamic = [\"version\"]")
            + "\n[tool.hatch.version]\nsource = \"vcs\"\n");
    SelectedWheel w =
        local()
            .build(exported(pkg("common", "2.5.1", LockSource.Kind.EDITABLE, "libs/common")), "g")
            .values()
            .iterator()
            .next();
    assertThat(w.filename().filename()).isEqualTo("common-2.5.1-py3-none-any.whl");
  }

  @Test
  void aTreeThatNoLongerMatchesTheLockIsAStaleLock() throws IOException {
    hatchlingMember(workspace.resolve("libs/common"), "common", "1.1");
    assertThatThrownBy(
            () ->
                local()
                    .build(
                        exported(pkg("common", "1.0", LockSource.Kind.EDITABLE, "libs/common")),
                        "g"))
        .hasMessageContaining("uv.lock has common 1.0")
        .hasMessageContaining("Run `uv lock`");
  }

  @Test
  void aPathWheelIsUsedAsItIsAfterItsHashIsChecked() throws IOException {
    hatchlingMember(workspace.resolve("src-of-vendored"), "vendored", "4.0");
    Path wheel =
        JavaWheelBuilder.build(
            JavaWheelBuilder.analyse(
                SourceTree.read(workspace.resolve("src-of-vendored"), "v"), null),
            workspace.resolve("dist"));
    String sha =
        io.github.uvlambda.archive.Hashes.hex(io.github.uvlambda.archive.Hashes.sha256(wheel));
    LockArtifact artifact =
        new LockArtifact(wheel.getFileName().toString(), null, null, "sha256:" + sha, -1);
    LockPackage p =
        pkg(
            "vendored",
            "4.0",
            LockSource.Kind.PATH,
            "dist/" + wheel.getFileName(),
            List.of(artifact));
    assertThat(local().build(exported(p), "g").get(p.id()).sha256()).isEqualTo(sha);

    LockArtifact wrong =
        new LockArtifact(
            wheel.getFileName().toString(), null, null, "sha256:" + "0".repeat(64), -1);
    LockPackage stale =
        pkg("vendored", "4.0", LockSource.Kind.PATH, "dist/" + wheel.getFileName(), List.of(wrong));
    assertThatThrownBy(() -> local().build(exported(stale), "g"))
        .hasMessageContaining("but uv.lock expects " + "0".repeat(64));
  }

  @Test
  void aPathSdistIsUnpackedAndBuiltLikeATree() throws Exception {
    Path tree = workspace.resolve("build-area/vendored-2.0");
    hatchlingMember(tree, "vendored", "2.0");
    Files.createDirectories(workspace.resolve("dist"));
    Process tar =
        new ProcessBuilder(
                "tar",
                "czf",
                workspace.resolve("dist/vendored-2.0.tar.gz").toString(),
                "-C",
                workspace.resolve("build-area").toString(),
                "vendored-2.0")
            .start();
    assertThat(tar.waitFor()).isZero();
    LockPackage p = pkg("vendored", "2.0", LockSource.Kind.PATH, "dist/vendored-2.0.tar.gz");
    SelectedWheel w = local().build(exported(p), "g").get(p.id());
    Path cached = new WheelCache(cache).lookup(w.sha256(), w.filename().filename()).orElseThrow();
    assertThat(BackendOracleTest.read(cached)).containsKey("vendored/__init__.py");
  }
}
