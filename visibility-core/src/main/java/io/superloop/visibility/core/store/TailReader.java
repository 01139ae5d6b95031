package io.superloop.visibility.core.store;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Finds the last <em>valid</em> record of a JSONL file (hardening H3: "last record" means the last
 * record that decodes) by reading backwards from the end in blocks (64 KiB by default), so the cost
 * depends on the length of the trailing lines examined, not on the size of the file. An
 * unterminated fragment at the end is skipped and reported; empty lines are skipped; unparseable
 * lines are skipped and counted. A line longer than the {@link Json}'s document length ({@link
 * io.superloop.visibility.api.json.JsonReadLimits#maxDocumentLength()}) counts as unparseable and
 * is never read into memory, so the memory of a scan is one block whatever the lines' length.
 */
public final class TailReader {
  /** The default (largest) block size. */
  public static final int DEFAULT_BLOCK_SIZE = 64 * 1024;

  /**
   * The first block read from the end: most records are shorter, so a tail read usually reads and
   * allocates this much only. Each further block doubles, up to the block size.
   */
  static final int FIRST_BLOCK_SIZE = 4 * 1024;

  private TailReader() {}

  /**
   * The last valid record of {@code file}, rows read within {@link
   * io.superloop.visibility.core.rules.ReadLimits#DEFAULT} (a longer row than 1 MiB is skipped); an
   * absent file gives an empty result with {@code exists() == false}.
   *
   * @param <T> the record type
   * @param file the log
   * @param codec decodes one line
   * @return the last record that decodes, if any, and whether the file exists
   * @throws VisibilityException on file errors other than absence
   */
  public static <T> TailRead<T> last(Path file, JsonCodec<T> codec) {
    return last(file, codec, JsonlReader.ROWS, DEFAULT_BLOCK_SIZE, RealFileOps.INSTANCE);
  }

  /**
   * As {@link #last(Path, JsonCodec)}, decoding with {@code json}'s limits.
   *
   * @param <T> the record type
   * @param file the log
   * @param codec decodes one line
   * @param json the read limits
   * @return the last record that decodes, if any, and whether the file exists
   * @throws VisibilityException on file errors other than absence
   */
  public static <T> TailRead<T> last(Path file, JsonCodec<T> codec, Json json) {
    return last(file, codec, json, DEFAULT_BLOCK_SIZE, RealFileOps.INSTANCE);
  }

  /**
   * Scans {@code file} backwards from its end over the records that decode (within {@link
   * io.superloop.visibility.core.rules.ReadLimits#DEFAULT}), and returns the first one (that is,
   * the last in the file) that {@code match} accepts. The scan ends without a match at the first
   * record that {@code stop} accepts (checked after {@code match}), or at the start of the file.
   * The cost depends on the length of the lines examined, not on the size of the file.
   *
   * @param <T> the record type
   * @param file the log
   * @param codec decodes one line; lines that do not decode are skipped
   * @param match the record sought
   * @param stop where the search gives up
   * @return the last matching record, if any, and whether the file exists
   * @throws VisibilityException on file errors other than absence
   */
  public static <T> TailRead<T> lastMatching(
      Path file, JsonCodec<T> codec, Predicate<? super T> match, Predicate<? super T> stop) {
    return scan(
        file, codec, JsonlReader.ROWS, DEFAULT_BLOCK_SIZE, RealFileOps.INSTANCE, match, stop);
  }

  static <T> TailRead<T> last(
      Path file, JsonCodec<T> codec, Json json, int blockSize, FileOps ops) {
    return scan(file, codec, json, blockSize, ops, v -> true, v -> false);
  }

  static <T> TailRead<T> scan(
      Path file,
      JsonCodec<T> codec,
      Json json,
      int blockSize,
      FileOps ops,
      Predicate<? super T> match,
      Predicate<? super T> stop) {
    if (blockSize < 1) {
      throw new VisibilityException(ErrorCode.INVALID_ARGUMENT, "blockSize must be >= 1");
    }
    FileOps.Handle h;
    try {
      h = ops.open(file, FileOps.Mode.READ);
    } catch (NoSuchFileException e) {
      return new TailRead<>(false, Optional.empty(), 0, Optional.empty(), 0);
    } catch (IOException e) {
      throw IoErrors.of("cannot open log", file, e);
    }
    try (h) {
      return new Scan<>(h, codec, json, blockSize).run(match, stop);
    } catch (IOException e) {
      throw IoErrors.of("cannot read log", file, e);
    }
  }

