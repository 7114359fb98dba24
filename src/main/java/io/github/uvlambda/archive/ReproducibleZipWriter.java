package io.github.uvlambda.archive;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes zips that are byte-for-byte the same for the same content on any machine: entries must be
 * added in sorted order, every entry carries the same timestamp (in UTC, so the machine's time zone
 * does not matter), permissions are normalised to 0644/0755, and there are no extra fields, data
 * descriptors or comments. Generated files are stored uncompressed, because deflate output depends
 * on the zlib the JVM links; entries copied from wheels keep their original compressed bytes.
 */
public final class ReproducibleZipWriter implements Closeable {
  /** 1980-01-01T00:00:00Z, the earliest time a zip can record: the default entry time. */
  public static final Instant DEFAULT_TIME = Instant.parse("1980-01-01T00:00:00Z");

  private record Central(
      String name, int method, long crc, long csize, long size, long offset, int mode) {}

  private final OutputStream out;
  private final int dosTime;
  private final int dosDate;
  private final List<Central> central = new ArrayList<>();
  private long position;
  private String last;

  public ReproducibleZipWriter(Path file, Instant time) throws IOException {
    this(Files.newOutputStream(file), time);
  }

  public ReproducibleZipWriter(OutputStream out, Instant time) {
    this.out = new BufferedOutputStream(out, 1 << 16);
    LocalDateTime t =
        LocalDateTime.ofInstant(time.isBefore(DEFAULT_TIME) ? DEFAULT_TIME : time, ZoneOffset.UTC);
    if (t.getYear() > 2107) {
      t = LocalDateTime.of(2107, 12, 31, 23, 59, 58);
    }
    this.dosDate = ((t.getYear() - 1980) << 9) | (t.getMonthValue() << 5) | t.getDayOfMonth();
    this.dosTime = (t.getHour() << 11) | (t.getMinute() << 5) | (t.getSecond() / 2);
  }

  /** Adds a file stored uncompressed. */
  public void add(String name, byte[] data, boolean executable) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(data);
    writeLocal(
        name, ZipEntryInfo.STORED, crc.getValue(), data.length, data.length, mode(executable));
    out.write(data);
    position += data.length;
  }

  /** Adds an entry by copying its compressed bytes, as they are, from another zip. */
  public void addRaw(String name, ZipReader source, ZipEntryInfo entry, boolean executable)
      throws IOException {
    if (entry.method() != ZipEntryInfo.STORED && entry.method() != ZipEntryInfo.DEFLATED) {
      throw new IOException(
          source.file()
              + ": "
              + entry.name()
              + " uses compression method "
              + entry.method()
              + "; Lambda reads only stored and deflated entries");
    }
    writeLocal(
        name, entry.method(), entry.crc(), entry.compressedSize(), entry.size(), mode(executable));
    FileChannel ch = source.channel();
    long from = source.dataOffset(entry);
    long remaining = entry.compressedSize();
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(1 << 16, Math.max(remaining, 1)));
    while (remaining > 0) {
      buf.clear();
      buf.limit((int) Math.min(buf.capacity(), remaining));
      int n = ch.read(buf, from);
      if (n < 0) {
        throw new IOException(source.file() + ": " + entry.name() + " is truncated");
      }
      out.write(buf.array(), 0, n);
      from += n;
      remaining -= n;
    }
    position += entry.compressedSize();
  }

  private static int mode(boolean executable) {
    return executable ? 0100755 : 0100644;
  }

  private void writeLocal(String name, int method, long crc, long csize, long size, int mode)
      throws IOException {
    if (last != null && name.compareTo(last) <= 0) {
      throw new IllegalStateException(
          "zip entries must be added in sorted order without duplicates: '"
              + name
              + "' after '"
              + last
              + "'");
    }
    if (position > 0xFFFFFFFFL || csize > 0xFFFFFFFFL || size > 0xFFFFFFFFL) {
      throw new IOException("zip larger than 4 GiB: far beyond Lambda's limits");
    }
    last = name;
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer h = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
    h.putInt(0x04034b50)
        .putShort((short) 20)
        .putShort((short) flags(name))
        .putShort((short) method)
        .putShort((short) dosTime)
        .putShort((short) dosDate)
        .putInt((int) crc)
        .putInt((int) csize)
        .putInt((int) size)
        .putShort((short) n.length)
        .putShort((short) 0);
    central.add(new Central(name, method, crc, csize, size, position, mode));
    out.write(h.array());
    out.write(n);
    position += 30 + n.length;
  }

  private static int flags(String name) {
    return StandardCharsets.US_ASCII.newEncoder().canEncode(name) ? 0 : 0x0800;
  }

  @Override
  public void close() throws IOException {
    try {
      long cdStart = position;
      for (Central c : central) {
        byte[] n = c.name().getBytes(StandardCharsets.UTF_8);
        ByteBuffer h = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x02014b50)
            .putShort((short) ((3 << 8) | 20))
            .putShort((short) 20)
            .putShort((short) flags(c.name()))
            .putShort((short) c.method())
            .putShort((short) dosTime)
            .putShort((short) dosDate)
            .putInt((int) c.crc())
            .putInt((int) c.csize())
            .putInt((int) c.size())
            .putShort((short) n.length)
            .putShort((short) 0)
            .putShort((short) 0)
            .putShort((short) 0)
            .putShort((short) 0)
            .putInt(c.mode() << 16)
            .putInt((int) c.offset());
        out.write(h.array());
        out.write(n);
        position += 46 + n.length;
      }
      long cdSize = position - cdStart;
      int count = central.size();
      if (count > 0xFFFF) {
        long zip64Start = position;
        ByteBuffer z = ByteBuffer.allocate(56 + 20).order(ByteOrder.LITTLE_ENDIAN);
        z.putInt(0x06064b50)
            .putLong(44)
            .putShort((short) ((3 << 8) | 45))
            .putShort((short) 45)
            .putInt(0)
            .putInt(0)
            .putLong(count)
            .putLong(count)
            .putLong(cdSize)
            .putLong(cdStart);
        z.putInt(0x07064b50).putInt(0).putLong(zip64Start).putInt(1);
        out.write(z.array());
        position += z.capacity();
      }
      ByteBuffer e = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
      int shortCount = Math.min(count, 0xFFFF);
      e.putInt(0x06054b50)
          .putShort((short) 0)
          .putShort((short) 0)
          .putShort((short) shortCount)
          .putShort((short) shortCount)
          .putInt((int) cdSize)
          .putInt((int) cdStart)
          .putShort((short) 0);
      out.write(e.array());
    } finally {
      out.close();
    }
  }
}
