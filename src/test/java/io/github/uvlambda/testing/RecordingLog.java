package io.github.uvlambda.testing;

import io.github.uvlambda.BuildLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link BuildLog} that keeps every line, prefixed with its level. */
public final class RecordingLog implements BuildLog {
  private final List<String> lines = new CopyOnWriteArrayList<>();

  @Override
  public void debug(String message) {
    lines.add("DEBUG " + message);
  }

  @Override
  public void info(String message) {
    lines.add("INFO " + message);
  }

  @Override
  public void warn(String message) {
    lines.add("WARN " + message);
  }

  public List<String> lines() {
    return lines;
  }

  public List<String> warnings() {
    return lines.stream().filter(l -> l.startsWith("WARN ")).toList();
  }

  public String all() {
    return String.join("\n", lines);
  }
}
