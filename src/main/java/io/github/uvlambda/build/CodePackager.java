package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.archive.AtomicFiles;
import io.github.uvlambda.archive.BuildRecord;
import io.github.uvlambda.archive.Fingerprint;
import io.github.uvlambda.archive.Hashes;
import io.github.uvlambda.archive.ReproducibleZipWriter;
import io.github.uvlambda.function.CodeConfig;
import io.github.uvlambda.function.FunctionSpec;
import io.github.uvlambda.lambda.Handler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds a function's {@code code.zip} from its source directory: the files {@link SourceSelection}
 * chooses, at their paths relative to the source directory, in a byte-reproducible zip. The
 * handler's module must be in it.
 */
public final class CodePackager {

  /**
   * @param timestamp the entry time of every zip entry
   */
  public record Request(
      String functionName,
      Path sourceDir,
      String handler,
      SourceSelection.Rules rules,
      Path output,
      Instant timestamp,
      PythonInterpreter bytecode) {

    /** A code.zip without bytecode. */
    public Request(
        String functionName,
        Path sourceDir,
        String handler,
        SourceSelection.Rules rules,
        Path output,
        Instant timestamp) {
      this(functionName, sourceDir, handler, rules, output, timestamp, null);
    }

    /**
     * The same code.zip with an unchecked-hash {@code .pyc} next to every {@code .py}, compiled for
     * {@code /var/task} by this interpreter ({@code compileCode}).
     */
    public Request withBytecode(PythonInterpreter python) {
      return new Request(functionName, sourceDir, handler, rules, output, timestamp, python);
    }

    /** The code.zip of a configured function, its files chosen by its {@code CodeConfig}. */
    public static Request of(FunctionSpec f, Path output, Instant timestamp) {
      CodeConfig c = f.code();
      SourceSelection.Rules rules =
          new SourceSelection.Rules(
              c.includes(), c.excludes(), c.useDefaultExcludes(), c.allowedSecretFiles());
      return new Request(f.functionName(), f.sourceDir(), f.handler(), rules, output, timestamp);
    }
  }

  /**
   * @param codeSha256 base64 SHA-256 of the zip, as Lambda reports it
   * @param upToDate true when the zip was already there for the same inputs
   */
  public record Result(
      Path zip, String codeSha256, long size, long unzippedSize, int files, boolean upToDate) {}

  private final BuildLog log;

  public CodePackager(BuildLog log) {
    this.log = log;
  }

  public Result packageCode(Request r) {
    List<SourceSelection.SourceFile> files =
        SourceSelection.select(r.functionName(), r.sourceDir(), r.rules(), log);
    List<String> handlerFiles = new Handler(r.handler()).moduleCandidates();
    if (files.stream().noneMatch(f -> handlerFiles.contains(f.path()))) {
      throw new UvLambdaException(
          "Function "
              + r.functionName()
              + ": its handler '"
              + r.handler()
              + "' needs "
              + String.join(" or ", handlerFiles)
              + " in code.zip, but "
              + (new Handler(r.handler()).moduleIn(r.sourceDir()).isEmpty()
                  ? r.sourceDir() + " has neither. Fix <handler> or <sourceDir>."
                  : "<includes>/<excludes> leave it out. Fix the patterns."));
    }
    try {
      Fingerprint fp =
          new Fingerprint().add("kind", "code.zip v2").add("time", r.timestamp().toString());
      long unzipped = 0;
      for (SourceSelection.SourceFile f : files) {
        byte[] content = Files.readAllBytes(f.file());
        unzipped += content.length;
        fp.add(f.path(), (f.executable() ? "x:" : "-:") + Hashes.sha256Hex(content));
      }
      if (r.bytecode() != null) {
        fp.add("bytecode", r.bytecode().identity());
      }
      String fingerprint = fp.hex();
      BuildRecord.Check reuse = BuildRecord.check(r.output(), fingerprint);
      if (reuse.valid()) {
        if (r.bytecode() != null) {
          unzipped = CodeBytecode.unzippedSize(r.output());
        }
        log.info(
            r.functionName()
                + ": code.zip up to date ("
                + files.size()
                + " files, sources unchanged)");
        return new Result(
            r.output(),
            Hashes.base64(reuse.outputSha256()),
            Files.size(r.output()),
            unzipped,
            files.size(),
            true);
      }
      if (reuse.state() == BuildRecord.State.CHANGED) {
        log.warn(
            r.functionName()
                + ": "
                + reuse.changedFile()
                + " is not what was built: edited, replaced or deleted since (its SHA-256 no longer"
                + " matches the one recorded). Building it again.");
      }
      SortedMap<String, byte[]> pyc =
          r.bytecode() == null
              ? new TreeMap<>()
              : CodeBytecode.compile(
                  r.bytecode(),
                  files,
                  SourceSelection.SourceFile::path,
                  SourceSelection.SourceFile::file,
                  log);
      Path temp = AtomicFiles.temporarySibling(r.output());
      try {
        try (ReproducibleZipWriter zip = new ReproducibleZipWriter(temp, r.timestamp())) {
          Iterator<Map.Entry<String, byte[]>> compiled = pyc.entrySet().iterator();
          Map.Entry<String, byte[]> next = compiled.hasNext() ? compiled.next() : null;
          for (SourceSelection.SourceFile f : files) {
            // Bytecode entries interleave with the sources in name order.
            while (next != null && next.getKey().compareTo(f.path()) < 0) {
              zip.add(next.getKey(), next.getValue(), false);
              unzipped += next.getValue().length;
              next = compiled.hasNext() ? compiled.next() : null;
            }
            zip.add(f.path(), Files.readAllBytes(f.file()), f.executable());
          }
          while (next != null) {
            zip.add(next.getKey(), next.getValue(), false);
            unzipped += next.getValue().length;
            next = compiled.hasNext() ? compiled.next() : null;
          }
        }
        AtomicFiles.moveIntoPlace(temp, r.output());
      } finally {
        Files.deleteIfExists(temp);
      }
      String sha = Hashes.base64(BuildRecord.write(r.output(), fingerprint));
      log.info(
          r.functionName()
              + ": code.zip built: "
              + files.size()
              + " files"
              + (r.bytecode() == null
                  ? ""
                  : " and " + pyc.size() + " compiled by " + r.bytecode().identity())
              + ", "
              + Files.size(r.output())
              + " bytes, CodeSha256 "
              + sha
              + " -> "
              + r.output());
      return new Result(
          r.output(), sha, Files.size(r.output()), unzipped, files.size() + pyc.size(), false);
    } catch (IOException e) {
      throw new UvLambdaException(
          "Function " + r.functionName() + ": cannot write " + r.output() + ": " + e.getMessage(),
          e);
    }
  }
}
