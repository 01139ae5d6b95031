package io.superloop.visibility.core.store;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * The step journal of a loop, {@code OPS/.step-journal}: one step's record, written and forced
 * before any artifact of the step is touched, emptied once every artifact of the step is durable.
 * The file is a header line {@code superloop-step-journal 1 <length> <crc32>} and the record's
 * bytes; a header or a length or checksum that does not match is a write cut short. The file stays
 * in place between steps (empty), so its directory entry is forced once, when it is created.
 */
final class StepJournal {
  /** The longest record written or read: bounds the heap a recovery needs. */
  static final int MAX_RECORD_BYTES = 8 << 20;

  private static final String MAGIC = "superloop-step-journal 1 ";
  private static final int MAX_HEADER = 64;

  private final Path file;
  private final FileOps ops;

  StepJournal(Path file, FileOps ops) {
    this.file = file;
    this.ops = ops;
  }

  Path file() {
    return file;
  }

  /** What the journal holds. */
  sealed interface Content {}

  /** Nothing: no step is pending. */
  record Empty() implements Content {}

  /** A write that was cut short (or bytes that are no journal): its step touched no artifact. */
  record Torn(long size) implements Content {}

  /** A whole record: its step may have touched some of its artifacts. */
  record Whole(byte[] record) implements Content {}

  /** Reads the journal. */
  Content read() {
    try (FileOps.Handle h = ops.open(file, FileOps.Mode.READ)) {
      long size = h.size();
      if (size == 0) {
        return new Empty();
      }
      if (size > MAX_RECORD_BYTES + MAX_HEADER) {
        return new Torn(size);
      }
      ByteBuffer all = ByteBuffer.allocate((int) size);
      long pos = 0;
      while (all.hasRemaining()) {
        int n = h.read(all, pos);
        if (n < 0) {
          break;
        }
        pos += n;
      }
      byte @Nullable [] record = parse(all.array(), all.position());
      return record == null ? new Torn(size) : new Whole(record);
    } catch (NoSuchFileException e) {
      return new Empty();
    } catch (IOException e) {
      throw IoErrors.of("cannot read the step journal", file, e);
    }
  }

  private static byte @Nullable [] parse(byte[] b, int len) {
    int nl = -1;
    for (int i = 0; i < Math.min(len, MAX_HEADER); i++) {
      if (b[i] == '\n') {
        nl = i;
        break;
      }
    }
    if (nl < 0) {
      return null;
    }
    String header = new String(b, 0, nl, StandardCharsets.US_ASCII);
    if (!header.startsWith(MAGIC)) {
      return null;
    }
    String[] parts = header.substring(MAGIC.length()).split(" ", -1);
    if (parts.length != 2) {
      return null;
    }
    long length;
    long crc;
    try {
      length = Long.parseLong(parts[0]);
      crc = Long.parseLong(parts[1], 16);
    } catch (NumberFormatException e) {
      return null;
    }
    if (length < 0 || length != len - nl - 1 || !header.equals(header(length, crc))) {
      return null; // only the header write() writes: one spelling of each value
    }
    CRC32 c = new CRC32();
    c.update(b, nl + 1, (int) length);
    if (c.getValue() != crc) {
      return null;
    }
    byte[] out = new byte[(int) length];
    System.arraycopy(b, nl + 1, out, 0, out.length);
    return out;
  }

  private static String header(long length, long crc) {
    return MAGIC + length + " " + HexFormat.of().toHexDigits((int) crc);
  }

  /**
   * Writes {@code record} and forces it: the step's commit point. A new journal file's directory
   * entry is forced too.
   *
   * @throws VisibilityException {@link ErrorCode#LIMIT_EXCEEDED} for a record over {@link
   *     #MAX_RECORD_BYTES} (nothing is written); a file error
   */
  void write(byte[] record) {
    if (record.length > MAX_RECORD_BYTES) {
      throw new VisibilityException(
              ErrorCode.LIMIT_EXCEEDED,
              "a step's writes take " + record.length + " bytes, more than the step journal's "
                  + MAX_RECORD_BYTES)
          .withFile(file.toString());
    }
    CRC32 c = new CRC32();
    c.update(record);
    byte[] header = (header(record.length, c.getValue()) + "\n").getBytes(StandardCharsets.US_ASCII);
    boolean existed = ops.exists(file);
    try {
      try (FileOps.Handle h = ops.open(file, FileOps.Mode.LOCK)) {
        ByteBuffer all = ByteBuffer.allocate(header.length + record.length);
        all.put(header).put(record).flip();
        h.write(all);
        h.truncate(header.length + (long) record.length);
        h.force();
      }
      if (!existed) {
        ops.forceDirectory(AppendLog.parentOf(file));
      }
    } catch (IOException e) {
      if (!existed) {
        try {
          ops.deleteIfExists(file); // the next step creates it again and forces its entry
        } catch (IOException ignored) {
          // the record it holds is cut short or whole: either way the next step reads it right
        }
      }
      throw IoErrors.of("cannot write the step journal", file, e);
    }
  }

  /** Empties the journal (not forced: a journal that comes back is applied again, harmlessly). */
  void clear() {
    if (!ops.exists(file)) {
      return;
    }
    try (FileOps.Handle h = ops.open(file, FileOps.Mode.LOCK)) {
      if (h.size() > 0) {
        h.truncate(0);
      }
    } catch (NoSuchFileException e) {
      // nothing to clear
    } catch (IOException e) {
      throw IoErrors.of("cannot empty the step journal", file, e);
    }
  }
}
