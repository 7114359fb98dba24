package io.github.uvlambda.build;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link LayerInstaller} produced: the layer's files in zip order, not yet written. It holds
 * what the entries read from (open wheels, a temporary folder) until it is closed.
 */
public final class LayerContents implements Closeable {
  private final List<LayerEntry> entries;
  private final Closeable resources;

  /**
   * @param resources released by {@link #close()}, after the zip is written
   */
  public LayerContents(List<LayerEntry> entries, Closeable resources) {
    List<LayerEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(LayerEntry::name));
    this.entries = List.copyOf(sorted);
    this.resources = resources;
  }

  public List<LayerEntry> entries() {
    return entries;
  }

  public long unzippedSize() {
    return entries.stream().mapToLong(LayerEntry::size).sum();
  }

  /** Unzipped bytes and files per installed package, in name order. */
  public List<LayerReport.PackageSize> packageSizes() {
    Map<String, long[]> bytesAndFiles = new TreeMap<>();
    Map<String, String> versions = new TreeMap<>();
    for (LayerEntry e : entries) {
      long[] sum = bytesAndFiles.computeIfAbsent(e.packageName(), k -> new long[2]);
      sum[0] += e.size();
      sum[1]++;
      versions.putIfAbsent(e.packageName(), e.packageVersion());
    }
    List<LayerReport.PackageSize> out = new ArrayList<>();
    bytesAndFiles.forEach(
        (name, sum) ->
            out.add(new LayerReport.PackageSize(name, versions.get(name), sum[0], (int) sum[1])));
    return out;
  }

  @Override
  public void close() throws IOException {
    resources.close();
  }
}
