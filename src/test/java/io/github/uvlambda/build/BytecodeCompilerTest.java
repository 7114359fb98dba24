package io.github.uvlambda.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.testing.MachineTools;
import io.github.uvlambda.testing.RecordingLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiler against the machine's real CPython 3.11, with py_compile as the oracle. */
class BytecodeCompilerTest {
  @TempDir Path tmp;
  PythonInterpreter python;

  @BeforeEach
  void python311() {
    Optional<String> exe = MachineTools.python311();
    MachineTools.require(exe.isPresent(), "Python 3.11");
    python =
        PythonInterpreter.find(
            "test", "compileBytecode", "3.11", exe.get(), Optional.empty(), BuildLog.SILENT);
  }

  static BytecodeCompiler.Source source(String name, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new BytecodeCompiler.Source(name, () -> bytes);
  }

  static List<BytecodeCompiler.Source> sources(int count) {
    List<BytecodeCompiler.Source> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(
          source(
              "python/pkg" + (i % 7) + "/mod" + i + ".py",
              "import os\nNAMES = {'a%d', 'b', 'c'}\n\ndef f(x):\n    return x in NAMES or %d\n"
                  .formatted(i, i)));
    }
    return out;
  }

  @Test
  void writesWhatPyCompileWritesInUncheckedHashModeWithTheLambdaPath() throws Exception {
    String text = "def handler(event, context):\n    return {'ok': [1, 2.5, 'x']}\n";
    SortedMap<String, byte[]> pyc =
        new BytecodeCompiler(python, BuildLog.SILENT)
            .compile(List.of(source("python/app/handler.py", text)), "/opt/");
    assertThat(pyc).containsOnlyKeys("python/app/__pycache__/handler.cpython-311.pyc");

    Path src = tmp.resolve("handler.py");
    Files.writeString(src, text);
    Path oracle = tmp.resolve("oracle.pyc");
    String out =
        MachineTools.run(
            List.of(
                python.executable(),
                "-c",
                "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2],"
                    + " dfile='/opt/python/app/handler.py', doraise=True,"
                    + " invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)",
                src.toString(),
                oracle.toString()));
    assertThat(out).isNotNull();
    assertThat(pyc.values().iterator().next()).isEqualTo(Files.readAllBytes(oracle));
    // PEP 552 header: flags 0b01 = hash-based, not checked against the source.
    assertThat(pyc.values().iterator().next()[4]).isEqualTo((byte) 1);
  }

  @Test
  void theBytesDoNotDependOnOrderOrProcessCount() {
    List<BytecodeCompiler.Source> forward = sources(120);
    List<BytecodeCompiler.Source> backward = new ArrayList<>(forward);
    Collections.reverse(backward);
    SortedMap<String, byte[]> one =
        new BytecodeCompiler(python, BuildLog.SILENT, 1).compile(forward, "/opt/");
    SortedMap<String, byte[]> three =
        new BytecodeCompiler(python, BuildLog.SILENT, 3).compile(backward, "/opt/");
    assertThat(one).hasSize(120);
    assertThat(three.keySet()).isEqualTo(one.keySet());
    for (Map.Entry<String, byte[]> e : one.entrySet()) {
      assertThat(three.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  @Test
  void sourcesThatDoNotCompileAreLeftWithoutBytecode() {
    RecordingLog log = new RecordingLog();
    SortedMap<String, byte[]> pyc =
        new BytecodeCompiler(python, log)
            .compile(
                List.of(
                    source("python/pkg/py2.py", "print 'hello'\n"),
                    source("python/pkg/ok.py", "X = 1\n"),
                    source("python/pkg/latin.py", "# no coding line\nS = '\u00e9'\n")),
                "/opt/");
    assertThat(pyc)
        .containsOnlyKeys(
            "python/pkg/__pycache__/ok.cpython-311.pyc",
            "python/pkg/__pycache__/latin.cpython-311.pyc");
    assertThat(log.lines())
        .anyMatch(m -> m.contains("python/pkg/py2.py") && m.contains("SyntaxError"));
  }

  @Test
  void theRecordedPathIsWhereLambdaSeesTheFile() {
    SortedMap<String, byte[]> pyc =
        new BytecodeCompiler(python, BuildLog.SILENT)
            .compile(List.of(source("handler.py", "def f():\n    pass\n")), "/var/task/");
    assertThat(
            new String(pyc.get("__pycache__/handler.cpython-311.pyc"), StandardCharsets.ISO_8859_1))
        .contains("/var/task/handler.py");
  }

  @Test
  void noInterpreterIsAClearErrorNamingTheThreeWaysToProvideOne() throws Exception {
    Path emptyPath = Files.createDirectories(tmp.resolve("empty-path"));
    assertThatThrownBy(
            () ->
                PythonInterpreter.find(
                    "my-api-handler",
                    "compileBytecode",
                    "3.13",
                    null,
                    Optional.empty(),
                    emptyPath.toString(),
                    BuildLog.SILENT))
        .isInstanceOf(PythonInterpreter.NotFoundException.class)
        .hasMessageContaining("my-api-handler")
        .hasMessageContaining("CPython 3.13")
        .hasMessageContaining("<pythonExecutable>")
        .hasMessageContaining("python3.13 on PATH")
        .hasMessageContaining("uv python install 3.13")
        .hasMessageContaining("<compileBytecode>false</compileBytecode>")
        .hasMessageNotContaining("-D");
  }

  @Test
  void aConfiguredInterpreterOfAnotherVersionIsRefused() {
    assertThatThrownBy(
            () ->
                PythonInterpreter.find(
                    "fn",
                    "compileBytecode",
                    "3.12",
                    python.executable(),
                    Optional.empty(),
                    BuildLog.SILENT))
        .hasMessageContaining("<pythonExecutable>")
        .hasMessageContaining("CPython 3.11")
        .hasMessageContaining("python3.12");
  }

  @Test
  void aPythonOnPathThatIsNotTheRightVersionIsPassedOver() throws Exception {
    // A python3.12 on PATH that is really 3.11 (a misnamed link) must not compile 3.12 bytecode.
    Path dir = Files.createDirectories(tmp.resolve("bin"));
    Path fake = dir.resolve("python3.12");
    Files.writeString(fake, "#!/bin/sh\nexec " + python.executable() + " \"$@\"\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThatThrownBy(
            () ->
                PythonInterpreter.find(
                    "fn",
                    "compileBytecode",
                    "3.12",
                    null,
                    Optional.empty(),
                    dir.toString(),
                    BuildLog.SILENT))
        .isInstanceOf(PythonInterpreter.NotFoundException.class)
        .hasMessageContaining(fake + " does not run as CPython 3.12");
  }
}
