package io.github.uvlambda.wheel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uvlambda.BuildLog;
import io.github.uvlambda.lambda.Architecture;
import io.github.uvlambda.lambda.LambdaRuntime;
import io.github.uvlambda.pep.Vectors;
import io.github.uvlambda.uv.LockPackage;
import io.github.uvlambda.uv.LockReader;
import io.github.uvlambda.uv.UvLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetTagsTest {

  @Test
  void tagOrderEqualsPackagingForEveryLambdaRuntime() {
    for (String py : LambdaRuntime.PYTHON_VERSIONS) {
      for (Architecture arch : Architecture.values()) {
        List<String> expected =
            Vectors.read("tags/" + py + "-" + arch.platformMachine() + ".txt").stream()
                .map(r -> r[0])
                .toList();
        assertThat(new TargetTags(new LambdaRuntime(py, arch)).ordered())
            .as("python%s %s", py, arch)
            .containsExactlyElementsOf(expected);
      }
    }
  }

  @Test
  void al2023AcceptsManylinux234ButAl2DoesNot() {
    TargetTags py312 = new TargetTags(new LambdaRuntime("3.12", Architecture.X86_64));
    TargetTags py311 = new TargetTags(new LambdaRuntime("3.11", Architecture.X86_64));
    var tag = io.github.uvlambda.pep.WheelTag.parse("cp311-abi3-manylinux_2_34_x86_64");
    assertThat(py312.rank(tag)).isNotNegative();
    assertThat(py311.rank(tag)).isEqualTo(-1);
  }

  @Test
  void chosenWheelEqualsPackagingChoiceForEveryRealLock() {
    Map<String, UvLock> locks = new HashMap<>();
    Map<String, WheelSelector> selectors = new HashMap<>();
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (String[] row : Vectors.read("wheel_choice.tsv")) {
      UvLock lock =
          locks.computeIfAbsent(row[0], f -> new LockReader(BuildLog.SILENT).read(Path.of(f)));
      WheelSelector selector =
          selectors.computeIfAbsent(
              row[3],
              t -> {
                String[] parts = t.split("-");
                Architecture a =
                    parts[1].equals("aarch64") ? Architecture.ARM64 : Architecture.X86_64;
                return new WheelSelector(new TargetTags(new LambdaRuntime(parts[0], a)));
              });
      for (LockPackage p : lock.byName(io.github.uvlambda.pep.PackageName.of(row[1]))) {
        if (!row[2].equals(p.version())
            || p.source().kind() != io.github.uvlambda.uv.LockSource.Kind.REGISTRY) {
          continue;
        }
        String got = selector.best(p).map(w -> w.filename().filename()).orElse("NO-WHEEL");
        if (!got.equals(row[4])) {
          failures.add(
              row[0] + " " + row[1] + " " + row[2] + " " + row[3] + ": got " + got + ", want "
                  + row[4]);
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(9000);
    assertThat(failures).isEmpty();
  }
}
