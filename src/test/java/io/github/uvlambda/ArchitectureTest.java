package io.github.uvlambda;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, executed: which package may use which, no cycles, Maven's
 * API only in {@code maven}, the AWS SDK only in {@code deploy}, thin Mojos. Breaking a rule fails
 * the build with the offending class and dependency.
 */
class ArchitectureTest {
  private static final String ROOT = "io.github.uvlambda";

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/maven/help/"))
            .importPackages(ROOT);
  }

  @Test
  void packagesDependOnlyDownwards() {
    ArchRule layers =
        Architectures.layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage(ROOT + "..")
            .layer("maven")
            .definedBy(ROOT + ".maven..")
            .layer("deploy")
            .definedBy(ROOT + ".deploy..")
            .layer("build")
            .definedBy(ROOT + ".build..")
            .optionalLayer("backend")
            .definedBy(ROOT + ".backend..")
            .layer("wheel")
            .definedBy(ROOT + ".wheel..")
            .layer("uv")
            .definedBy(ROOT + ".uv..")
            .layer("function")
            .definedBy(ROOT + ".function..")
            .layer("lambda")
            .definedBy(ROOT + ".lambda..")
            .layer("pep")
            .definedBy(ROOT + ".pep..")
            .layer("archive")
            .definedBy(ROOT + ".archive..")
            .whereLayer("maven")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("deploy")
            .mayOnlyBeAccessedByLayers("maven")
            .whereLayer("build")
            .mayOnlyBeAccessedByLayers("maven", "deploy")
            .whereLayer("backend")
            .mayOnlyBeAccessedByLayers("maven", "build")
            .whereLayer("wheel")
            .mayOnlyBeAccessedByLayers("maven", "build", "backend")
            .whereLayer("uv")
            .mayOnlyBeAccessedByLayers("maven", "build", "backend", "wheel")
            .whereLayer("function")
            .mayOnlyBeAccessedByLayers("maven", "deploy", "build")
            .whereLayer("lambda")
            .mayOnlyBeAccessedByLayers(
                "maven", "deploy", "build", "backend", "wheel", "uv", "function")
            .whereLayer("pep")
            .mayOnlyBeAccessedByLayers(
                "maven", "deploy", "build", "backend", "wheel", "uv", "function", "lambda")
            .whereLayer("archive")
            .mayOnlyBeAccessedByLayers("maven", "deploy", "build", "backend", "wheel", "uv");
    layers.check(main);
  }

  @Test
  void noCyclesBetweenPackages() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(main);
  }

  @Test
  void insideDeployTheReconcilersAndTheSdkPlumbingDoNotPointBackUp() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".deploy.reconcile..", ROOT + ".deploy.aws..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".deploy")
        .because("deploy/ coordinates reconcile/ and aws/; see docs/architecture.md")
        .check(main);
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".deploy.aws..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".deploy.reconcile..")
        .check(main);
  }

  @Test
  void onlyTheMavenPackageUsesMaven() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".maven..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.maven..", "org.eclipse.aether..")
        .because("the core is usable without Maven; only maven/ adapts it")
        .check(main);
  }

  @Test
  void onlyTheDeployPackageUsesTheAwsSdk() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".deploy..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("software.amazon.awssdk..")
        .because("AWS is one concern, kept in deploy/")
        .check(main);
  }

  @Test
  void mojosAreThin() throws IOException {
    List<String> tooLong = new ArrayList<>();
    for (JavaClass c : main) {
      if (c.getPackageName().startsWith(ROOT + ".maven")
          && c.getSimpleName().endsWith("Mojo")
          && !c.isNestedClass()) {
        Path source = Path.of("src/main/java", c.getName().replace('.', '/') + ".java");
        long lines = codeLines(Files.readAllLines(source));
        if (lines > MAX_MOJO_CODE_LINES) {
          tooLong.add(c.getSimpleName() + " has " + lines + " lines of code");
        }
      }
    }
    assertThat(tooLong)
        .as("Mojos bind, delegate and map errors; move work into the core")
        .allMatch(line -> STILL_TOO_LONG.stream().anyMatch(line::startsWith));
    assertThat(STILL_TOO_LONG)
        .as("a Mojo that is now thin must leave STILL_TOO_LONG")
        .allMatch(name -> tooLong.stream().anyMatch(line -> line.startsWith(name + " ")));
  }

  @Test
  void theCoreSpellsNoPropertyName() throws IOException {
    List<String> offenders = new ArrayList<>();
    Path root = Path.of("src/main/java/io/github/uvlambda");
    try (var files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        if (f.startsWith(root.resolve("maven"))) {
          continue;
        }
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          // "-Dname" (not "Requires-Dist") or a "uv-lambda." property inside a string literal
          if (lines.get(i).matches(".*\"[^\"]*((?<![A-Za-z])-D[a-zA-Z]|uv-lambda\\.)[^\"]*\".*")) {
            offenders.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(offenders)
        .as("the core names a setting by its parameter; maven/ErrorMessages adds the -D property")
        .isEmpty();
  }

  /** Mojos that are known to be too long and are being split (issue 12); this list only shrinks. */
  private static final List<String> STILL_TOO_LONG = List.of();

  /** Lines of code in a Mojo, not counting blank lines, comments and Javadoc. */
  private static final int MAX_MOJO_CODE_LINES = 120;

  private static long codeLines(List<String> lines) {
    long count = 0;
    boolean inComment = false;
    for (String raw : lines) {
      String line = raw.strip();
      if (inComment) {
        inComment = !line.contains("*/");
        continue;
      }
      if (line.startsWith("/*")) {
        inComment = !line.contains("*/");
        continue;
      }
      if (line.isEmpty() || line.startsWith("//") || line.startsWith("import ")) {
        continue;
      }
      count++;
    }
    return count;
  }
}
