package io.github.uvlambda.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproducibleZipWriterTest {

  private static byte[] zip(Instant time) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ReproducibleZipWriter w = new ReproducibleZipWriter(out, time)) {
      w.add("a.py", "print(1)\n".getBytes(StandardCharsets.UTF_8), false);
      w.add("bin/tool", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), true);
      w.add("pkg/\u00e9t\u00e9.py", new byte[0], false);
    }
    return out.toByteArray();
  }

  @Test
  void sameContentGivesSameBytesInAnyTimeZone() throws IOException {
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      byte[] a = zip(Instant.parse("2026-01-01T00:00:00Z"));
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      byte[] b = zip(Instant.parse("2026-01-01T00:00:00Z"));
      assertThat(b).isEqualTo(a);
      assertThat(zip(Instant.parse("2026-01-02T00:00:00Z"))).isNotEqualTo(a);
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void writesAZipThatJavaReadsWithModesAndNames(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("t.zip");
    Files.write(f, zip(ReproducibleZipWriter.DEFAULT_TIME));
    try (ZipFile z = new ZipFile(f.toFile())) {
      assertThat(Collections.list(z.entries()).stream().map(ZipEntry::getName).toList())
          .containsExactly("a.py", "bin/tool", "pkg/\u00e9t\u00e9.py");
      assertThat(
              new String(
                  z.getInputStream(z.getEntry("a.py")).readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("print(1)\n");
      assertThat(z.getEntry("a.py").getExtra()).isNull();
    }
    try (ZipReader r = ZipReader.open(f)) {
      assertThat(r.entries())
          .extracting(ZipEntryInfo::unixMode)
          .containsExactly(0100644, 0100755, 0100644);
    }
  }

  @Test
  void refusesUnsortedOrDuplicateEntries() throws IOException {
    try (ReproducibleZipWriter w =
        new ReproducibleZipWriter(
            new ByteArrayOutputStream(), ReproducibleZipWriter.DEFAULT_TIME)) {
      w.add("b", new byte[0], false);
      assertThatThrownBy(() -> w.add("a", new byte[0], false))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> w.add("b", new byte[0], false))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void copiesCompressedEntriesRawAndWritesZip64ForManyEntries(@TempDir Path dir)
      throws IOException {
    Path source = dir.resolve("src.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(source))) {
      out.putNextEntry(new ZipEntry("big.txt"));
      out.write("hello ".repeat(10_000).getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    Path target = dir.resolve("many.zip");
    try (ZipReader r = ZipReader.open(source);
        ReproducibleZipWriter w =
            new ReproducibleZipWriter(target, ReproducibleZipWriter.DEFAULT_TIME)) {
      ZipEntryInfo big = r.entries().get(0);
      assertThat(big.method()).isEqualTo(ZipEntryInfo.DEFLATED);
      w.addRaw("a/big.txt", r, big, false);
      for (int i = 0; i < 70_000; i++) {
        w.add(String.format("b/%06d", i), new byte[0], false);
      }
    }
    try (ZipFile z = new ZipFile(target.toFile())) {
      assertThat(z.size()).isEqualTo(70_001);
      assertThat(
              new String(
                  z.getInputStream(z.getEntry("a/big.txt")).readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("hello ".repeat(10_000));
    }
    try (ZipReader r = ZipReader.open(target)) {
      assertThat(r.entries()).hasSize(70_001);
      assertThat(r.content(r.entries().get(0), 1 << 20)).hasSize(60_000);
    }
  }

  @Test
  void entryNamesThatEscapeAreRecognised() {
    for (String bad : List.of("/etc/passwd", "../x", "a/../../x", "C:/x", "a\\b", "")) {
      assertThat(EntryNames.problem(bad)).as(bad).isPresent();
    }
    assertThat(EntryNames.problem("pkg/mod.py")).isEmpty();
    assertThat(EntryNames.problem("pkg/..hidden")).isEmpty();
  }
}
