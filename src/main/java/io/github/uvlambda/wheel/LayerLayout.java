package io.github.uvlambda.wheel;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.UvLambdaException;
import io.github.uvlambda.archive.EntryNames;
import io.github.uvlambda.archive.ZipEntryInfo;
import io.github.uvlambda.archive.ZipReader;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.pep.PackageName;
import io.github.uvlambda.pep.Version;
import io.github.uvlambda.uv.LockPackage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays wheels out the way {@code uv pip install --target DIR --no-installer-metadata} does, under
 * the layer's {@code python/} directory: purelib and platlib at the root, the {@code .data}
 * subtrees spread ({@code scripts} to {@code bin/}, {@code headers} to {@code include/<name>/}),
 * {@code .dist-info} kept, no bytecode. Nothing is extracted: the plan names, for each layer entry,
 * the wheel entry whose compressed bytes will be copied.
 *
 * <p>Two deliberate differences from uv: console-script launchers are not generated (they would
 * point at the build machine's Python and cannot run on Lambda), and {@code #!python} script
 * shebangs become {@code #!/var/lang/bin/python3.X}, Lambda's interpreter.
 */
public final class LayerLayout implements Closeable {
  private static final Pattern DATA_DIR = Pattern.compile("^([^/]+)\\.data/([^/]+)/(.*)$");
  private static final Pattern DIST_INFO = Pattern.compile("^([^/]+)-([^/-]+)\\.dist-info/");

  /**
   * One file of the layer: copied raw from a wheel, or generated.
   *
   * @param owner the package whose wheel installs it
   */
  public record Entry(
      String name,
      ZipReader source,
      ZipEntryInfo info,
      byte[] generated,
      boolean executable,
      LockPackage owner) {
    public long size() {
      return generated != null ? generated.length : info.size();
    }
  }

  private final List<ZipReader> readers = new ArrayList<>();
  private final List<Entry> entries = new ArrayList<>();

  private LayerLayout() {}

  public List<Entry> entries() {
    return entries;
  }

  /**
   * Plans the layer. Wheels are taken in name order; when two wheels ship the same file, the first
   * keeps it (identical content is silently merged, different content is reported).
   */
  public static LayerLayout plan(
      List<SelectedWheel> wheels,
      Map<String, Path> files,
      String prefix,
      LambdaRuntime runtime,
      BuildLog log) {
    LayerLayout layout = new LayerLayout();
    try {
      Map<String, Entry> byName = new HashMap<>();
      List<SelectedWheel> ordered = new ArrayList<>(wheels);
      ordered.sort(Comparator.comparing(w -> w.lockPackage().name()));
      for (SelectedWheel w : ordered) {
        Path file = files.get(w.filename().filename());
        ZipReader zip = ZipReader.open(file);
        layout.readers.add(zip);
        List<Entry> own = layout.planWheel(w, zip, prefix, runtime, log);
        for (Entry e : own) {
          Entry previous = byName.putIfAbsent(e.name(), e);
          if (previous != null) {
            boolean same =
                previous.info() != null
                    && e.info() != null
                    && previous.info().crc() == e.info().crc()
                    && previous.info().size() == e.info().size();
            if (!same) {
              log.warn(
                  "Both "
                      + previous.owner().label()
                      + " and "
                      + e.owner().label()
                      + " install "
                      + e.name()
                      + "; keeping the one of "
                      + previous.owner().label()
                      + " (uv would keep whichever it installs last).");
            }
            continue;
          }
          layout.entries.add(e);
        }
      }
      layout.entries.sort(Comparator.comparing(Entry::name));
      return layout;
    } catch (IOException e) {
      layout.closeQuietly();
      throw new UvLambdaException("Cannot read a wheel: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      layout.closeQuietly();
      throw e;
    }
  }

  private List<Entry> planWheel(
      SelectedWheel w, ZipReader zip, String prefix, LambdaRuntime runtime, BuildLog log)
      throws IOException {
    String wheel = w.filename().filename();
    String owner = w.lockPackage().label();
    LockPackage pkg = w.lockPackage();
    checkDistInfo(w, zip);
    List<Entry> out = new ArrayList<>();
    boolean movedData = false;
    Map<String, String> renamed = new HashMap<>();
    ZipEntryInfo record = null;
    for (ZipEntryInfo e : zip.entries()) {
      if (e.isDirectory()) {
        continue;
      }
      Optional<String> unsafe = EntryNames.problem(e.name());
      if (unsafe.isPresent()) {
        throw new UvLambdaException(
            "The wheel "
                + wheel
                + " ("
                + owner
                + ") has an unsafe entry '"
                + e.name()
                + "' ("
                + unsafe.get()
                + "): refusing to install it. Pin another version of "
                + w.lockPackage().name()
                + ".");
      }
      if (e.isSymlink()) {
        throw new UvLambdaException(
            "The wheel "
                + wheel
                + " ("
                + owner
                + ") has a symbolic link '"
                + e.name()
                + "': refusing to install it,"
                + " since it could point outside the layer.");
      }
      if (e.isEncrypted()) {
        throw new UvLambdaException(
            "The wheel " + wheel + " has an encrypted entry '" + e.name() + "'.");
      }
      String target = e.name();
      boolean executable = e.isExecutable();
      byte[] generated = null;
      Matcher d = DATA_DIR.matcher(e.name());
      if (d.matches()) {
        movedData = true;
        String rest = d.group(3);
        switch (d.group(2)) {
          case "purelib", "platlib", "data" -> target = rest;
          case "headers" -> target = "include/" + w.lockPackage().name().value() + "/" + rest;
          case "scripts" -> {
            target = "bin/" + rest;
            executable = true;
            byte[] content = zip.content(e, 64L * 1024 * 1024);
            byte[] rewritten = rewriteShebang(content, runtime);
            if (rewritten != content) {
              generated = rewritten;
            }
          }
          default ->
              throw new UvLambdaException(
                  "The wheel "
                      + wheel
                      + " has an unknown data directory '"
                      + d.group(2)
                      + "' ("
                      + e.name()
                      + "); uv refuses it too (\"Unknown wheel data type\").");
        }
        if (target.isEmpty() || EntryNames.problem(target).isPresent()) {
          throw new UvLambdaException(
              "The wheel " + wheel + " has an unsafe data entry '" + e.name() + "'.");
        }
        renamed.put(e.name(), target);
      }
      if (e.name().endsWith(".dist-info/RECORD")
          && e.name().indexOf('/') == e.name().lastIndexOf('/')) {
        record = e;
        continue;
      }
      out.add(
          new Entry(
              prefix + target,
              generated == null ? zip : null,
              generated == null ? e : null,
              generated,
              executable,
              pkg));
    }
    if (record != null) {
      if (movedData) {
        // uv rewrites RECORD with the paths the files got; do the same for the moved ones.
        String text = new String(zip.content(record, 64L * 1024 * 1024), StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\r?\n")) {
          if (line.isEmpty()) {
            continue;
          }
          int comma = line.startsWith("\"") ? line.indexOf("\",") + 1 : line.indexOf(',');
          String path = comma < 0 ? line : line.substring(0, comma).replace("\"", "");
          String rest = comma < 0 ? "" : line.substring(comma);
          b.append(renamed.getOrDefault(path, path)).append(rest).append('\n');
        }
        out.add(
            new Entry(
                prefix + record.name(),
                null,
                null,
                b.toString().getBytes(StandardCharsets.UTF_8),
                false,
                pkg));
      } else {
        out.add(new Entry(prefix + record.name(), zip, record, null, false, pkg));
      }
    }
    return out;
  }

  /** Checks the wheel's WHEEL and METADATA the way uv does before installing it. */
  private static void checkDistInfo(SelectedWheel w, ZipReader zip) throws IOException {
    String wheel = w.filename().filename();
    ZipEntryInfo wheelFile = null;
    ZipEntryInfo metadata = null;
    for (ZipEntryInfo e : zip.entries()) {
      Matcher m = DIST_INFO.matcher(e.name());
      if (m.lookingAt() && e.name().indexOf('/') == e.name().lastIndexOf('/')) {
        if (e.name().endsWith("/WHEEL")) {
          wheelFile = e;
        } else if (e.name().endsWith("/METADATA")) {
          metadata = e;
        }
      }
    }
    if (wheelFile == null || metadata == null) {
      throw new UvLambdaException(
          "The wheel " + wheel + " has no .dist-info/WHEEL or METADATA: it is not a valid wheel.");
    }
    String wheelText = new String(zip.content(wheelFile, 1 << 20), StandardCharsets.UTF_8);
    Matcher v = Pattern.compile("(?m)^Wheel-Version:\\s*(\\d+)").matcher(wheelText);
    if (v.find() && !v.group(1).equals("1")) {
      throw new UvLambdaException(
          "The wheel "
              + wheel
              + " has Wheel-Version "
              + v.group(1)
              + "; only version 1 wheels can be installed.");
    }
    String meta = new String(zip.content(metadata, 16L << 20), StandardCharsets.UTF_8);
    Matcher name = Pattern.compile("(?m)^Name:\\s*(\\S+)").matcher(meta);
    Matcher version = Pattern.compile("(?m)^Version:\\s*(\\S+)").matcher(meta);
    if (name.find() && !PackageName.normalize(name.group(1)).equals(w.filename().name().value())) {
      throw new UvLambdaException(
          "The wheel "
              + wheel
              + " contains the metadata of '"
              + name.group(1)
              + "', not of "
              + w.filename().name()
              + ".");
    }
    if (version.find()) {
      Optional<Version> inMeta = Version.tryParse(version.group(1)).map(Version::publicVersion);
      Optional<Version> inName =
          Version.tryParse(w.filename().version()).map(Version::publicVersion);
      if (inMeta.isPresent() && inName.isPresent() && !inMeta.equals(inName)) {
        throw new UvLambdaException(
            "The wheel "
                + wheel
                + " says version "
                + version.group(1)
                + " in its METADATA, not "
                + w.filename().version()
                + ".");
      }
    }
  }

  private static byte[] rewriteShebang(byte[] content, LambdaRuntime runtime) {
    String head = new String(content, 0, Math.min(content.length, 16), StandardCharsets.ISO_8859_1);
    String marker =
        head.startsWith("#!pythonw")
            ? "#!pythonw"
            : head.startsWith("#!python") ? "#!python" : null;
    if (marker == null) {
      return content;
    }
    int eol = 0;
    while (eol < content.length && content[eol] != '\n') {
      eol++;
    }
    String first = new String(content, 0, eol, StandardCharsets.ISO_8859_1).stripTrailing();
    if (!first.equals(marker)) {
      return content;
    }
    byte[] shebang =
        ("#!/var/lang/bin/python" + runtime.pythonVersion()).getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[shebang.length + content.length - eol];
    System.arraycopy(shebang, 0, out, 0, shebang.length);
    System.arraycopy(content, eol, out, shebang.length, content.length - eol);
    return out;
  }

  private void closeQuietly() {
    for (ZipReader r : readers) {
      try {
        r.close();
      } catch (IOException ignored) {
        // closing after a failure
      }
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
