package io.github.uvlambda.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes small but real wheels for tests: any tags, files, .data trees, or hostile entries. */
public final class TestWheel {
  private final String name;
  private final String version;
  private String tags = "py3-none-any";
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final Map<String, Integer> modes = new LinkedHashMap<>();
  private boolean metadata = true;
  private final java.util.List<String> requiresDist = new java.util.ArrayList<>();
  private final Map<String, Long> zeros = new LinkedHashMap<>();

  public TestWheel(String name, String version) {
    this.name = name;
    this.version = version;
  }

  public TestWheel tags(String t) {
    this.tags = t;
    return this;
  }

  public TestWheel file(String path, String content) {
    files.put(path, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public TestWheel file(String path, byte[] content) {
    files.put(path, content);
    return this;
  }

  /** An entry with explicit Unix mode bits (e.g. 0120777 for a symlink). */
  public TestWheel entry(String path, String content, int unixMode) {
    file(path, content);
    modes.put(path, unixMode);
    return this;
  }

  /** A file of {@code size} zero bytes: huge unzipped, tiny in the wheel (written in chunks). */
  public TestWheel zeros(String path, long size) {
    zeros.put(path, size);
    return this;
  }

  /** A {@code Requires-Dist} line of METADATA, e.g. {@code botocore>=1.30.1,<1.31.0}. */
  public TestWheel requires(String requirement) {
    requiresDist.add(requirement);
    return this;
  }

  public TestWheel withoutMetadata() {
    metadata = false;
    return this;
  }

  public String distName() {
    return name.replace('-', '_');
  }

  public String filename() {
    return distName() + "-" + version + "-" + tags + ".whl";
  }

  public byte[] bytes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String info = distName() + "-" + version + ".dist-info/";
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      StringBuilder record = new StringBuilder();
      Map<String, byte[]> all = new LinkedHashMap<>(files);
      if (metadata) {
        all.put(
            info + "METADATA",
            ("Metadata-Version: 2.1\nName: "
                    + name
                    + "\nVersion: "
                    + version
                    + "\n"
                    + requiresDist.stream()
                        .map(r -> "Requires-Dist: " + r + "\n")
                        .reduce("", String::concat))
                .getBytes(StandardCharsets.UTF_8));
        all.put(
            info + "WHEEL",
            ("Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: " + tags + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      for (Map.Entry<String, byte[]> e : all.entrySet()) {
        ZipEntry z = new ZipEntry(e.getKey());
        Integer mode = modes.get(e.getKey());
        if (mode != null) {
          // java.util.zip cannot set external attributes; the mode is patched in afterwards.
          z.setComment("mode:" + Integer.toOctalString(mode));
        }
        zip.putNextEntry(z);
        zip.write(e.getValue());
        zip.closeEntry();
        record.append(e.getKey()).append(",,\n");
      }
      byte[] chunk = new byte[1 << 20];
      for (Map.Entry<String, Long> e : zeros.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        for (long left = e.getValue(); left > 0; left -= chunk.length) {
          zip.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
        zip.closeEntry();
        record.append(e.getKey()).append(",,\n");
      }
      if (metadata) {
        record.append(info).append("RECORD,,\n");
        zip.putNextEntry(new ZipEntry(info + "RECORD"));
        zip.write(record.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return patchModes(bytes.toByteArray());
  }

  /** Sets "made by Unix" and the external attributes of entries that asked for a mode. */
  private byte[] patchModes(byte[] zip) {
    if (modes.isEmpty()) {
      return zip;
    }
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(zip).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i + 46 < zip.length; i++) {
      if (b.getInt(i) != 0x02014b50) {
        continue;
      }
      int nameLen = Short.toUnsignedInt(b.getShort(i + 28));
      String entry = new String(zip, i + 46, nameLen, StandardCharsets.UTF_8);
      Integer mode = modes.get(entry);
      if (mode != null) {
        b.putShort(i + 4, (short) ((3 << 8) | 20));
        b.putInt(i + 38, mode << 16);
      }
    }
    return zip;
  }

  public Path writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path p = dir.resolve(filename());
    Files.write(p, bytes());
    return p;
  }

  public static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
