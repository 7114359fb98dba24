package io.github.uvlambda.bench;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import io.github.uvlambda.build.LayerBuilder;
import io.github.uvlambda.build.LayerOptions;
import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.uv.LockFiles;
import io.github.uvlambda.wheel.FetchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the layers the cold-import benchmark (bench/cold-import-benchmark.sh) imports, each with
 * and without {@code compileBytecode}, for python3.11/x86_64 (the target the local mirror has every
 * wheel for, and the CPython this machine has): the sample's my-api-handler layer and the benchmark
 * project's "bench" layer.
 *
 * <p>Arguments: the sample's lambdas folder, the benchmark's lambdas folder, the mirror index URL,
 * the output folder (gets {sample,bench}-{plain,bytecode}.zip), the python3.11 executable.
 */
public final class ColdImportLayers {
  private static final LambdaRuntime PY311 = new LambdaRuntime("3.11", Architecture.X86_64);

  private ColdImportLayers() {}

  public static void main(String[] args) throws Exception {
    Path sample = Path.of(args[0]);
    Path bench = Path.of(args[1]);
    String index = args[2];
    Path out = Path.of(args[3]);
    String python = args[4];
    Path cache = out.resolve("cache");
    for (String variant : new String[] {"plain", "bytecode"}) {
      LayerOptions options =
          variant.equals("plain") ? LayerOptions.NONE : new LayerOptions(true, python, false);
      build(
          "sample",
          sample,
          "my-api-handler",
          Set.of("aws-lambda-powertools"),
          index,
          out,
          cache,
          variant,
          options);
      build("bench", bench, "bench", Set.of(), index, out, cache, variant, options);
    }
  }

  private static void build(
      String name,
      Path lambdas,
      String group,
      Set<String> exclude,
      String index,
      Path out,
      Path cache,
      String variant,
      LayerOptions options)
      throws Exception {
    Path zip = out.resolve(name + "-" + variant + ".zip");
    long t0 = System.nanoTime();
    LayerBuilder.Result r =
        new LayerBuilder(BuildLog.SILENT, options)
            .build(
                new LayerBuilder.Request(
                    name,
                    LockFiles.prepare(lambdas, null, false, false, BuildLog.SILENT),
                    group,
                    exclude,
                    PY311,
                    zip,
                    ReproducibleZipWriter.DEFAULT_TIME,
                    FetchSettings.direct(lambdas).withIndex(index),
                    cache,
                    LayerBuilder.Installer.JAVA,
                    null,
                    "bench"));
    System.out.printf(
        Locale.ROOT,
        "  %-8s %-9s %6.1f MB zipped %6.1f MB unzipped, %5d files, built in %5.2f s%n",
        name,
        variant,
        Files.size(zip) / 1048576.0,
        r.report().unzippedSize() / 1048576.0,
        r.report().files(),
        (System.nanoTime() - t0) / 1e9);
  }
}
