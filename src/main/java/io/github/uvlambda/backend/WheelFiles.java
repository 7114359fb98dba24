package io.github.uvlambda.backend;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a backend puts in a wheel besides its {@code .dist-info}: each wheel path with the tree file
 * it comes from.
 *
 * @param topLevel the names for {@code top_level.txt}, or null when the backend writes none
 * @param description a summary the backend computes (flit's docstring), or null
 * @param version a version the backend computes statically, or null
 */
public record WheelFiles(
    SortedMap<String, Path> files, List<String> topLevel, String description, String version) {

  public WheelFiles {
    files = new TreeMap<>(files);
  }

  public static WheelFiles of(SortedMap<String, Path> files) {
    return new WheelFiles(files, null, null, null);
  }

  public WheelFiles withTopLevel(List<String> names) {
    return new WheelFiles(files, names, description, version);
  }

  public WheelFiles withDynamic(String newDescription, String newVersion) {
    return new WheelFiles(files, topLevel, newDescription, newVersion);
  }
}
