package io.github.uvlambda.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.lambda.RuntimeProvidedPackages;
import io.github.uvlambda.testing.TestProject;
import io.github.uvlambda.testing.TestWheel;
import io.github.uvlambda.uv.ExportOptions;
import io.github.uvlambda.uv.ExportedPackage;
import io.github.uvlambda.uv.LockExporter;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.uv.LockPackage;
import io.github.uvlambda.wheel.WheelRequirements;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision on real locks and wheel metadata, against the shipped table: python3.11 provides
 * boto3 1.27.1 and botocore 1.30.1 and the other five at versions the table does not know.
 */
class RuntimePackageExclusionTest {
  static final LambdaRuntime PY311 = new LambdaRuntime("3.11", Architecture.X86_64);

  @TempDir Path tmp;

  /** The SDK as python3.11's runtime has it, with the dependency ranges of those releases. */
  static TestProject sdk(Path dir, String boto3, String botocore) {
    return new TestProject(dir)
        .add(
            "boto3",
            boto3,
            new TestWheel("boto3", boto3)
                .file("boto3/__init__.py", "")
                .requires("botocore<1.31.0,>=" + botocore)
                .requires("jmespath<2.0.0,>=0.7.1")
                .requires("s3transfer<0.7.0,>=0.6.0")
                .requires("botocore[crt]<2.0a0,>=1.21.0; extra == \"crt\""))
        .addTransitive(
            "botocore",
            botocore,
            new TestWheel("botocore", botocore)
                .file("botocore/__init__.py", "")
                .requires("jmespath<2.0.0,>=0.7.1")
                .requires("python-dateutil<3.0.0,>=2.1")
                .requires("urllib3<1.27,>=1.25.4"))
        .addTransitive(
            "s3transfer",
            "0.6.2",
            new TestWheel("s3transfer", "0.6.2")
                .file("s3transfer/__init__.py", "")
                .requires("botocore<2.0a.0,>=1.12.36"))
        .addTransitive(
            "jmespath",
            "1.0.1",
            new TestWheel("jmespath", "1.0.1").file("jmespath/__init__.py", ""))
        .addTransitive(
            "urllib3",
            "1.26.18",
            new TestWheel("urllib3", "1.26.18").file("urllib3/__init__.py", ""))
        .addTransitive(
            "python-dateutil",
            "2.8.2",
            new TestWheel("python-dateutil", "2.8.2")
                .file("dateutil/__init__.py", "")
                .requires("six>=1.5"))
        .addTransitive("six", "1.16.0", new TestWheel("six", "1.16.0").file("six.py", ""))
        .dependsOn("boto3", "botocore", "jmespath", "s3transfer")
        .dependsOn("botocore", "jmespath", "python-dateutil", "urllib3")
        .dependsOn("s3transfer", "botocore")
        .dependsOn("python-dateutil", "six");
  }

  RuntimePackageExclusion.Decision decide(TestProject project, LambdaRuntime runtime)
      throws Exception {
    Path dir = project.write();
    LockFiles files = LockFiles.read(dir);
    List<ExportedPackage> exported =
        new LockExporter()
            .export(
                files.pyproject(),
                files.lock(BuildLog.SILENT),
                ExportOptions.forLayer("fn", Set.of()),
                runtime.markerEnvironment());
    List<LockPackage> layer = exported.stream().map(ExportedPackage::lockPackage).toList();
    Path wheels = project.index().resolve("files");
    return new RuntimePackageExclusion(RuntimeProvidedPackages.load(), runtime)
        .decide(
            layer,
            p ->
                WheelRequirements.read(
                    wheels.resolve(new TestWheel(p.name().value(), p.version()).filename())));
  }

  static String reason(RuntimePackageExclusion.Decision d, String name) {
    return d.kept().stream()
        .filter(k -> k.name().equals(name))
        .map(RuntimePackageExclusion.Kept::reason)
        .findFirst()
        .orElse(null);
  }

  @Test
  void theRuntimesOwnVersionsAreLeftOutAndTheRestKept() throws Exception {
    var d = decide(sdk(tmp.resolve("l"), "1.27.1", "1.30.1"), PY311);
    assertThat(d.excludedNames()).containsExactly("boto3", "botocore");
    assertThat(d.excluded()).allMatch(e -> e.source().equals("aws-runtimes-2023"));
    assertThat(reason(d, "urllib3")).contains("version there is not known");
    assertThat(d.kept())
        .extracting(RuntimePackageExclusion.Kept::name)
        .containsExactlyInAnyOrder("jmespath", "python-dateutil", "s3transfer", "six", "urllib3");
  }

  @Test
  void aPinNewerThanTheRuntimesStaysAndSaysWhy() throws Exception {
    var d = decide(sdk(tmp.resolve("l"), "1.43.107", "1.43.107"), PY311);
    assertThat(d.excluded()).isEmpty();
    assertThat(reason(d, "boto3"))
        .contains("newer than python3.11's 1.27.1")
        .contains("the code may need that");
  }

  @Test
  void aKeptPackageThatNeedsLessThanTheRuntimeHasKeepsTheLockedOne() throws Exception {
    // aiobotocore pins botocore to a narrow range; the runtime's newer botocore is outside it.
    TestProject p =
        sdk(tmp.resolve("l"), "1.26.161", "1.29.161")
            .add(
                "aiobotocore",
                "2.5.2",
                new TestWheel("aiobotocore", "2.5.2")
                    .file("aiobotocore/__init__.py", "")
                    .requires("botocore<1.29.162,>=1.29.161"))
            .dependsOn("aiobotocore", "botocore");
    var d = decide(p, PY311);
    assertThat(reason(d, "botocore"))
        .isEqualTo(
            "aiobotocore 2.5.2 requires botocore<1.29.162,>=1.29.161, which python3.11's 1.30.1"
                + " does not meet");
    assertThat(d.excludedNames()).doesNotContain("botocore");
  }

  @Test
  void anOlderPinWhoseDependenciesStayInTheLayerStaysToo() throws Exception {
    // The runtime's botocore 1.30.1 would import the layer's urllib3, jmespath and dateutil; what
    // 1.30.1 accepts of them is not in this lock (it pins 1.29.90), so botocore stays.
    var d = decide(sdk(tmp.resolve("l"), "1.26.90", "1.29.90"), PY311);
    assertThat(reason(d, "botocore"))
        .contains("python3.11's botocore 1.30.1 would load the layer's")
        .contains("pin botocore==1.30.1 to leave it out");
    assertThat(d.excluded()).isEmpty();
  }

  @Test
  void aRuntimeWhoseVersionsAreNotPublishedKeepsEverything() throws Exception {
    LambdaRuntime py314 = new LambdaRuntime("3.14", Architecture.X86_64);
    var d = decide(sdk(tmp.resolve("l"), "1.27.1", "1.30.1").requiresPython(">=3.10"), py314);
    assertThat(d.excluded()).isEmpty();
    assertThat(reason(d, "boto3"))
        .contains("python3.14 provides it, but its version there is not known");
  }
}
