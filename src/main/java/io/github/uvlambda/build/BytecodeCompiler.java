package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Compiles a zip's Python sources into unchecked-hash {@code .pyc} files (PEP 552), so that Lambda,
 * which mounts {@code /opt} and {@code /var/task} read-only, does not compile every imported module
 * again on each cold start. Unchecked-hash files do not depend on timestamps, which the
 * reproducible zips normalise; compiled with {@code PYTHONHASHSEED=0} and the path Lambda sees,
 * they are byte-identical on every machine, whatever the order or the number of processes.
 *
 * <p>The work is split between a few Python processes running {@code compile_pyc.py}: Java sends
 * the sources, Python sends the {@code .pyc} bytes back. Python never sees the file system of the
 * layer and decides nothing about its content. Sources that do not compile (Python 2 test data in
 * some packages) are left without bytecode, with a debug line, as {@code compileall} leaves them.
 */
public final class BytecodeCompiler {
  private static final String SCRIPT = loadScript();

  /** Reads one source's bytes when it is its turn, so that no layer is held in memory whole. */
  @FunctionalInterface
  public interface Content {
    byte[] read() throws IOException;
  }

  /**
   * A source to compile.
   *
   * @param name its entry name in the zip, {@code python/pkg/mod.py}
   */
  public record Source(String name, Content content) {}

  private final PythonInterpreter python;
  private final BuildLog log;
  private final int processes;

  public BytecodeCompiler(PythonInterpreter python, BuildLog log) {
    this(python, log, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
  }

  BytecodeCompiler(PythonInterpreter python, BuildLog log, int processes) {
    this.python = python;
    this.log = log;
    this.processes = processes;
  }

  public PythonInterpreter python() {
    return python;
  }

  /** Whether an entry is a source this compiler compiles. */
  public static boolean isSource(String name) {
    return name.endsWith(".py") && !name.endsWith("/.py");
  }

  /** The entry of a source's bytecode: {@code pkg/__pycache__/mod.cpython-311.pyc}. */
  public String pycName(String sourceName) {
    int slash = sourceName.lastIndexOf('/');
    String dir = sourceName.substring(0, slash + 1);
    String stem = sourceName.substring(slash + 1, sourceName.length() - ".py".length());
    return dir + "__pycache__/" + stem + "." + python.cacheTag() + ".pyc";
  }

  /**
   * Compiles the sources.
   *
   * @param root the directory Lambda extracts the zip into, recorded in the code objects (and so in
   *     tracebacks): {@code /opt/} for a layer, {@code /var/task/} for code.zip
   * @return the bytecode of each source that compiles, by {@link #pycName}, sorted
   */
  public SortedMap<String, byte[]> compile(List<Source> sources, String root) {
    SortedMap<String, byte[]> out = new TreeMap<>();
    if (sources.isEmpty()) {
      return out;
    }
    int n = Math.min(processes, Math.max(1, sources.size() / 50));
    List<List<Source>> parts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      parts.add(new ArrayList<>());
    }
    for (int i = 0; i < sources.size(); i++) {
      parts.get(i % n).add(sources.get(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<Map<String, byte[]>>> futures = new ArrayList<>();
      for (List<Source> part : parts) {
        futures.add(pool.submit(() -> compilePart(part, root)));
      }
      for (Future<Map<String, byte[]>> f : futures) {
        out.putAll(f.get());
      }
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof UvLambdaException u) {
        throw u;
      }
      throw new UvLambdaException("Compiling bytecode failed: " + c, c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UvLambdaException("Interrupted while compiling bytecode");
    } finally {
      pool.shutdownNow();
    }
    log.debug(
        "Compiled "
            + out.size()
            + " of "
            + sources.size()
            + " Python sources with "
            + python.identity()
            + " ("
            + n
            + " processes)");
    return out;
  }

  private Map<String, byte[]> compilePart(List<Source> part, String root) throws IOException {
    Path stderr = Files.createTempFile("uv-lambda-pyc", ".err");
    Process p = start(stderr);
    try {
      AtomicReference<Exception> writeFailure = new AtomicReference<>();
      Thread writer = new Thread(() -> send(part, root, p, writeFailure), "uv-lambda-pyc-writer");
      writer.setDaemon(true);
      writer.start();
      Map<String, byte[]> out = new TreeMap<>();
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(p.getInputStream()))) {
        checkHeader(readLine(in));
        for (Source s : part) {
          int status = in.readUnsignedByte();
          byte[] payload = in.readNBytes(in.readInt());
          if (status == 0) {
            out.put(pycName(s.name()), payload);
          } else {
            log.debug(
                "Not compiled, left without bytecode as compileall would: "
                    + s.name()
                    + " ("
                    + new String(payload, StandardCharsets.UTF_8)
                    + ")");
          }
        }
      } catch (EOFException e) {
        throw failure(p, stderr, writeFailure.get());
      }
      writer.join(TimeUnit.MINUTES.toMillis(10));
      if (writeFailure.get() != null) {
        throw failure(p, stderr, writeFailure.get());
      }
      if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw failure(p, stderr, null);
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UvLambdaException("Interrupted while compiling bytecode");
    } finally {
      p.destroyForcibly();
      Files.deleteIfExists(stderr);
    }
  }

  private Process start(Path stderr) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(python.executable(), "-S", "-s", "-B", "-c", SCRIPT)
            .redirectError(stderr.toFile());
    // No PYTHON* setting of the build machine may change the bytecode (PYTHONOPTIMIZE would);
    // a fixed hash seed keeps the order of set constants stable on interpreters before 3.11.
    pb.environment().keySet().removeIf(k -> k.startsWith("PYTHON"));
    pb.environment().put("PYTHONHASHSEED", "0");
    return pb.start();
  }

  private static void send(
      List<Source> part, String root, Process p, AtomicReference<Exception> failure) {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(p.getOutputStream(), 1 << 16))) {
      for (Source s : part) {
        byte[] path = (root + s.name()).getBytes(StandardCharsets.UTF_8);
        byte[] content = s.content().read();
        out.writeInt(path.length);
        out.write(path);
        out.writeInt(content.length);
        out.write(content);
      }
      out.writeInt(0);
    } catch (IOException | UncheckedIOException e) {
      failure.set(e);
    }
  }

  private void checkHeader(String header) {
    String expected = "uv-lambda-pyc 1 " + python.version() + " " + python.cacheTag() + " ";
    if (!header.startsWith(expected)) {
      throw new UvLambdaException(
          python.executable()
              + " answered '"
              + header
              + "' instead of '"
              + expected
              + "…': it is not the interpreter it was a moment ago.");
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new EOFException();
      }
      b.append((char) c);
    }
    return b.toString();
  }

  private UvLambdaException failure(Process p, Path stderr, Exception cause) {
    String err = "";
    try {
      p.waitFor(10, TimeUnit.SECONDS);
      err = Files.readString(stderr, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      err = "(its error output could not be read: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new UvLambdaException(
        "Compiling bytecode with "
            + python.executable()
            + " failed"
            + (p.isAlive() ? "" : " (exit " + p.exitValue() + ")")
            + (cause == null ? "" : ": " + cause.getMessage())
            + (err.isEmpty() ? "" : ":\n" + err),
        cause);
  }

  private static String loadScript() {
    try (InputStream in = BytecodeCompiler.class.getResourceAsStream("compile_pyc.py")) {
      if (in == null) {
        throw new IllegalStateException("compile_pyc.py is missing from the plugin jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
