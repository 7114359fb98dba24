package io.github.uvlambda.build;

import io.github.uvlambda.pep.PackageName;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder that {@code pip install --target} (uv's or pip's) filled: its files as layer entries,
 * each attributed to the distribution whose {@code .dist-info/RECORD} lists it.
 */
final class TargetFolder {
  private static final Pattern DIST_INFO = Pattern.compile("([^/]+)-([^/-]+)\\.dist-info");

  private TargetFolder() {}

  /** One installed distribution: its name, version and {@code .dist-info} folder. */
  record Distribution(String name, String version, Path distInfo) {}

  static List<Distribution> distributions(Path target) throws IOException {
    List<Distribution> out = new ArrayList<>();
    if (!Files.isDirectory(target)) {
      return out;
    }
    try (Stream<Path> top = Files.list(target)) {
      for (Path p : (Iterable<Path>) top.sorted()::iterator) {
        Matcher m = DIST_INFO.matcher(p.getFileName().toString());
        if (Files.isDirectory(p) && m.matches()) {
          out.add(new Distribution(PackageName.normalize(m.group(1)), m.group(2), p));
        }
      }
    }
    return out;
  }

  /**
   * The files under {@code target} as entries named {@code prefix + relative path}; files no RECORD
   * lists are attributed to their top-level folder.
   */
  static LayerContents read(Path target, String prefix, Closeable resources) throws IOException {
    Map<String, Distribution> owners = new HashMap<>();
    for (Distribution d : distributions(target)) {
      Path record = d.distInfo().resolve("RECORD");
      if (Files.isRegularFile(record)) {
        for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
          owners.put(recordPath(line), d);
        }
      }
    }
    List<LayerEntry> entries = new ArrayList<>();
    if (Files.isDirectory(target)) {
      try (Stream<Path> walk = Files.walk(target)) {
        for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
          String rel = target.relativize(f).toString().replace('\\', '/');
          Distribution d = owners.get(rel);
          entries.add(
              new LayerEntry(
                  prefix + rel,
                  d == null ? rel.split("/")[0] : d.name(),
                  d == null ? "" : d.version(),
                  Files.size(f),
                  Files.isExecutable(f),
                  new LayerEntry.DiskFile(f)));
        }
      }
    }
    return new LayerContents(entries, resources);
  }

  /** The path of a RECORD line ({@code path,hash,size}; a path with a comma is quoted). */
  private static String recordPath(String line) {
    if (line.startsWith("\"")) {
      int end = line.indexOf("\",");
      return end < 0 ? line.replace("\"", "") : line.substring(1, end);
    }
    int comma = line.indexOf(',');
    return comma < 0 ? line : line.substring(0, comma);
  }
}
