package io.github.uvlambda.realworld;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.build.CodePackager;
import io.github.uvlambda.build.LayerBuilder;
import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.testing.MachineTools;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.wheel.FetchSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the sample's layers for python3.11/x86_64 from real wheels of the machine's local PyPI
 * mirror, then imports every top-level module with the machine's real Python 3.11 with only the
 * layer and the code zip on the path, and calls both sample handlers.
 */
class RealWheelLayerTest {
  static final Path LAMBDAS = Path.of("lambdas-sample", "lambdas").toAbsolutePath();
  static final LambdaRuntime PY311 = new LambdaRuntime("3.11", Architecture.X86_64);

  @TempDir Path tmp;

  static Path unzip(Path zip, Path dir) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (ZipEntry e : Collections.list(z.entries())) {
        Path target = dir.resolve(e.getName()).normalize();
        assertThat(target.startsWith(dir)).as(e.getName()).isTrue();
        Files.createDirectories(target.getParent());
        Files.write(target, z.getInputStream(e).readAllBytes());
      }
    }
    return dir;
  }

  static Set<String> topLevelModules(Path zip) throws IOException {
    Set<String> out = new TreeSet<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (ZipEntry e : Collections.list(z.entries())) {
        String[] parts = e.getName().split("/");
        if (parts.length == 3 && parts[2].equals("__init__.py") && !parts[1].contains("-")) {
          out.add(parts[1]);
        } else if (parts.length == 2 && parts[1].endsWith(".py")) {
          out.add(parts[1].substring(0, parts[1].length() - 3));
        }
      }
    }
    return out;
  }

  private LayerBuilder.Result layer(String group, String index, Path out) {
    return new LayerBuilder(BuildLog.SILENT)
        .build(
            new LayerBuilder.Request(
                group,
                LockFiles.prepare(LAMBDAS, null, false, false, BuildLog.SILENT),
                group,
                Set.of("aws-lambda-powertools"),
                PY311,
                out,
                io.github.uvlambda.archive.ReproducibleZipWriter.DEFAULT_TIME,
                FetchSettings.direct(LAMBDAS).withIndex(index),
                tmp.resolve("cache"),
                LayerBuilder.Installer.JAVA,
                null,
                "test"));
  }

  private Path code(String fn, String handler, Path out) {
    new CodePackager(BuildLog.SILENT)
        .packageCode(
            new CodePackager.Request(
                fn,
                LAMBDAS.resolve(fn),
                handler,
                io.github.uvlambda.build.SourceSelection.Rules.of(List.of("**"), List.of()),
                out,
                io.github.uvlambda.archive.ReproducibleZipWriter.DEFAULT_TIME));
    return out;
  }

  private String python(String python, Path code, Path layer, String script)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(python, "-S", "-c", script).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().put("PATH", System.getenv("PATH"));
    pb.environment().put("PYTHONNOUSERSITE", "1");
    pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    pb.environment().put("TABLE_NAME", "orders");
    pb.environment().put("CODE", code.toString());
    pb.environment().put("LAYER", layer.resolve("python").toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void sampleLayersImportAndRunWithRealPython311() throws Exception {
    var python = MachineTools.python311();
    MachineTools.require(python.isPresent(), "Python 3.11");
    var index = MachineTools.mirrorWith("pydantic-core", "boto3", "httpx", "pydantic-settings");
    MachineTools.require(
        index.isPresent(),
        "a local PyPI mirror (pip config list) with pydantic-core, boto3, httpx");

    Path apiLayer = layer("my-api-handler", index.get(), tmp.resolve("api/deps.zip")).zip();
    Path workerLayer = layer("my-worker", index.get(), tmp.resolve("worker/deps.zip")).zip();
    Path apiCode = code("my-api-handler", "handler.handler", tmp.resolve("api/code.zip"));
    Path workerCode =
        code("my-worker", "my_worker.handler.handler", tmp.resolve("worker/code.zip"));

    Set<String> apiModules = topLevelModules(apiLayer);
    assertThat(apiModules)
        .contains("boto3", "botocore", "pydantic", "pydantic_core", "pydantic_settings", "common");
    // The workspace member is in both layers, and in neither code.zip.
    assertThat(topLevelModules(workerLayer)).contains("common", "httpx");
    try (ZipFile z = new ZipFile(apiCode.toFile())) {
      assertThat(Collections.list(z.entries())).noneMatch(e -> e.getName().startsWith("common/"));
    }
    List<String> imports = new ArrayList<>(apiModules);
    String api =
        python(
            python.get(),
            unzip(apiCode, tmp.resolve("api/code")),
            unzip(apiLayer, tmp.resolve("api/layer")),
            "import os, sys, importlib\n"
                + "sys.path[:0] = [os.environ['CODE'], os.environ['LAYER']]\n"
                + "for m in "
                + toPythonList(imports)
                + ":\n"
                + "    mod = importlib.import_module(m)\n"
                + "    assert mod.__file__.startswith(os.environ['LAYER']), (m, mod.__file__)\n"
                + "import pydantic_core._pydantic_core as core\n"
                + "print('native', core.__file__)\n"
                + "import importlib.metadata as md\n"
                + "print('common', md.version('common'))\n"
                + "import handler\n"
                + "print('result', handler.handler({'action': 'health'}, None))\n");
    assertThat(api)
        .contains("_pydantic_core.cpython-311-x86_64-linux-gnu.so")
        .contains("'statusCode': 200")
        .contains("common 0.1.0")
        .contains("orders");

    String worker =
        python(
            python.get(),
            unzip(workerCode, tmp.resolve("worker/code")),
            unzip(workerLayer, tmp.resolve("worker/layer")),
            "import os, sys, threading, http.server\n"
                + "sys.path[:0] = [os.environ['CODE'], os.environ['LAYER']]\n"
                + "import httpx, pydantic\n"
                + "assert httpx.__file__.startswith(os.environ['LAYER'])\n"
                + "class H(http.server.BaseHTTPRequestHandler):\n"
                + "    def do_GET(self):\n"
                + "        self.send_response(200); self.end_headers(); self.wfile.write(b'hello')\n"
                + "    def log_message(self, *a): pass\n"
                + "srv = http.server.HTTPServer(('127.0.0.1', 0), H)\n"
                + "threading.Thread(target=srv.serve_forever, daemon=True).start()\n"
                + "from my_worker.handler import handler\n"
                + "url = 'http://127.0.0.1:%d/ping' % srv.server_address[1]\n"
                + "print('result', handler({'urls': [url]}, None))\n");
    assertThat(worker)
        .contains("'statusCode': 200")
        .contains("\"status\": 200")
        .contains("\"bytes\": 5");
  }

  private static String toPythonList(List<String> items) {
    StringBuilder b = new StringBuilder("[");
    for (String i : items) {
      b.append('\'').append(i).append("', ");
    }
    return b.append(']').toString();
  }
}
