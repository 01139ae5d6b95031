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
  private static final String MAGIC = "superloop-step-journal 1 ";
  private static final int MAX_HEADER = 64;
  private static final int CRC_BLOCK = 64 << 10;

  private final Path file;
  private final FileOps ops;
  private final long maxRecordBytes;

  /**
   * The journal {@code file}, touched through {@code ops}.
   *
   * @param maxRecordBytes the longest record written or read ({@code ReadLimits.stepJournalBytes}):
   *     bounds the heap of a step and of a recovery
   */
  StepJournal(Path file, FileOps ops, long maxRecordBytes) {
    this.file = file;
    this.ops = ops;
    this.maxRecordBytes = maxRecordBytes;
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

  /**
   * Reads the journal: its header line first (at most 64 bytes), then the record only when the
   * header is this version's, its length matches the file and is within the limit. Nothing beyond
   * the limit is held in memory.
   *
   * @throws VisibilityException {@link ErrorCode#LIMIT_EXCEEDED} for a whole record (checksum
   *     correct) longer than the limit, written with a higher one: the journal is kept; a file
   *     error ({@link ErrorCode#SYMLINK_REFUSED}, {@link ErrorCode#NOT_REGULAR_FILE}, ...)
   */
  Content read() {
    try (FileOps.Handle h = ops.open(file, FileOps.Mode.READ)) {
      long size = h.size();
      if (size == 0) {
        return new Empty();
      }
      ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, MAX_HEADER));
      fill(h, head, 0);
      long[] lengthAndCrc = parseHeader(head.array(), head.position());
      if (lengthAndCrc == null) {
        return new Torn(size);
      }
      long length = lengthAndCrc[0];
      long start = header(length, lengthAndCrc[1]).length() + 1L;
      if (length != size - start) {
        return new Torn(size);
      }
      if (length > maxRecordBytes) {
        if (crcOf(h, start, length) != lengthAndCrc[1]) {
          return new Torn(size);
        }
        throw new VisibilityException(
                ErrorCode.LIMIT_EXCEEDED,
                "the step journal holds a committed step of "
                    + length
                    + " bytes, more than the limit of "
                    + maxRecordBytes
                    + " (ReadLimits.stepJournalBytes); give the plane a higher limit to complete"
                    + " that step")
            .withFile(file.toString());
      }
      ByteBuffer body = ByteBuffer.allocate((int) length);
      fill(h, body, start);
      CRC32 c = new CRC32();
      c.update(body.array(), 0, body.position());
      if (body.hasRemaining() || c.getValue() != lengthAndCrc[1]) {
        return new Torn(size);
      }
      return new Whole(body.array());
    } catch (NoSuchFileException e) {
      return new Empty();
    } catch (IOException e) {
      throw IoErrors.of("cannot read the step journal", file, e);
    }
  }

  /** Reads from {@code position} until {@code dst} is full or the file ends. */
  private static void fill(FileOps.Handle h, ByteBuffer dst, long position) throws IOException {
    long pos = position;
    while (dst.hasRemaining()) {
      int n = h.read(dst, pos);
      if (n < 0) {
        return;
      }
      pos += n;
    }
  }

  /** The CRC-32 of {@code length} bytes from {@code start}, read in blocks (constant memory). */
  private static long crcOf(FileOps.Handle h, long start, long length) throws IOException {
    CRC32 c = new CRC32();
    ByteBuffer block = ByteBuffer.allocate(CRC_BLOCK);
    long pos = start;
    long end = start + length;
    while (pos < end) {
      block.clear().limit((int) Math.min(CRC_BLOCK, end - pos));
      int n = h.read(block, pos);
      if (n < 0) {
        return -1; // shorter than its size said: cut short
      }
      c.update(block.array(), 0, n);
      pos += n;
    }
    return c.getValue();
  }

  /**
   * The record length and CRC-32 of this version's header line at the start of {@code b}, or null.
   */
  private static long @Nullable [] parseHeader(byte[] b, int len) {
    int nl = -1;
    for (int i = 0; i < len; i++) {
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
    if (length < 0 || !header.equals(header(length, crc))) {
      return null; // only the header write() writes: one spelling of each value
    }
    return new long[] {length, crc};
  }

  private static String header(long length, long crc) {
    return MAGIC + length + " " + HexFormat.of().toHexDigits((int) crc);
  }

  /**
   * Writes {@code record} and forces it: the step's commit point. A new journal file's directory
   * entry is forced too.
   *
   * @throws VisibilityException {@link ErrorCode#LIMIT_EXCEEDED} for a record over the limit
   *     (nothing is written); a file error
   */
  void write(byte[] record) {
    if (record.length > maxRecordBytes) {
      throw new VisibilityException(
              ErrorCode.LIMIT_EXCEEDED,
              "a step's writes take "
                  + record.length
                  + " bytes, more than the step journal's limit of "
                  + maxRecordBytes
                  + " (ReadLimits.stepJournalBytes)")
          .withFile(file.toString());
    }
    byte[] header =
        (header(record.length, StateFile.crc32Of(record)) + "\n")
            .getBytes(StandardCharsets.US_ASCII);
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
