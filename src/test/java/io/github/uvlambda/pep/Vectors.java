package io.github.uvlambda.pep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tab-separated oracle files written by src/test/python/generate_pep_vectors.py. */
public final class Vectors {
  private Vectors() {}

  public static List<String[]> read(String name) {
    InputStream in = Vectors.class.getResourceAsStream("/vectors/" + name);
    if (in == null) {
      throw new IllegalStateException("missing test vectors /vectors/" + name);
    }
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        for (int i = 0; i < cells.length; i++) {
          cells[i] = unescape(cells[i]);
        }
        rows.add(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(
            switch (n) {
              case 't' -> '\t';
              case 'n' -> '\n';
              default -> n;
            });
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
