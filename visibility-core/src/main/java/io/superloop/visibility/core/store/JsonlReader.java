package io.superloop.visibility.core.store;

import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.core.rules.ReadLimits;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSONL file forward as a stream of decoded records, in memory bounded by the {@link
 * Json}'s document length ({@link
 * io.superloop.visibility.api.json.JsonReadLimits#maxDocumentLength()}): a longer line counts as
 * unparseable and is skipped without being held. Lines that do not decode with the codec are
 * skipped and counted with their line numbers; empty lines are skipped and counted separately; an
 * unterminated last line is never decoded but reported as a {@link TornTail} (hardening H3). An
 * absent file reads as empty ({@link #fileExists()} is false). Not thread-safe; close it when done.
 *
 * @param <T> the record type
 */
public final class JsonlReader<T> implements Iterator<JsonlRecord<T>>, Closeable {
  /** At most this many unparseable line numbers are kept (the count is always exact). */
  public static final int MAX_REPORTED_LINES = 10_000;

  private static final int BLOCK = 64 * 1024;

  /** The reader of one row under {@link ReadLimits#DEFAULT}: rows of at most 1 MiB. */
  static final Json ROWS = ReadLimits.DEFAULT.json(ReadLimits.DEFAULT.telemetryRowBytes());

  private final Path file;
  private final JsonCodec<T> codec;
  private final Json json;
  private final FileOps.@Nullable Handle handle;
  private final ByteBuffer buf = ByteBuffer.allocate(BLOCK);
  private long filePos;
  private boolean eof;

  private byte[] line = new byte[256];
  private int lineLen;
  private boolean lineOverflow;
  private final long maxLine;
  private long lineStart;
  private long lineNumber;

  private @Nullable JsonlRecord<T> next;
  private long unparseable;
  private final List<Long> unparseableLines = new ArrayList<>();
  private long empty;
  private @Nullable TornTail torn;

  private JsonlReader(Path file, JsonCodec<T> codec, Json json, FileOps ops) {
    this.file = file;
    this.codec = codec;
    this.json = json;
    this.maxLine = Math.min(json.limits().maxDocumentLength(), Integer.MAX_VALUE - 16);
    FileOps.Handle h = null;
    try {
      h = ops.open(file, FileOps.Mode.READ);
    } catch (NoSuchFileException e) {
      h = null;
    } catch (IOException e) {
      throw IoErrors.of("cannot open log", file, e);
    }
    this.handle = h;
    this.eof = h == null;
    buf.limit(0);
  }

  /**
   * Opens {@code file} for reading within {@link ReadLimits#DEFAULT} (a row is at most 1 MiB); an
   * absent file reads as empty.
   *
   * @param <T> the record type
   * @param file the log
   * @param codec decodes one line
   * @return the reader; close it when done
   * @throws io.superloop.visibility.api.VisibilityException on file errors other than absence
   */
  public static <T> JsonlReader<T> open(Path file, JsonCodec<T> codec) {
    return open(file, codec, ROWS);
  }

  /**
   * Opens {@code file} for reading, decoding lines with {@code json}'s limits; an absent file reads
   * as empty.
   *
   * @param <T> the record type
   * @param file the log
   * @param codec decodes one line
   * @param json the read limits
   * @return the reader; close it when done
   * @throws io.superloop.visibility.api.VisibilityException on file errors other than absence
   */
  public static <T> JsonlReader<T> open(Path file, JsonCodec<T> codec, Json json) {
    return open(file, codec, json, RealFileOps.INSTANCE);
  }

  static <T> JsonlReader<T> open(Path file, JsonCodec<T> codec, Json json, FileOps ops) {
    return new JsonlReader<>(
        Objects.requireNonNull(file, "file"),
        Objects.requireNonNull(codec, "codec"),
        Objects.requireNonNull(json, "json"),
        ops);
  }

  /**
   * Reads the whole file into memory, skipping and counting the lines that do not decode.
   *
   * @param <T> the record type
   * @param file the log
   * @param codec decodes one line
   * @return the records and what was skipped; an absent file gives an empty result with {@code
   *     exists() == false}
   * @throws io.superloop.visibility.api.VisibilityException on file errors other than absence
   */
  public static <T> JsonlReadResult<T> readAll(Path file, JsonCodec<T> codec) {
    return readAll(file, codec, RealFileOps.INSTANCE);
  }

  static <T> JsonlReadResult<T> readAll(Path file, JsonCodec<T> codec, FileOps ops) {
    try (JsonlReader<T> r = open(file, codec, ROWS, ops)) {
      List<JsonlRecord<T>> records = new ArrayList<>();
      while (r.hasNext()) {
        records.add(r.next());
      }
      return new JsonlReadResult<>(
          r.fileExists(),
          records,
          r.unparseableCount(),
          r.unparseableLines(),
          r.emptyLineCount(),
          r.tornTail());
    }
  }

  /** {@return the file read} */
  public Path file() {
    return file;
  }

  /** {@return whether the file existed when opened} */
  public boolean fileExists() {
    return handle != null;
  }

  /**
   * Whether another record follows.
   *
   * @throws io.superloop.visibility.api.VisibilityException on read errors
   */
  @Override
  public boolean hasNext() {
    while (next == null) {
      if (!advance()) {
        return false;
      }
    }
    return true;
  }

  /** The next record. */
  @Override
  public JsonlRecord<T> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    JsonlRecord<T> r = Objects.requireNonNull(next);
    next = null;
    return r;
  }

  /** {@return unparseable non-empty lines seen so far} */
  public long unparseableCount() {
    return unparseable;
  }

  /**
   * {@return the 1-based line numbers of the unparseable lines (the first {@link
   * #MAX_REPORTED_LINES})}
   */
  public List<Long> unparseableLines() {
    return List.copyOf(unparseableLines);
  }

  /** {@return empty lines skipped so far} */
  public long emptyLineCount() {
    return empty;
  }

  /**
   * {@return the unterminated fragment at the end; known once {@link #hasNext()} returned false}
   */
  public Optional<TornTail> tornTail() {
    return Optional.ofNullable(torn);
  }

  /** Reads one more line; false at end of file. */
  private boolean advance() {
    lineLen = 0;
    lineOverflow = false;
    lineStart = filePos - buf.remaining();
    while (true) {
      if (!buf.hasRemaining()) {
        if (eof || !fill()) {
          long tornLength = filePos - lineStart;
          if (tornLength > 0) {
            torn = new TornTail(lineStart, tornLength, lineNumber + 1);
            lineLen = 0;
          }
          return false;
        }
      }
      byte[] a = buf.array();
      int p = buf.position();
      int lim = buf.limit();
      int nl = -1;
      for (int i = p; i < lim; i++) {
        if (a[i] == '\n') {
          nl = i;
          break;
        }
      }
      if (nl < 0) {
        append(a, p, lim - p);
        buf.position(lim);
        continue;
      }
      buf.position(nl + 1);
      lineNumber++;
      boolean inPlace = lineLen == 0 && !lineOverflow; // the whole line is in the buffer
      if (!inPlace) {
        append(a, p, nl - p);
      }
      if (lineOverflow || (inPlace && nl - p > maxLine)) {
        unparseable(); // longer than a document may be: never held whole
      } else if (inPlace) {
        decodeLine(a, p, nl - p);
      } else {
        decodeLine(line, 0, lineLen);
      }
      return true;
    }
  }

  private void decodeLine(byte[] bytes, int offset, int length) {
    if (length == 0) {
      empty++;
      return;
    }
    try {
      T value = json.decode(codec, bytes, offset, length);
      next = new JsonlRecord<>(value, lineNumber, lineStart, length);
    } catch (RuntimeException e) {
      unparseable();
    }
  }

  private void unparseable() {
    unparseable++;
    if (unparseableLines.size() < MAX_REPORTED_LINES) {
      unparseableLines.add(lineNumber);
    }
  }

  private void append(byte[] a, int off, int len) {
    if (len == 0 || lineOverflow) {
      return;
    }
    if ((long) lineLen + len > maxLine) {
      lineOverflow = true;
      lineLen = 0;
      line = new byte[256];
      return;
    }
    if (lineLen + len > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLen + len));
    }
    System.arraycopy(a, off, line, lineLen, len);
    lineLen += len;
  }

  private boolean fill() {
    FileOps.Handle h = handle;
    if (h == null) {
      eof = true;
      return false;
    }
    buf.clear();
    try {
      int n = h.read(buf, filePos);
      if (n <= 0) {
        eof = true;
        buf.limit(0);
        return false;
      }
      filePos += n;
    } catch (IOException e) {
      throw IoErrors.of("cannot read log", file, e);
    }
    buf.flip();
    return true;
  }

  /** Closes the file. */
  @Override
  public void close() {
    AppendLog.closeQuietly(handle);
  }
}
