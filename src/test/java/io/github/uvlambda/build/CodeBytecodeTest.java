package io.github.uvlambda.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import io.github.uvlambda.testing.MachineTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compileCode}: code.zip with bytecode compiled for /var/task. */
class CodeBytecodeTest {
  @TempDir Path tmp;

  CodePackager.Result pack(Path src, Path out, PythonInterpreter python) {
    CodePackager.Request r =
        new CodePackager.Request(
            "fn",
            src,
            "app.handler.handler",
            SourceSelection.Rules.of(List.of("**"), List.of()),
            out,
            ReproducibleZipWriter.DEFAULT_TIME);
    return new CodePackager(BuildLog.SILENT)
        .packageCode(python == null ? r : r.withBytecode(python));
  }

  @Test
  void codeZipGetsBytecodeForVarTaskReproducibly() throws Exception {
    Optional<String> exe = MachineTools.python311();
    MachineTools.require(exe.isPresent(), "Python 3.11");
    PythonInterpreter python =
        PythonInterpreter.find(
            "fn", "compileCode", "3.11", exe.get(), Optional.empty(), BuildLog.SILENT);
    Path src = tmp.resolve("src");
    Files.createDirectories(src.resolve("app/__pycache__"));
    Files.writeString(src.resolve("app/__init__.py"), "");
    Files.writeString(src.resolve("app/handler.py"), "def handler(e, c):\n    return 1\n");
    Files.writeString(src.resolve("app/__pycache__/stale.cpython-311.pyc"), "local junk");

    CodePackager.Result plain = pack(src, tmp.resolve("plain/code.zip"), null);
    CodePackager.Result one = pack(src, tmp.resolve("one/code.zip"), python);
    CodePackager.Result two = pack(src, tmp.resolve("two/code.zip"), python);

    assertThat(Files.readAllBytes(two.zip())).isEqualTo(Files.readAllBytes(one.zip()));
    assertThat(one.codeSha256()).isNotEqualTo(plain.codeSha256());
    Map<String, byte[]> e = ColdStartLayerTest.entries(one.zip());
    assertThat(e.keySet())
        .containsExactly(
            "app/__init__.py",
            "app/__pycache__/__init__.cpython-311.pyc",
            "app/__pycache__/handler.cpython-311.pyc",
            "app/handler.py");
    assertThat(
            new String(
                e.get("app/__pycache__/handler.cpython-311.pyc"), StandardCharsets.ISO_8859_1))
        .contains("/var/task/app/handler.py");
    long unzipped = e.values().stream().mapToLong(b -> b.length).sum();
    assertThat(one.unzippedSize()).isEqualTo(unzipped);
    CodePackager.Result again = pack(src, tmp.resolve("one/code.zip"), python);
    assertThat(again.upToDate()).isTrue();
    assertThat(again.unzippedSize()).isEqualTo(unzipped);
  }
}
