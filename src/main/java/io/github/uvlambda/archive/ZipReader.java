package io.github.uvlambda.archive;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a zip's central directory (zip64 included) and gives access to each entry's compressed
 * bytes as they are, so a layer can be assembled by copying them without inflating and deflating.
 */
public final class ZipReader implements Closeable {
  private static final int EOCD = 0x06054b50;
  private static final int ZIP64_LOCATOR = 0x07064b50;
  private static final int ZIP64_EOCD = 0x06064b50;
  private static final int CENTRAL = 0x02014b50;
  private static final int LOCAL = 0x04034b50;

  private final Path file;
  private final FileChannel channel;
  private final List<ZipEntryInfo> entries;

  private ZipReader(Path file, FileChannel channel, List<ZipEntryInfo> entries) {
    this.file = file;
    this.channel = channel;
    this.entries = entries;
  }

  public static ZipReader open(Path file) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      return new ZipReader(
          file, ch, centralDirectory((pos, len) -> readFully(ch, file, pos, len), ch.size(), file));
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  public Path file() {
    return file;
  }

  public List<ZipEntryInfo> entries() {
    return entries;
  }

  public FileChannel channel() {
    return channel;
  }

  /** Where the entry's compressed bytes start (after its local header). */
  public long dataOffset(ZipEntryInfo e) throws IOException {
    ByteBuffer h = read(e.localHeaderOffset(), 30);
    if (h.getInt(0) != LOCAL) {
      throw new IOException(file + ": bad local header for " + e.name());
    }
    int nameLen = Short.toUnsignedInt(h.getShort(26));
    int extraLen = Short.toUnsignedInt(h.getShort(28));
    return e.localHeaderOffset() + 30 + nameLen + extraLen;
  }

