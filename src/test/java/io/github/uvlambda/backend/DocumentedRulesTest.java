package io.github.uvlambda.backend;

import static io.github.uvlambda.backend.LocalPackagesTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of uv_build and pdm-backend (no wheel of either on the local mirror, so they are tested
 * from their documentation, cited in each name), and what makes a tree need its real backend.
 */
class DocumentedRulesTest {
  @TempDir Path root;

  private void pyproject(String backend, String extra) throws IOException {
    write(
        root,
        "pyproject.toml",
        "[build-system]\nrequires = [\"x\"]\nbuild-backend = \""
            + backend
            + "\"\n\n[project]\nname = \"Acme.Utils\"\nversion = \"1.0\"\n"
            + extra);
  }

  private JavaWheelBuilder.Analysis analyse() {
    return JavaWheelBuilder.analyse(SourceTree.read(root, "t"), null);
  }

  private java.util.Set<String> wheelFiles() {
    JavaWheelBuilder.Analysis a = analyse();
    assertThat(a.obstacles()).isEmpty();
    return a.files().files().keySet();
  }

  @Test
  void uvBuild_moduleRootDefaultsToSrc_moduleNameIsTheNameWithDotsAndDashesAsUnderscores()
      throws IOException {
    pyproject("uv_build", "");
    write(root, "src/acme_utils/__init__.py", "");
    write(root, "src/acme_utils/data/x.json", "{}");
    write(root, "src/acme_utils/__pycache__/a.cpython-311.pyc", "");
    write(root, "src/acme_utils/b.pyc", "");
    write(root, "src/other/__init__.py", "");
    assertThat(wheelFiles()).containsExactly("acme_utils/__init__.py", "acme_utils/data/x.json");
    assertThat(BuildBackend.UV_BUILD.rules().distributionFileName("Acme.Utils"))
        .isEqualTo("acme_utils");
  }

  @Test
  void uvBuild_emptyModuleRootIsAFlatLayout_wheelExcludeGlobs() throws IOException {
    pyproject(
        "uv_build",
        "\n[tool.uv.build-backend]\nmodule-root = \"\"\nmodule-name = \"acme\"\nwheel-exclude = [\"**/tests/**\"]\n");
    write(root, "acme/__init__.py", "");
    write(root, "acme/tests/test_a.py", "");
    assertThat(wheelFiles()).containsExactly("acme/__init__.py");
  }

  @Test
  void uvBuild_aDottedModuleNameIsANamespacePackage() throws IOException {
    pyproject("uv_build", "\n[tool.uv.build-backend]\nmodule-name = \"acme.utils\"\n");
    write(root, "src/acme/utils/__init__.py", "");
    write(root, "src/acme/other/__init__.py", "");
    assertThat(wheelFiles()).containsExactly("acme/utils/__init__.py");
  }

  @Test
  void uvBuild_theModuleDirectoryNeedsAnInitPy() throws IOException {
    pyproject("uv_build", "");
    write(root, "src/acme_utils/core.py", "");
    assertThatThrownBy(this::analyse)
        .hasMessageContaining(
            "uv_build expects the module acme_utils at src/acme_utils/__init__.py");
  }

  @Test
  void pdm_packageDirDefaultsToSrc_topLevelPackagesWithTheirDataFiles_testsExcluded()
      throws IOException {
    pyproject("pdm.backend", "");
    write(root, "src/acme/__init__.py", "");
    write(root, "src/acme/schema.json", "{}");
    write(root, "src/acme/__pycache__/x.pyc", "");
    write(root, "src/notapackage/readme.txt", "");
    write(root, "tests/test_x.py", "");
    assertThat(wheelFiles()).containsExactly("acme/__init__.py", "acme/schema.json");
  }

  @Test
  void pdm_withoutPackagesTheTopLevelModulesOfPackageDir() throws IOException {
    pyproject("pdm.backend", "\n[tool.pdm.build]\npackage-dir = \".\"\n");
    write(root, "acme_utils.py", "");
    write(root, "docs/conf.txt", "");
    assertThat(wheelFiles()).containsExactly("acme_utils.py");
  }

