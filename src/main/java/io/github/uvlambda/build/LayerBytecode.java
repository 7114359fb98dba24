package io.github.uvlambda.build;

import io.github.uvlambda.BuildLog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Adds the bytecode of a layer's Python sources to its contents, next to them in {@code
 * __pycache__/}, compiled with the path Lambda extracts layers to ({@code /opt/python/...}). A
 * {@code .pyc} a wheel already ships is kept as it is and not compiled again.
 */
final class LayerBytecode {
  /** Where Lambda extracts a layer. */
  static final String LAYER_ROOT = "/opt/";

  private LayerBytecode() {}

  static LayerContents addTo(
      LayerContents contents, BytecodeCompiler compiler, String label, BuildLog log) {
    Set<String> names = new HashSet<>();
    contents.entries().forEach(e -> names.add(e.name()));
    List<BytecodeCompiler.Source> sources = new ArrayList<>();
    Map<String, LayerEntry> byName = new java.util.HashMap<>();
    int shipped = 0;
    for (LayerEntry e : contents.entries()) {
      if (!BytecodeCompiler.isSource(e.name())) {
        continue;
      }
      if (names.contains(compiler.pycName(e.name()))) {
        shipped++;
        continue;
      }
      byName.put(e.name(), e);
      sources.add(new BytecodeCompiler.Source(e.name(), () -> e.content().bytes()));
    }
    SortedMap<String, byte[]> compiled = compiler.compile(sources, LAYER_ROOT);
    List<LayerEntry> all = new ArrayList<>(contents.entries());
    long added = 0;
    for (BytecodeCompiler.Source s : sources) {
      byte[] pyc = compiled.get(compiler.pycName(s.name()));
      if (pyc == null) {
        continue;
      }
      LayerEntry source = byName.get(s.name());
      all.add(
          new LayerEntry(
              compiler.pycName(s.name()),
              source.packageName(),
              source.packageVersion(),
              pyc.length,
              false,
              new LayerEntry.Generated(pyc)));
      added += pyc.length;
    }
    log.info(
        label
            + ": bytecode for "
            + compiled.size()
            + " of "
            + (sources.size() + shipped)
            + " Python files, compiled by "
            + compiler.python().identity()
            + " (+"
            + LayerReport.mb(added)
            + " unzipped"
            + (shipped == 0 ? "" : "; " + shipped + " shipped compiled by their wheels")
            + (sources.size() > compiled.size()
                ? "; " + (sources.size() - compiled.size()) + " do not compile, see the debug log"
                : "")
            + ")");
    return new LayerContents(all, () -> {});
  }
}