  /** The entry's uncompressed content; refuses entries larger than {@code maxSize}. */
  public byte[] content(ZipEntryInfo e, long maxSize) throws IOException {
    if (e.size() > maxSize) {
      throw new IOException(
          file
              + ": "
              + e.name()
              + " is "
              + e.size()
              + " bytes, more than the "
              + maxSize
              + " allowed");
    }
    ByteBuffer data = read(dataOffset(e), Math.toIntExact(e.compressedSize()));
    byte[] raw = new byte[data.remaining()];
    data.get(raw);
    if (e.method() == ZipEntryInfo.STORED) {
      return raw;
    }
    if (e.method() != ZipEntryInfo.DEFLATED) {
      throw new IOException(
          file
              + ": "
              + e.name()
              + " uses compression method "
              + e.method()
              + ", which is not supported");
    }
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(raw);
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(e.size(), 1 << 20));
      byte[] buf = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0
            && !inflater.finished()
            && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IOException(file + ": " + e.name() + " is truncated");
        }
        out.write(buf, 0, n);
        if (out.size() > maxSize) {
          throw new IOException(file + ": " + e.name() + " inflates beyond " + maxSize + " bytes");
        }
      }
      return out.toByteArray();
    } catch (DataFormatException ex) {
      throw new IOException(file + ": " + e.name() + " is corrupt: " + ex.getMessage(), ex);
    } finally {
      inflater.end();
    }
  }

  private ByteBuffer read(long position, int length) throws IOException {
    return readFully(channel, file, position, length);
  }

  /** Reads a zip's bytes at a position: a file's channel, or a remote object read by ranges. */
  @FunctionalInterface
  public interface RandomAccess {
    /** Exactly {@code length} bytes from {@code position}, little-endian, positioned at 0. */
    ByteBuffer read(long position, int length) throws IOException;
  }

  /** The most a zip's tail can hold after its central directory: the end record and a comment. */
  public static final int MAX_TAIL = 65535 + 22;

  private static ByteBuffer readFully(FileChannel ch, Path file, long position, int length)
      throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (ch.read(b, position + b.position()) < 0) {
        throw new IOException(file + ": unexpected end of file");
      }
    }
    b.flip();
    return b;
  }

  /**
   * The entries of the central directory (zip64 included) of a zip of {@code size} bytes.
   *
   * @param file what the zip is, for messages: a path or a URL
   */
  public static List<ZipEntryInfo> centralDirectory(RandomAccess source, long size, Object file)
      throws IOException {
    int tail = (int) Math.min(size, MAX_TAIL);
    ByteBuffer t = source.read(size - tail, tail);
    int eocd = -1;
    for (int i = tail - 22; i >= 0; i--) {
      if (t.getInt(i) == EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      throw new IOException(file + " is not a zip file (no end of central directory)");
    }
    long count = Short.toUnsignedInt(t.getShort(eocd + 10));
    long cdSize = Integer.toUnsignedLong(t.getInt(eocd + 12));
    long cdOffset = Integer.toUnsignedLong(t.getInt(eocd + 16));
    if (count == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
      int loc = eocd - 20;
      if (loc >= 0 && t.getInt(loc) == ZIP64_LOCATOR) {
        long z64 = t.getLong(loc + 8);
        ByteBuffer r = source.read(z64, 56);
        if (r.getInt(0) != ZIP64_EOCD) {
          throw new IOException(file + ": bad zip64 end of central directory");
        }
        count = r.getLong(32);
        cdSize = r.getLong(40);
        cdOffset = r.getLong(48);
      }
    }
    if (cdOffset + cdSize > size || cdSize > Integer.MAX_VALUE) {
      throw new IOException(file + ": central directory out of bounds");
    }
    ByteBuffer cd = source.read(cdOffset, (int) cdSize);
    List<ZipEntryInfo> out = new ArrayList<>();
    int p = 0;
    for (long i = 0; i < count; i++) {
      if (p + 46 > cd.limit() || cd.getInt(p) != CENTRAL) {
        throw new IOException(file + ": bad central directory entry " + i);
      }
      int madeBy = Short.toUnsignedInt(cd.getShort(p + 4));
      int flags = Short.toUnsignedInt(cd.getShort(p + 8));
      int method = Short.toUnsignedInt(cd.getShort(p + 10));
      long crc = Integer.toUnsignedLong(cd.getInt(p + 16));
      long csize = Integer.toUnsignedLong(cd.getInt(p + 20));
      long usize = Integer.toUnsignedLong(cd.getInt(p + 24));
      int nameLen = Short.toUnsignedInt(cd.getShort(p + 28));
      int extraLen = Short.toUnsignedInt(cd.getShort(p + 30));
      int commentLen = Short.toUnsignedInt(cd.getShort(p + 32));
      long ext = Integer.toUnsignedLong(cd.getInt(p + 38));
      long offset = Integer.toUnsignedLong(cd.getInt(p + 42));
      byte[] nameBytes = new byte[nameLen];
      cd.get(p + 46, nameBytes);
      String name = new String(nameBytes, StandardCharsets.UTF_8);
      int extra = p + 46 + nameLen;
      int extraEnd = extra + extraLen;
      while (extra + 4 <= extraEnd) {
        int id = Short.toUnsignedInt(cd.getShort(extra));
        int len = Short.toUnsignedInt(cd.getShort(extra + 2));
        if (id == 0x0001) {
          int q = extra + 4;
          if (usize == 0xFFFFFFFFL) {
            usize = cd.getLong(q);
            q += 8;
          }
          if (csize == 0xFFFFFFFFL) {
            csize = cd.getLong(q);
            q += 8;
          }
          if (offset == 0xFFFFFFFFL) {
            offset = cd.getLong(q);
          }
        }
        extra += 4 + len;
      }
      int mode = (madeBy >> 8) == 3 ? (int) ((ext >>> 16) & 0xFFFF) : 0;
      out.add(new ZipEntryInfo(name, method, flags, crc, csize, usize, offset, mode));
      p += 46 + nameLen + extraLen + commentLen;
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
