package io.github.uvlambda.build;

import io.github.uvlambda.archive.ReproducibleZipWriter;
import io.github.uvlambda.archive.ZipEntryInfo;
import io.github.uvlambda.archive.ZipReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file of a dependency layer, as an installer produced it and before it is zipped.
 *
 * @param name the path in the zip, e.g. {@code python/numpy/__init__.py}
 * @param packageName the distribution that installed it (for the size report), normalized
 * @param packageVersion its version, or empty when unknown
 * @param size unzipped bytes
 */
public record LayerEntry(
    String name,
    String packageName,
    String packageVersion,
    long size,
    boolean executable,
    Content content) {

  /** Where the bytes of an entry come from. */
  public sealed interface Content {
    void writeTo(ReproducibleZipWriter zip, String name, boolean executable) throws IOException;

    /** The unzipped bytes, for the steps that read what they add to (bytecode, metadata). */
    byte[] bytes() throws IOException;
  }

  /** An entry of a wheel, copied compressed as it is (no inflate/deflate). */
  public record WheelEntry(ZipReader wheel, ZipEntryInfo info) implements Content {
    @Override
    public void writeTo(ReproducibleZipWriter zip, String name, boolean executable)
        throws IOException {
      zip.addRaw(name, wheel, info, executable);
    }

    @Override
    public byte[] bytes() throws IOException {
      return wheel.content(info, info.size());
    }
  }

  /** Bytes made by the plugin (a rewritten script, a RECORD with moved paths, bytecode). */
  public record Generated(byte[] bytes) implements Content {
    @Override
    public void writeTo(ReproducibleZipWriter zip, String name, boolean executable)
        throws IOException {
      zip.add(name, bytes, executable);
    }
  }

  /** A file on disk, read when the zip is written (a real uv's {@code --target} folder). */
  public record DiskFile(Path file) implements Content {
    @Override
    public void writeTo(ReproducibleZipWriter zip, String name, boolean executable)
        throws IOException {
      zip.add(name, Files.readAllBytes(file), executable);
    }

    @Override
    public byte[] bytes() throws IOException {
      return Files.readAllBytes(file);
    }
  }

  public void writeTo(ReproducibleZipWriter zip) throws IOException {
    content.writeTo(zip, name, executable);
  }
}