  @Test
  void pdm_theMoreSpecificPatternWinsBetweenIncludesAndExcludes() throws IOException {
    pyproject(
        "pdm.backend",
        "\n[tool.pdm.build]\nincludes = [\"src\", \"src/acme/keep.json\"]\nexcludes = [\"**/*.json\"]\n");
    write(root, "src/acme/__init__.py", "");
    write(root, "src/acme/drop.json", "");
    write(root, "src/acme/keep.json", "");
    assertThat(wheelFiles()).containsExactly("acme/__init__.py", "acme/keep.json");
  }

  @Test
  void pdm_aPdmBuildPyHookNeedsTheRealBackend() throws IOException {
    pyproject("pdm.backend", "");
    write(root, "src/acme/__init__.py", "");
    write(root, "pdm_build.py", "def pdm_build_initialize(context): pass\n");
    assertThat(analyse().obstacles()).containsExactly("it has a pdm build hook (pdm_build.py)");
  }

  @Test
  void hatchling_buildHooksNeedTheRealBackend() throws IOException {
    pyproject(
        "hatchling.build",
        "\n[tool.hatch.build.targets.wheel.hooks.custom]\npath = \"hatch_build.py\"\n");
    assertThat(analyse().obstacles()).containsExactly("it uses hatch hooks (custom)");
  }

  @Test
  void setuptools_extModulesAndSetupPyLogicNeedTheRealBackend_aBareSetupCallDoesNot()
      throws IOException {
    pyproject(
        "setuptools.build_meta",
        "\n[tool.setuptools]\next-modules = [{ name = \"acme._speed\", sources = [\"speed.c\"] }]\n");
    write(root, "setup.py", "from setuptools import setup\nsetup()\n");
    assertThat(analyse().obstacles())
        .containsExactly("it compiles extension modules ([tool.setuptools] ext-modules)");
    assertThat(
            SetuptoolsRules.trivialSetupPy(
                "import setuptools\n\nif __name__ == '__main__':\n    setuptools.setup()\n"))
        .isTrue();
    assertThat(
            SetuptoolsRules.trivialSetupPy(
                "from setuptools import setup, Extension\nsetup(ext_modules=[Extension('a', ['a.c'])])\n"))
        .isFalse();
  }

  @Test
  void anUnknownBackendOrDynamicDependenciesNeedTheRealBackend() throws IOException {
    pyproject("scikit_build_core.build", "");
    assertThat(analyse().obstacles().get(0))
        .startsWith(
            "its build backend scikit_build_core.build is not one the plugin re-implements");
    write(
        root,
        "pyproject.toml",
        "[build-system]\nbuild-backend = \"hatchling.build\"\n\n[project]\nname = \"a\"\nversion = \"1\"\ndynamic = [\"dependencies\"]\n");
    write(root, "a/__init__.py", "");
    assertThat(analyse().obstacles())
        .containsExactly(
            "its [project] declares dependencies dynamic, which only its backend can compute");
  }

  @Test
  void poetry_legacyToolPoetryMetadataNeedsTheRealBackend() throws IOException {
    write(
        root,
        "pyproject.toml",
        "[build-system]\nbuild-backend = \"poetry.core.masonry.api\"\n\n[tool.poetry]\nname = \"a\"\nversion = \"1.0\"\n");
    assertThat(analyse().obstacles())
        .containsExactly("its metadata is in [tool.poetry] (Poetry 1 style), not in [project]");
  }

  @Test
  void gitignoreStylePatterns() {
    PathPatterns p =
        PathPatterns.of(
            java.util.List.of("*.log", "/build/", "docs/**/*.md", "!keep.log", "tests/"));
    assertThat(p.matches("a/b/debug.log")).isTrue();
    assertThat(p.matches("keep.log")).isFalse();
    assertThat(p.matches("build/x.py")).isTrue();
    assertThat(p.matches("pkg/build/x.py")).isFalse();
    assertThat(p.matches("docs/a/b/c.md")).isTrue();
    assertThat(p.matches("pkg/tests/test_a.py")).isTrue();
    assertThat(p.matches("pkg/tests.py")).isFalse();
  }
}