  /** One backward scan over a block cache. */
  private static final class Scan<T> {
    private final FileOps.Handle h;
    private final JsonCodec<T> codec;
    private final Json json;
    private final int maxBlock;
    private final long maxLine;
    private byte[] block;
    private long blockStart = -1;
    private int blockLen;
    private long bytesRead;

    Scan(FileOps.Handle h, JsonCodec<T> codec, Json json, int blockSize) {
      this.h = h;
      this.codec = codec;
      this.json = json;
      this.maxBlock = blockSize;
      this.maxLine = json.limits().maxDocumentLength();
      this.block = new byte[Math.min(blockSize, FIRST_BLOCK_SIZE)];
    }

    TailRead<T> run(Predicate<? super T> match, Predicate<? super T> stop) throws IOException {
      long size = h.size();
      if (size == 0) {
        return new TailRead<>(true, Optional.empty(), 0, Optional.empty(), 0);
      }
      Optional<TornTail> torn = Optional.empty();
      long lineEnd; // position of the '\n' ending the current line
      if (byteAt(size - 1) != '\n') {
        long nl = prevNewline(size - 1);
        torn = Optional.of(new TornTail(nl + 1, size - (nl + 1), 0));
        lineEnd = nl;
      } else {
        lineEnd = size - 1;
      }
      long skipped = 0;
      while (lineEnd >= 0) {
        long start = prevNewline(lineEnd) + 1;
        if (lineEnd - start > maxLine) {
          skipped++; // never read: a row this long is not one this library writes
          lineEnd = start - 1;
          continue;
        }
        int len = (int) (lineEnd - start);
        if (len > 0) {
          @Nullable T value = null;
          try {
            value = decode(start, len);
          } catch (RuntimeException e) {
            skipped++;
          }
          if (value != null) {
            if (match.test(value)) {
              return new TailRead<>(
                  true,
                  Optional.of(new JsonlRecord<>(value, 0, start, len)),
                  skipped,
                  torn,
                  bytesRead);
            }
            if (stop.test(value)) {
              return new TailRead<>(true, Optional.empty(), skipped, torn, bytesRead);
            }
          }
        }
        lineEnd = start - 1;
      }
      return new TailRead<>(true, Optional.empty(), skipped, torn, bytesRead);
    }

    /** The position of the last '\n' before {@code before}, or -1. */
    private long prevNewline(long before) throws IOException {
      long pos = before - 1;
      while (pos >= 0) {
        load(pos);
        for (int i = (int) (pos - blockStart); i >= 0; i--) {
          if (block[i] == '\n') {
            return blockStart + i;
          }
        }
        pos = blockStart - 1;
      }
      return -1;
    }

    private int byteAt(long pos) throws IOException {
      load(pos);
      return block[(int) (pos - blockStart)];
    }

    /** Makes the block cache hold {@code pos}, loading the block that ends right after it. */
    private void load(long pos) throws IOException {
      if (blockStart >= 0 && pos >= blockStart && pos < blockStart + blockLen) {
        return;
      }
      if (blockStart >= 0 && block.length < maxBlock) {
        block = new byte[(int) Math.min(maxBlock, 2L * block.length)];
      }
      long start = Math.max(0, pos + 1 - block.length);
      int len = (int) (pos + 1 - start);
      readFully(ByteBuffer.wrap(block, 0, len), start);
      blockStart = start;
      blockLen = len;
    }

    /** Decodes the line at {@code start}: in place when the block holds it, else read apart. */
    private T decode(long start, int len) throws IOException {
      if (blockStart >= 0 && start >= blockStart && start + len <= blockStart + blockLen) {
        return json.decode(codec, block, (int) (start - blockStart), len);
      }
      byte[] out = new byte[len];
      readFully(ByteBuffer.wrap(out), start);
      return json.decode(codec, out, 0, len);
    }

    private void readFully(ByteBuffer b, long pos) throws IOException {
      long p = pos;
      while (b.hasRemaining()) {
        int n = h.read(b, p);
        if (n < 0) {
          throw new IOException("file shrank while reading at " + p);
        }
        p += n;
        bytesRead += n;
      }
    }
  }
}
