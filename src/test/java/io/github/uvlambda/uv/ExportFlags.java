package io.github.uvlambda.uv;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Test helper: the ExportOptions a `uv export` command line asks for. */
final class ExportFlags {
  private ExportFlags() {}

  static ExportOptions parse(List<String> args) {
    List<String> groups = new ArrayList<>();
    List<String> only = new ArrayList<>();
    List<String> no = new ArrayList<>();
    List<String> extras = new ArrayList<>();
    Set<String> noEmit = new LinkedHashSet<>();
    boolean noDefault = false;
    boolean noDev = false;
    boolean all = false;
    boolean allExtras = false;
    boolean noEmitProject = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String value = null;
      if (a.contains("=")) {
        value = a.substring(a.indexOf('=') + 1);
        a = a.substring(0, a.indexOf('='));
      }
      switch (a) {
        case "--group" -> groups.add(value != null ? value : args.get(++i));
        case "--only-group" -> only.add(value != null ? value : args.get(++i));
        case "--no-group" -> no.add(value != null ? value : args.get(++i));
        case "--extra" -> extras.add(value != null ? value : args.get(++i));
        case "--no-emit-package" -> noEmit.add(value != null ? value : args.get(++i));
        case "--no-default-groups" -> noDefault = true;
        case "--no-dev" -> noDev = true;
        case "--all-groups" -> all = true;
        case "--all-extras" -> allExtras = true;
        case "--no-emit-project" -> noEmitProject = true;
        case "-o", "--output-file" -> i += value != null ? 0 : 1;
        default -> {
          // --frozen, --no-hashes, --format and the like do not change the selection.
          if (a.equals("--format")) {
            i += value != null ? 0 : 1;
          }
        }
      }
    }
    return new ExportOptions(
        groups, only, no, noDefault, noDev, all, extras, allExtras, noEmitProject, noEmit);
  }
}
