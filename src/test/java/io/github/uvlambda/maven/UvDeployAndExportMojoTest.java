package io.github.uvlambda.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

@MojoTest
class UvDeployAndExportMojoTest {

  @Test
  @InjectMojo(goal = "uv-deploy", pom = "src/test/resources/unit/deploy/pom.xml")
  @MojoParameter(name = "dryRun", value = "true")
  void bindsTheDeploySettings(UvDeployMojo mojo) throws Exception {
    assertThat((Object) getVariableValueFromObject(mojo, "region")).isEqualTo("eu-west-1");
    assertThat((Object) getVariableValueFromObject(mojo, "endpointUrl"))
        .isEqualTo("http://127.0.0.1:4566");
    assertThat((Object) getVariableValueFromObject(mojo, "s3Bucket")).isEqualTo("artifacts");
    assertThat((Object) getVariableValueFromObject(mojo, "s3KeyPrefix")).isEqualTo("lambda/");
    assertThat((Object) getVariableValueFromObject(mojo, "retryMode")).isEqualTo("adaptive");
    assertThat((Object) getVariableValueFromObject(mojo, "dryRun")).isEqualTo(true);
    assertThat((Object) getVariableValueFromObject(mojo, "deployThreads")).isEqualTo(4);
    assertThat((Object) getVariableValueFromObject(mojo, "adoptExisting")).isEqualTo(false);
    assertThat(mojo.managedPolicyArns)
        .containsExactly("arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess");
  }

  @Test
  @InjectMojo(goal = "uv-export", pom = "src/test/resources/unit/deploy/pom.xml")
  @MojoParameter(name = "lambdasDir", value = "src/test/resources/synthetic/export")
  @MojoParameter(name = "architecture", value = "x86_64")
  @MojoParameter(name = "pythonVersion", value = "3.13")
  @MojoParameter(name = "onlyGroups", value = "lambda")
  @MojoParameter(name = "output", value = "target/unit-export/requirements.txt")
  @MojoParameter(name = "wheelsOutput", value = "target/unit-export/wheels.txt")
  void exportsWithUvFlagsToFiles(UvExportMojo mojo) throws Exception {
    mojo.execute();
    assertThat(Files.readAllLines(new File("target/unit-export/requirements.txt").toPath()))
        .containsExactly(
            "boto3==1.0.0",
            "gitpkg @ git+https://github.com/example/gitpkg@0123456789abcdef0123456789abcdef01234567",
            "jmespath==1.0.0",
            "urlpkg @ https://example.com/urlpkg-1.0.0.tar.gz");
    assertThat(Files.readAllLines(new File("target/unit-export/wheels.txt").toPath()))
        .containsExactly(
            "boto3==1.0.0 NO-WHEEL",
            "gitpkg==0.1.0 LOCAL git https://github.com/example/gitpkg?rev=main#0123456789abcdef0123456789abcdef01234567",
            "jmespath==1.0.0 NO-WHEEL",
            "urlpkg==1.0.0 NO-WHEEL");
  }
}
