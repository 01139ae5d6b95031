package io.superloop.visibility.core.store;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.rules.Durability;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * An append-only JSONL log (hardening H3). Each record is encoded compactly with its trailing
 * {@code \n} and written with one write call while holding an in-process lock and an OS lock on the
 * sidecar {@code <file>.lock}, so records of threads and processes never interleave. Before
 * writing, a writer that finds an unterminated last line moves that fragment to {@code <file>.torn}
 * (appending if it exists; each fragment followed by {@code \n}) and truncates it away. A failed
 * write is rolled back to the previous end of the file. {@link #append} returns once the record is
 * as durable as the {@link Durability} asks. Thread-safe; close it when done.
 *
 * @param <T> the record type
 */
public final class AppendLog<T> implements Closeable {
  private static final int BLOCK = 64 * 1024;

  private final Path file;
  private final Path tornFile;
  private final JsonCodec<T> codec;
  private final Durability durability;
  private final FileOps ops;
  private final SharedLockFile lockFile;
  private final FileOps.Handle writer;
  private final FileOps.Handle reader;
  private final boolean openedEmpty;
  private volatile boolean closed;

  private final AtomicLong fsyncs = new AtomicLong();
  private final AtomicLong tornTails = new AtomicLong();

  private AppendLog(
      Path file,
      JsonCodec<T> codec,
      Durability durability,
      FileOps ops,
      boolean forceNewDirectoryEntry) {
    this.file = file;
    this.tornFile = sibling(file, ".torn");
    this.codec = codec;
    this.durability = durability;
    this.ops = ops;
    Path dir = parentOf(file);
    FileOps.Handle w = null;
    FileOps.Handle r = null;
    boolean empty;
    try {
      ops.createDirectories(dir);
      w = ops.open(file, FileOps.Mode.APPEND);
      r = ops.open(file, FileOps.Mode.READ);
      // Empty: created just now, or by a writer that may have died before making its directory
      // entry durable. A log with content was opened by a writer that forced the entry first.
      empty = w.size() == 0;
      if (empty && forceNewDirectoryEntry && durability != Durability.NONE) {
        // make the directory entry durable before any record in the file is acknowledged
        ops.forceDirectory(dir);
      }
    } catch (IOException e) {
      closeQuietly(w);
      closeQuietly(r);
      throw IoErrors.of("cannot open log", file, e);
    }
    this.writer = w;
    this.reader = r;
    this.openedEmpty = empty;
    this.lockFile = SharedLockFile.retain(sibling(file, ".lock"));
  }

  /**
   * Opens {@code file} for appending (creating it and its directories when absent).
   *
   * @param <T> the record type
   * @param file the log
   * @param codec encodes one record as one line
   * @param durability when appends are forced to disk
   * @return the open log; close it when done
   * @throws VisibilityException on file errors (reason-coded, naming the file)
   */
  public static <T> AppendLog<T> open(Path file, JsonCodec<T> codec, Durability durability) {
    return open(file, codec, durability, RealFileOps.INSTANCE);
  }

  static <T> AppendLog<T> open(Path file, JsonCodec<T> codec, Durability durability, FileOps ops) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(durability, "durability");
    return new AppendLog<>(file, codec, durability, ops, true);
  }

  /**
   * Opens {@code file} for the writes of one reconcile step: as {@link #open}, but the directory
   * entry of a new (empty) file is not forced here; the caller forces the directory once for all
   * the step's files ({@link #openedEmpty()} says whether it must).
   */
  static AppendLog<JsonValue> openForStep(Path file, Durability durability, FileOps ops) {
    return new AppendLog<>(file, Json.RAW, durability, ops, false);
  }

  /** {@return the log file} */
  public Path file() {
    return file;
  }

  /** {@return the quarantine file of torn tails, {@code <file>.torn}} */
  public Path tornFile() {
    return tornFile;
  }

  /** {@return the durability in force} */
  public Durability durability() {
    return durability;
  }

  /** {@return how many fsyncs of the log this instance has done (diagnostics)} */
  public long fsyncCount() {
    return fsyncs.get();
  }

  /** {@return how many torn tails this instance has moved to {@link #tornFile()}} */
  public long tornTailsQuarantined() {
    return tornTails.get();
  }

  /**
   * Appends one record; returns once it is written (and forced, unless {@link Durability#NONE}).
   *
   * @param value the record, written as one line
   * @throws VisibilityException when the value cannot be encoded, or on file errors ({@link
   *     ErrorCode#DISK_FULL}, {@link ErrorCode#IO_ERROR}, ...); earlier records are never lost
   */
  public void append(T value) {
    appendLine(Json.DEFAULT.encodeUtf8(codec, value, true));
  }

  /** Appends one already encoded line, which must end with its single {@code \n}. */
  void appendLine(byte[] line) {
    ensureOpen();
    writeLocked(line, durability == Durability.FSYNC_PER_RECORD);
  }

  /**
   * Writes {@code bytes} (whole lines) at the end with one write, under the in-process and OS
   * locks, after quarantining a torn tail; a failed write is rolled back. Forces before unlocking
   * when {@code force}.
   */
  private void writeLocked(byte[] bytes, boolean force) {
    writeLocked(bytes, force, -1);
  }

  /**
   * As {@link #writeLocked(byte[], boolean)}; with {@code start >= 0} the lines are meant to follow
   * byte {@code start}: bytes from there on that begin {@code bytes} are an earlier attempt of the
   * same write (all of it: nothing is written; part of it: it is cut back first). Only {@link
   * #appendAfter} passes a {@code start}, never with {@code force}.
   */
  private void writeLocked(byte[] bytes, boolean force, long start) {
    lockFile.local().lock();
    try {
      FileLock os = lockFile.lockOs(ops, Long.MAX_VALUE);
      try {
        long size;
        try {
          size = writer.size();
          if (start >= 0 && size > start) {
            long present = samePrefix(start, size, bytes);
            if (present == bytes.length) {
              lockFile.knownEnd(-1);
              return; // appendAfter's lines: the step forces its logs itself (forceNow)
            }
            if (present == size - start) {
              writer.truncate(start);
              size = start;
            }
          }
          size = wholeLinesEnd(size);
        } catch (IOException e) {
          throw IoErrors.of("cannot inspect the end of the log", file, e);
        }
        try {
          lockFile.knownEnd(-1);
          writer.write(ByteBuffer.wrap(bytes));
          lockFile.knownEnd(size + bytes.length);
        } catch (IOException e) {
          rollback(size);
          throw IoErrors.of("cannot append", file, e);
        }
        if (force) {
          force();
        }
      } finally {
        SharedLockFile.unlockOs(os);
      }
    } finally {
      lockFile.local().unlock();
    }
  }

  /**
   * How many bytes from {@code start} on equal the start of {@code bytes}: {@code bytes.length}
   * when all of them are there, {@code size - start} when the file ends inside them, else -1.
   */
  private long samePrefix(long start, long size, byte[] bytes) throws IOException {
    long n = Math.min(size - start, bytes.length);
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(BLOCK, n));
    for (long done = 0; done < n; ) {
      int len = (int) Math.min(buf.capacity(), n - done);
      buf.clear().limit(len);
      readFully(buf, start + done);
      for (int i = 0; i < len; i++) {
        if (buf.get(i) != bytes[(int) (done + i)]) {
          return -1;
        }
      }
      done += len;
    }
    return n;
  }

  /**
   * Appends one step's encoded lines so that they follow byte {@code start}, the end of the log
   * when the step was committed ({@link #cleanEnd()}): the first attempt appends them; a repeated
   * attempt after a crash or an I/O error finds them there (whole: nothing is written; cut short:
   * the fragment is cut back and they are written again). When the bytes after {@code start} are
   * not these lines (another writer, or a log rotated or truncated meanwhile) they are appended at
   * the end. Does not force the log: the step forces all its files together ({@link #forceNow()}).
   *
   * @param start the end of the log before the step
   * @param lines whole lines, each ending with its {@code \n}
   */
  void appendAfter(long start, byte[] lines) {
    ensureOpen();
    writeLocked(lines, false, start);
  }

  /**
   * The end of the log's last complete line: an unterminated last line is moved to {@link
   * #tornFile()} first (H3), so the next write starts exactly there.
   *
   * @return the log's size after that
   */
  long cleanEnd() {
    ensureOpen();
    return lockFile.locked(
        ops,
        "cannot inspect the end of the log",
        file,
        () -> {
          long size = wholeLinesEnd(writer.size());
          lockFile.knownEnd(size); // ends with a whole line: the append need not read it again
          return size;
        });
  }

  /**
   * {@return whether the log was empty when opened (its directory entry may not be durable yet)}
   */
  boolean openedEmpty() {
    return openedEmpty;
  }

  private void ensureOpen() {
    if (closed) {
      throw new VisibilityException(ErrorCode.IO_ERROR, "log is closed").withFile(file.toString());
    }
  }

  /** Forces the log's content (a step's appends, written without force first). */
  void forceNow() {
    ensureOpen();
    force();
  }

  private void force() {
    try {
      writer.force();
      fsyncs.incrementAndGet();
    } catch (IOException e) {
      throw IoErrors.of("cannot force the log", file, e);
    }
  }

  private void rollback(long size) {
    try {
      if (writer.size() > size) {
        writer.truncate(size);
      }
    } catch (IOException ignored) {
      // the next writer quarantines a torn tail
    }
  }

  private int lastByte(long size) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(1);
    if (reader.read(b, size - 1) != 1) {
      return -1;
    }
    return b.get(0);
  }

  /**
   * The end of the log's last whole line, for a log of {@code size} bytes: an unterminated last
   * line is quarantined first. The tail is read unless it is this JVM's own last complete record
   * (size unchanged). Hold both locks.
   */
  private long wholeLinesEnd(long size) throws IOException {
    if (size > 0 && size != lockFile.knownEnd() && lastByte(size) != '\n') {
      return quarantine(size);
    }
    return size;
  }

  /** Moves the unterminated fragment at the end to the torn file; returns the new size. */
  private long quarantine(long size) throws IOException {
    long start = 0;
    ByteBuffer buf = ByteBuffer.allocate(BLOCK);
    long end = size;
    search:
    while (end > 0) {
      long from = Math.max(0, end - BLOCK);
      buf.clear().limit((int) (end - from));
      readFully(buf, from);
      for (int i = (int) (end - from) - 1; i >= 0; i--) {
        if (buf.get(i) == '\n') {
          start = from + i + 1;
          break search;
        }
      }
      end = from;
    }
    Path dir = parentOf(tornFile);
    try (FileOps.Handle torn = ops.open(tornFile, FileOps.Mode.APPEND)) {
      long pos = start;
      while (pos < size) {
        int n = (int) Math.min(BLOCK, size - pos);
        buf.clear().limit(n);
        readFully(buf, pos);
        buf.flip();
        torn.write(buf);
        pos += n;
      }
      torn.write(ByteBuffer.wrap(new byte[] {'\n'}));
      torn.force();
    }
    ops.forceDirectory(dir);
    writer.truncate(start);
    writer.force();
    tornTails.incrementAndGet();
    StateFile.LOG.log(
        System.Logger.Level.WARNING,
        "quarantined a torn tail of {0} bytes of {1} to {2}",
        size - start,
        file,
        tornFile);
    return start;
  }

  private void readFully(ByteBuffer buf, long pos) throws IOException {
    long p = pos;
    while (buf.hasRemaining()) {
      int n = reader.read(buf, p);
      if (n < 0) {
        throw new IOException("unexpected end of file at " + p);
      }
      p += n;
    }
  }

  /** Closes the log; further appends fail. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    lockFile.local().lock();
    try {
      closeQuietly(writer);
      closeQuietly(reader);
    } finally {
      lockFile.local().unlock();
      lockFile.release();
    }
  }

  static Path sibling(Path file, String suffix) {
    Path name = file.getFileName();
    if (name == null) {
      throw new VisibilityException(ErrorCode.INVALID_ARGUMENT, "not a file path: " + file);
    }
    return file.resolveSibling(name + suffix);
  }

  static Path parentOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null) {
      throw new VisibilityException(ErrorCode.INVALID_ARGUMENT, "not a file path: " + file);
    }
    return parent;
  }

  static void closeQuietly(@Nullable Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // nothing left to save
      }
    }
  }

  @Override
  public String toString() {
    return "AppendLog[" + file + ", " + durability + "]";
  }
}
