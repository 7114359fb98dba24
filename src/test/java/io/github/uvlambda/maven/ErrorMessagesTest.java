package io.github.uvlambda.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uvlambda.SettingNeededException;
import io.github.uvlambda.build.PythonInterpreter;
import io.github.uvlambda.function.ConfigProblem;
import io.github.uvlambda.function.InvalidConfigurationException;
import io.github.uvlambda.function.Origin;
import io.github.uvlambda.pep.InvalidVersionException;
import io.github.uvlambda.uv.StaleLockException;
import io.github.uvlambda.wheel.NoUsableWheelException;
import io.github.uvlambda.wheel.OfflineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each typed core failure as a Maven user reads it: the POM element plus the {@code -D} property
 * where there is one, and {@code mvn -o} for offline mode. The core's own messages never spell a
 * property (checked at the end).
 */
class ErrorMessagesTest {
  private final ErrorMessages render = ErrorMessages.MAVEN;

  @Test
  void aSettingThatFixesTheProblemIsNamedAsElementAndProperty() {
    SettingNeededException e =
        new SettingNeededException(
            "No AWS region is configured: set ",
            "region",
            "eu-west-1",
            ", or AWS_REGION. Nothing was deployed.");
    assertThat(render.render(e))
        .isEqualTo(
            "No AWS region is configured: set <region>eu-west-1</region>"
                + " (-Duv-lambda.region=eu-west-1), or AWS_REGION. Nothing was deployed.");
    assertThat(e.getMessage())
        .isEqualTo(
            "No AWS region is configured: set <region>eu-west-1</region>, or AWS_REGION. Nothing"
                + " was deployed.");
  }

  @Test
  void aMissingBytecodeInterpreterNamesItsSettingsWithTheirProperties() {
    var e =
        new PythonInterpreter.NotFoundException(
            "fn", "compileBytecode", "3.13", List.of("no python3.13 on PATH", "no uv"));
    assertThat(render.render(e))
        .contains(
            "<pythonExecutable>/path/to/python3.13</pythonExecutable>"
                + " (-Duv-lambda.pythonExecutable=/path/to/python3.13)")
        .contains("<compileBytecode>false</compileBytecode> (-Duv-lambda.compileBytecode=false)");
    assertThat(e.getMessage()).doesNotContain("-D");
  }

  @Test
  void configurationProblemsSayWhereEachValueCameFrom() {
    InvalidConfigurationException e =
        new InvalidConfigurationException(
            List.of(
                ConfigProblem.invalid(
                    "fn", 1, "memorySize", Origin.PLUGIN, 64, "Lambda memory is 128 to 10240 MB."),
                ConfigProblem.invalid(
                    "fn",
                    1,
                    "timeout",
                    Origin.FUNCTION,
                    0,
                    "a Lambda timeout is 1 to 900 seconds."),
                ConfigProblem.invalid(
                    "fn",
                    1,
                    "durableConfig/executionTimeout",
                    Origin.PLUGIN,
                    0,
                    "the durable execution timeout is 1 to 31622400 seconds (366 days)."),
                ConfigProblem.invalid(
                    "fn", 1, "handler", Origin.DEFAULT, "handler.handler", "neither ... exists."),
                ConfigProblem.invalid(
                    "fn", 1, "tags", Origin.PLUGIN, "x", "a map, which has no property."),
                // the same plugin-level mistake seen by a second function is reported once
                ConfigProblem.invalid(
                    "other",
                    2,
                    "memorySize",
                    Origin.PLUGIN,
                    64,
                    "Lambda memory is 128 to 10240 MB.")));
    assertThat(e.problems()).hasSize(5);
    assertThat(render.render(e))
        .isEqualTo(
            "Invalid configuration (5 problems):\n"
                + "  - <memorySize> (plugin configuration or -Duv-lambda.memorySize) is '64':"
                + " Lambda memory is 128 to 10240 MB.\n"
                + "  - <function> 'fn' <timeout> is '0': a Lambda timeout is 1 to 900 seconds.\n"
                + "  - <durableConfig>/<executionTimeout> (plugin configuration or"
                + " -D"
                + PropertyNames.DURABLE_EXECUTION_TIMEOUT
                + ") is '0': the durable execution timeout is 1 to 31622400 seconds (366 days).\n"
                + "  - <function> 'fn' <handler> (default) is 'handler.handler': neither ..."
                + " exists.\n"
                + "  - <tags> (plugin configuration) is 'x': a map, which has no property.");
  }

  @Test
  void aStaleLockNamesTheSkipSetting() {
    StaleLockException e =
        new StaleLockException(
            Path.of("/p/uv.lock"),
            Path.of("/p/pyproject.toml"),
            Collections.nCopies(22, "pyproject declares a>=2; uv.lock was made from a>=1"));
    assertThat(e.differences()).hasSize(22);
    assertThat(render.render(e))
        .startsWith(
            "/p/uv.lock is out of date with /p/pyproject.toml (as `uv lock --check` would"
                + " report):\n  - pyproject declares a>=2")
        .contains("\n  - ... and 2 more\n")
        .endsWith(
            "Run `uv lock` in /p and commit the updated uv.lock (or set"
                + " <skipLockCheck>true</skipLockCheck> (-Duv-lambda.skipLockCheck=true) to build"
                + " from the stale lock anyway).");
  }

  @Test
  void offlineModeIsMavensOfflineFlag() {
    OfflineException e = new OfflineException(List.of("a-1.0-py3-none-any.whl"), Path.of("/c"));
    assertThat(e.wheels()).containsExactly("a-1.0-py3-none-any.whl");
    assertThat(render.render(e))
        .startsWith(
            "Offline (mvn -o), and 1 wheel is not in the cache /c: a-1.0-py3-none-any.whl.");
  }

  @Test
  void packagesWithoutAUsableWheelAreListed() {
    NoUsableWheelException e =
        new NoUsableWheelException(
            "group fn", List.of("a 1.0 publishes only an sdist", "b 2.0 has no wheel"));
    assertThat(e.packageProblems()).hasSize(2);
    assertThat(render.render(e))
        .isEqualTo(
            "No usable wheel for 2 packages of group fn:\n"
                + "  - a 1.0 publishes only an sdist\n"
                + "  - b 2.0 has no wheel");
  }

  @Test
  void failuresThatAreNotTypedAreStillNamedForWhatTheyAre() {
    assertThat(ErrorMessages.isUserError(new InvalidVersionException("bad version '1.x'")))
        .isTrue();
    assertThat(render.render(new InvalidVersionException("bad version '1.x'")))
        .startsWith("Invalid input: bad version '1.x'. It comes from pyproject.toml, uv.lock");
    assertThat(render.render(new UncheckedIOException(new IOException("disk full"))))
        .isEqualTo("I/O error: disk full");
    assertThat(ErrorMessages.isUserError(new NullPointerException())).isFalse();
    assertThat(render.render(new NullPointerException("x")))
        .startsWith("Unexpected error in uv-lambda-maven-plugin: java.lang.NullPointerException: x")
        .endsWith("Please report it with the output of `mvn -e`.");
  }

  @Test
  void everyNestedSettingTheCoreNamesHasAProperty() {
    for (var f : io.github.uvlambda.function.FunctionSettings.fields()) {
      if (f.parameter().contains("/")) {
        assertThat(PropertyNames.forParameter(f.parameter())).as(f.parameter()).isPresent();
      }
    }
  }
}
