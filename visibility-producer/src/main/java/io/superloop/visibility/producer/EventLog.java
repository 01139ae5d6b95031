package io.superloop.visibility.producer;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.IoFailures;
import io.superloop.visibility.api.internal.json.JsonNumber;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.internal.json.JsonString;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A loop's runtime events log {@code <repo>/.superloop/loops/<loopId>/events.jsonl}, written so
 * that its physical line numbers are the sequence values a manager sees (contract 3.1): the {@code
 * local} manager numbers each event by its 1-based line, and its snapshot by the log's newline
 * count; a {@code sprite_service} runs the same numbering on the service's copy. So the log itself
 * is the sequencer and its persisted high-water mark: {@link #append} writes one whole line, with
 * its newline, in one write, under an in-process lock and an OS file lock ({@code
 * events.jsonl.lock}), and returns the line's number, which no later append of this or any
 * cooperating writer will return again.
 *
 * <p>Every writer of one log must go through this class (any number of them, in any processes): the
 * value {@link #append} returns is right only when no other writer appends between its check of the
 * file and its write. Lines that a writer outside this class appended in between are counted before
 * the next append, and since each append goes to the end of the file ({@code O_APPEND}), no other
 * writer's bytes are ever overwritten.
 *
 * <p><b>Crashes.</b> A writer killed in the middle of a write leaves an unterminated last line,
 * which a manager neither reads nor counts (hardening H13). The next append, or the next {@link
 * Builder#open()}, moves such a fragment to {@code events.jsonl.torn} (a newline after each) and
 * cuts the log back to its last newline before writing, so the fragment never joins a later line
 * and its number goes to the next whole line. An append that returned is on disk when {@link
 * Builder#force} is on (the default); without it, it survives the process but not a power cut.
 *
 * <p><b>Restarts.</b> A new writer counts the log's lines on {@link Builder#open()} and goes on
 * after them, so a restarted producer never reuses a value. Beside the log, {@code events.hwm.json}
 * records the line count and length a writer last saw (on open, on close, and every {@link
 * Builder#checkpointEvery} appends): when the log is shorter than that on open, or shrinks or is
 * replaced under an open writer, the writer refuses to append ({@link ErrorCode#INVALID_STATE})
 * rather than hand out values a manager has already seen.
 *
 * <p><b>A deliberate restart from 1</b> ({@link #restartFromOne()}, or {@link
 * Builder#restartFromOne()} at open) moves the log aside to {@code events.jsonl.<yyyyMMddTHHmmssZ>}
 * and starts an empty one. The manager must be told: its next reconcile step must be a declared
 * replay, {@code VisibilityPlane.reconcileLocal(StepOptions.defaults().withFromStart(true))} (the
 * reference's {@code --from-start}; {@code sprite_service}: the same option, which polls with
 * {@code cursor=0}). Under {@code hardened} rules that step starts a new epoch ({@code
 * transition.epochReset: true}, hardening H15) and reports no drift; under {@code reference} rules
 * it is judged as the reference judges {@code --from-start}: the new values are below the old ones,
 * so the step reports {@code ordering_drift_detected} ({@code snapshot_sequence_regression}, and
 * {@code event_sequence_regression} when the old batch was not empty) until a later step clears it.
 * Without the declaration, a manager keeps its cursor past the end of the new log.
 *
 * <p><b>sprite_service.</b> A service that serves a runtime's events reads the log with {@link
 * #read}: each line comes with its number, the value to stamp on its envelope ({@link
 * #sequence(long)}, and {@code EnvelopeCursor.of(number, lineCount)}); the snapshot's value is the
 * batch's {@link Batch#lineCount()}.
 *
 * <p>Instances are thread-safe. Every failure is a {@link VisibilityException} naming the file.
 */
public final class EventLog implements AutoCloseable {
  /** The {@code sequence.source} of every v1 envelope (contract 1.1). */
  public static final String SEQUENCE_SOURCE = "cursor_event_line_offset";

  /** The longest line {@link #append} writes by default: the manager's line limit, 1 MiB. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  /** How many appends pass by default between two records of the high-water mark. */
  public static final int DEFAULT_CHECKPOINT_EVERY = 1000;

  private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
  private static final int BLOCK = 1 << 16;

  private final Path file;
  private final Path lockFile;
  private final Path hwmFile;
  private final String loopId;
  private final Clock clock;
  private final boolean force;
  private final int maxLineBytes;
  private final int checkpointEvery;
  private final ReentrantLock jvmLock;
  private final FileChannel lockChannel;
  private FileChannel channel; // appends (and cuts off a torn tail)
  private FileChannel reader; // counts and copies
  private @Nullable Object fileKey;
  private long lineCount;
  private long length; // bytes up to and including the last newline
  private long epoch;
  private int sinceCheckpoint;
  private boolean closed;

  private EventLog(Builder b) {
    Path dir = b.dir;
    this.file = dir.resolve("events.jsonl");
    this.lockFile = dir.resolve("events.jsonl.lock");
    this.hwmFile = dir.resolve("events.hwm.json");
    this.loopId = b.loopId;
    this.clock = b.clock;
    this.force = b.force;
    this.maxLineBytes = b.maxLineBytes;
    this.checkpointEvery = b.checkpointEvery;
    this.jvmLock = LOCKS.computeIfAbsent(file, k -> new ReentrantLock());
    try {
      Files.createDirectories(dir);
      requireRegularOrAbsent(file);
      requireRegularOrAbsent(lockFile);
      this.lockChannel =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw IoFailures.of("cannot open the events log's lock", lockFile, e);
    }
    boolean ok = false;
    @Nullable FileChannel log = null;
    @Nullable FileChannel read = null;
    jvmLock.lock();
    try {
      FileLock l = lockChannel.lock();
      try {
        log = openLog();
        this.channel = log;
        read = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        this.reader = read;
        opened(b);
        ok = true;
      } finally {
        l.release();
      }
    } catch (IOException e) {
      throw IoFailures.of("cannot open the events log", file, e);
    } finally {
      jvmLock.unlock();
      if (!ok) {
        closeQuietly(log, read, lockChannel);
      }
    }
  }

  /** The rest of opening, under the locks: count, repair, check the high-water mark, record it. */
  private void opened(Builder b) throws IOException {
    this.fileKey = key(file);
    Count c = count(reader, 0, channel.size());
    lineCount = c.newlines;
    length = c.end;
    if (length < channel.size()) {
      quarantineTail();
    }
    Optional<JsonObject> hwm = readHwm();
    epoch = hwm.map(h -> number(h, "epoch")).orElse(0L);
    long recordedLines = hwm.map(h -> number(h, "lineCount")).orElse(0L);
    long recordedLength = hwm.map(h -> number(h, "byteLength")).orElse(0L);
    if (b.restart) {
      moveAside();
      return;
    }
    if (lineCount < recordedLines || length < recordedLength) {
      throw shrunk(recordedLines, recordedLength);
    }
    checkpoint();
  }

  /**
   * A builder of the events log writer of one loop.
   *
   * @param repoRoot the repository root (the directory holding {@code .superloop/})
   * @param loopId the loop id
   * @return the builder
   * @throws VisibilityException {@link ErrorCode#INVALID_LOOP_ID} when the loop id could not name
   *     one directory
   */
  public static Builder builder(Path repoRoot, String loopId) {
    return new Builder(RuntimeFiles.runtimeDir(repoRoot, loopId), loopId);
  }

  /** {@return the events log} */
  public Path file() {
    return file;
  }

  /**
   * {@return the number of the last line this writer knows of: the high-water mark, the snapshot
   * value a manager would see now if no other writer appended}
   */
  public long lineCount() {
    jvmLock.lock();
    try {
      return lineCount;
    } finally {
      jvmLock.unlock();
    }
  }

  /**
   * Appends an event as one line and returns its sequence value.
   *
   * @param event a JSON object a manager reads as an event: a string {@code timestamp}, and an
   *     {@code event} (or {@code type}) that is neither {@code null} nor {@code false} (hardening
   *     H13); it is written compactly, on one line
   * @return the line's number: the sequence value of its envelope
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when the object is not an event,
   *     {@link ErrorCode#LIMIT_EXCEEDED} when its line is longer than {@link Builder#maxLineBytes},
   *     {@link ErrorCode#INVALID_STATE} when this log is closed or its file shrank or was replaced
   *     since this writer last saw it, {@link ErrorCode#IO_ERROR}, {@link ErrorCode#DISK_FULL} or
   *     {@link ErrorCode#PERMISSION_DENIED} when the write fails (then nothing of the line stays in
   *     the log)
   */
  public long append(JsonValue event) {
    requireEvent(event);
    byte[] text = event.toJson().getBytes(StandardCharsets.UTF_8);
    if (text.length > maxLineBytes) {
      throw new VisibilityException(
              ErrorCode.LIMIT_EXCEEDED,
              "the event's line is "
                  + text.length
                  + " bytes, more than the "
                  + maxLineBytes
                  + " a manager reads")
          .withFile(file.toString());
    }
    ByteBuffer line = ByteBuffer.allocate(text.length + 1).put(text).put((byte) '\n').flip();
    return locked(
        () -> {
          catchUp();
          try {
            RuntimeFiles.writeFully(channel, line);
            if (force) {
              channel.force(false);
            }
          } catch (IOException e) {
            undoPartialWrite();
            throw IoFailures.of("cannot append to the events log", file, e);
          }
          length += line.limit();
          lineCount++;
          if (++sinceCheckpoint >= checkpointEvery) {
            checkpoint();
          }
          return lineCount;
        });
  }

  /**
   * Appends {@code {"timestamp":<now>,"event":<name>, ...fields}} ({@link #append(JsonValue)}),
   * stamped with the builder's clock as {@code YYYY-MM-DDTHH:MM:SSZ}.
   *
   * @param name the event's name, for example {@code iteration_start}
   * @param fields further members in order, for example {@code loop_id}, {@code run_id}, {@code
   *     iteration}, {@code role}, {@code status}, {@code message}, {@code data}; not {@code
   *     timestamp} or {@code event}
   * @return the line's number: the sequence value of its envelope
   * @throws VisibilityException as {@link #append(JsonValue)} does, and {@link
   *     ErrorCode#INVALID_ARGUMENT} when the name is blank or {@code fields} names {@code
   *     timestamp} or {@code event}
   */
  public long append(String name, Map<String, JsonValue> fields) {
    if (name.isBlank()) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT, "an event's name must not be blank");
    }
    if (fields.containsKey("timestamp") || fields.containsKey("event")) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT, "timestamp and event are set by append(name, fields)");
    }
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("timestamp", JsonValue.of(RuntimeFiles.timestamp(clock.instant())));
    m.put("event", JsonValue.of(name));
    m.putAll(fields);
    return append(new JsonObject(m));
  }

  /**
   * Starts the numbering again from 1, deliberately: the log moves aside to {@code
   * events.jsonl.<yyyyMMddTHHmmssZ>} (then {@code -2}, ...) and an empty one takes its place. The
   * manager's next step must be a declared replay ({@code StepOptions.withFromStart(true)}; see the
   * class comment for what each rule preset then reports).
   *
   * @return where the old log went, or empty when it held nothing (then it is kept, empty)
   * @throws VisibilityException {@link ErrorCode#INVALID_STATE} when closed, or an I/O code
   */
  public Optional<Path> restartFromOne() {
    return locked(
        () -> {
          catchUp();
          return moveAside();
        });
  }

  /**
   * Records the high-water mark and releases the files. Idempotent; appends fail afterwards.
   *
   * @throws VisibilityException an I/O code when the high-water mark cannot be recorded (the files
   *     are released all the same)
   */
  @Override
  public void close() {
    jvmLock.lock();
    try {
      if (closed) {
        return;
      }
      FileLock l = lockChannel.lock();
      try {
        checkpoint();
      } finally {
        l.release();
      }
    } catch (IOException e) {
      throw IoFailures.of("cannot record the events log's high-water mark", hwmFile, e);
    } finally {
      closed = true;
      closeQuietly(channel, reader, lockChannel);
      jvmLock.unlock();
    }
  }

  // ------------------------------------------------------------------ reading (sprite_service)

  /**
   * One non-empty, newline-terminated line of an events log.
   *
   * @param number its 1-based physical line number: the sequence value of its envelope and its
   *     {@code cursor.eventLineOffset}
   * @param text the line without its newline (invalid UTF-8 as U+FFFD), or empty when it is longer
   *     than the read's limit (it was not held)
   */
  public record Line(long number, Optional<String> text) {}

  /**
   * What {@link #read} found after a cursor.
   *
   * @param lines the non-empty, newline-terminated lines after the cursor, in order (empty lines
   *     consume their numbers and are left out, as a poll adapter leaves them out)
   * @param cursor the {@code eventLineOffset} of the answer's cursor: the last line consumed (the
   *     number of the last line returned when {@code maxEvents} cut the batch, else {@code
   *     lineCount})
   * @param lineCount the log's newline count: the snapshot's sequence value and every envelope's
   *     {@code cursor.eventLineCount}
   */
  public record Batch(List<Line> lines, long cursor, long lineCount) {
    /**
     * Keeps the lines unmodifiable.
     *
     * @param lines the lines
     * @param cursor the last line consumed
     * @param lineCount the log's newline count
     */
    public Batch {
      lines = List.copyOf(lines);
    }
  }

  /**
   * Reads the lines after {@code cursor} as a sprite service's poll adapter does (contract 1.18,
   * 3.1): every line is numbered by its position, an empty line is skipped (its number consumed),
   * an unterminated last line is an append in progress and is neither returned nor counted. The
   * whole log is scanned once, in blocks; a line longer than {@code maxLineBytes} is returned
   * without its text and never held.
   *
   * @param eventsFile the events log (for example {@link #file()})
   * @param cursor the manager's cursor: the last line it consumed (0: from the first line)
   * @param maxEvents the most lines to return, 0 for all
   * @param maxLineBytes the longest line returned with its text
   * @return the batch
   * @throws VisibilityException {@link ErrorCode#FILE_NOT_FOUND} when there is no log, {@link
   *     ErrorCode#NOT_REGULAR_FILE} when it is not a regular file (never opened), {@link
   *     ErrorCode#INVALID_ARGUMENT} when a number is negative or the cursor is beyond the log's
   *     lines (the reference answers {@code runtime_error} then), {@link ErrorCode#IO_ERROR}
   */
  public static Batch read(Path eventsFile, long cursor, int maxEvents, int maxLineBytes) {
    if (cursor < 0 || maxEvents < 0 || maxLineBytes < 0) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT, "cursor, maxEvents and maxLineBytes are >= 0");
    }
    try {
      BasicFileAttributes a = Files.readAttributes(eventsFile, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        throw new VisibilityException(
                ErrorCode.NOT_REGULAR_FILE, "the events log is not a regular file")
            .withFile(eventsFile.toString());
      }
      try (InputStream in = Files.newInputStream(eventsFile)) {
        return scanLines(in, cursor, maxEvents, maxLineBytes, eventsFile);
      }
    } catch (NoSuchFileException e) {
      throw new VisibilityException(ErrorCode.FILE_NOT_FOUND, "no events log", e)
          .withFile(eventsFile.toString());
    } catch (IOException e) {
      throw IoFailures.of("cannot read the events log", eventsFile, e);
    }
  }

  /**
   * The {@code sequence} object of a v1 envelope: {@code {"source":"cursor_event_line_offset",
   * "value":value}} (contract 1.1).
   *
   * @param value the line number (event) or newline count (snapshot), at least 0
   * @return the object
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when negative
   */
  public static JsonValue sequence(long value) {
    if (value < 0) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT, "a sequence value is >= 0, got " + value);
    }
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("source", JsonValue.of(SEQUENCE_SOURCE));
    m.put("value", JsonValue.of(value));
    return new JsonObject(m);
  }

  private static Batch scanLines(
      InputStream in, long cursor, int maxEvents, int maxLineBytes, Path file) throws IOException {
    List<Line> lines = new ArrayList<>();
    byte[] block = new byte[BLOCK];
    byte[] line = new byte[Math.min(maxLineBytes, BLOCK) + 1];
    int held = 0; // bytes of the current line held in `line`
    long lineLength = 0; // the current line's full length
    long number = 0; // newlines seen
    long cut = -1; // the number of the last line returned when maxEvents cut the batch
    int n;
    while ((n = in.read(block)) > 0) {
      for (int i = 0; i < n; i++) {
        byte b = block[i];
        if (b != '\n') {
          if (number >= cursor && cut < 0 && lineLength < maxLineBytes) {
            if (held == line.length) {
              line =
                  java.util.Arrays.copyOf(
                      line, (int) Math.min((long) maxLineBytes + 1, 2L * line.length));
            }
            line[held++] = b;
          }
          lineLength++;
          continue;
        }
        number++;
        if (number > cursor && cut < 0 && lineLength > 0) {
          Optional<String> text =
              lineLength > maxLineBytes
                  ? Optional.empty()
                  : Optional.of(new String(line, 0, held, StandardCharsets.UTF_8));
          lines.add(new Line(number, text));
          if (maxEvents > 0 && lines.size() == maxEvents) {
            cut = number;
          }
        }
        held = 0;
        lineLength = 0;
      }
    }
    if (cursor > number) {
      throw new VisibilityException(
              ErrorCode.INVALID_ARGUMENT,
              "cursor offset (" + cursor + ") exceeds available events (" + number + ")")
          .withFile(file.toString());
    }
    return new Batch(lines, cut >= 0 ? cut : number, number);
  }

  // ------------------------------------------------------------------ internals

  /** An action under the in-process lock and the OS lock of the log. */
  private <T> T locked(LockedAction<T> action) {
    jvmLock.lock();
    try {
      if (closed) {
        throw new VisibilityException(ErrorCode.INVALID_STATE, "the events log writer is closed")
            .withFile(file.toString());
      }
      FileLock l = lockChannel.lock();
      try {
        return action.run();
      } finally {
        l.release();
      }
    } catch (IOException e) {
      throw IoFailures.of("cannot lock the events log", lockFile, e);
    } finally {
      jvmLock.unlock();
    }
  }

  @FunctionalInterface
  private interface LockedAction<T> {
    T run() throws IOException;
  }

  /**
   * Brings this writer up to the file: lines other writers appended are counted, a torn tail is
   * moved aside; a log that shrank or was replaced is refused.
   */
  private void catchUp() throws IOException {
    if (!Objects.equals(fileKey, key(file))) {
      throw replaced();
    }
    long size = channel.size();
    if (size < length) {
      throw shrunk(lineCount, length);
    }
    if (size > length) {
      Count c = count(reader, length, size);
      lineCount += c.newlines;
      length = c.end;
      if (length < size) {
        quarantineTail();
      }
    }
  }

  /** Cuts a failed append back off (best effort: the next append moves anything left aside). */
  private void undoPartialWrite() {
    try {
      if (channel.size() > length) {
        channel.truncate(length);
      }
    } catch (IOException e) {
      // the torn tail stays; the next append or open moves it to events.jsonl.torn
    }
  }

  /** Moves the bytes after the last newline to {@code events.jsonl.torn} and cuts them off. */
  private void quarantineTail() throws IOException {
    Path torn = file.resolveSibling("events.jsonl.torn");
    long size = channel.size();
    try (FileChannel out =
        FileChannel.open(
            torn,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND,
            LinkOption.NOFOLLOW_LINKS)) {
      for (long pos = length; pos < size; ) {
        long n = reader.transferTo(pos, size - pos, out);
        if (n <= 0) {
          break;
        }
        pos += n;
      }
      RuntimeFiles.writeFully(out, ByteBuffer.wrap(new byte[] {'\n'}));
      out.force(true);
    }
    channel.truncate(length);
    channel.force(true);
  }

  /** The deliberate restart: the log moves aside, an empty one replaces it, the epoch advances. */
  private Optional<Path> moveAside() throws IOException {
    Optional<Path> moved = Optional.empty();
    if (channel.size() > 0) {
      Path aside = RuntimeFiles.freeName(file, RuntimeFiles.stamp(clock.instant()));
      Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
      FileChannel oldLog = channel;
      FileChannel oldReader = reader;
      channel = openLog();
      reader = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
      closeQuietly(oldLog, oldReader);
      fileKey = key(file);
      moved = Optional.of(aside);
    }
    lineCount = 0;
    length = 0;
    epoch++;
    checkpoint();
    return moved;
  }

  /** Records the high-water mark in {@code events.hwm.json}. */
  private void checkpoint() throws IOException {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("schemaVersion", JsonValue.of("v1"));
    m.put("loopId", JsonValue.of(loopId));
    m.put("eventsFile", JsonValue.of("events.jsonl"));
    m.put("lineCount", JsonValue.of(lineCount));
    m.put("byteLength", JsonValue.of(length));
    m.put("epoch", JsonValue.of(epoch));
    m.put("updatedAt", JsonValue.of(RuntimeFiles.timestamp(clock.instant())));
    RuntimeFiles.replace(
        hwmFile, (JsonValue.object(m).toJson() + "\n").getBytes(StandardCharsets.UTF_8), force);
    sinceCheckpoint = 0;
  }

  /**
   * The recorded high-water mark; a file that does not hold one (another writer's, or damaged) is
   * moved aside to {@code events.hwm.json.corrupt-<stamp>} and counts as none.
   */
  private Optional<JsonObject> readHwm() throws IOException {
    if (!Files.exists(hwmFile, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    requireRegularOrAbsent(hwmFile);
    try {
      byte[] bytes = Files.readAllBytes(hwmFile);
      if (bytes.length <= 4096
          && Json.parse(new String(bytes, StandardCharsets.UTF_8)) instanceof JsonObject o
          && isHighWaterMark(o)) {
        return Optional.of(o);
      }
    } catch (VisibilityException e) {
      // not JSON: moved aside below
    }
    Files.move(
        hwmFile, RuntimeFiles.freeName(hwmFile, "corrupt-" + RuntimeFiles.stamp(clock.instant())));
    return Optional.empty();
  }

  /** Whether {@code o} is a record of {@link #checkpoint()}: every member there, of its type. */
  private static boolean isHighWaterMark(JsonObject o) {
    return o.get("schemaVersion").equals(Optional.of(JsonValue.of("v1")))
        && o.get("loopId")
            .filter(v -> v instanceof JsonString s && Checks.isValidLoopId(s.value()))
            .isPresent()
        && o.get("eventsFile").equals(Optional.of(JsonValue.of("events.jsonl")))
        && o.get("updatedAt").filter(v -> v instanceof JsonString).isPresent()
        && number(o, "lineCount") >= 0
        && number(o, "byteLength") >= 0
        && number(o, "epoch") >= 0;
  }

  /** The whole number {@code o} holds at {@code key}, or -1 when it holds none. */
  private static long number(JsonObject o, String key) {
    Optional<JsonValue> v = o.get(key);
    return v.isPresent() && v.get() instanceof JsonNumber n ? n.wholeLongValue().orElse(-1L) : -1L;
  }

  private FileChannel openLog() throws IOException {
    requireRegularOrAbsent(file);
    return FileChannel.open(
        file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
  }

  private static @Nullable Object key(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .fileKey();
    } catch (NoSuchFileException e) {
      return "missing";
    }
  }

  /** Refuses a link or a FIFO, device, socket or directory where a file of the log belongs. */
  private static void requireRegularOrAbsent(Path p) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return;
    }
    if (a.isSymbolicLink()) {
      throw new VisibilityException(
              ErrorCode.SYMLINK_REFUSED, "the producer never writes through a symbolic link")
          .withFile(p.toString());
    }
    if (!a.isRegularFile()) {
      throw new VisibilityException(ErrorCode.NOT_REGULAR_FILE, "not a regular file")
          .withFile(p.toString());
    }
  }

  private static void requireEvent(JsonValue event) {
    boolean timestamp = event.get("timestamp").filter(v -> v instanceof JsonString).isPresent();
    boolean named = named(event, "event") || named(event, "type");
    if (!event.isObject() || !timestamp || !named) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT,
          "an event is a JSON object and needs a string timestamp and an event (or type) that is neither null nor false;"
              + " a manager would count this line as malformed");
    }
  }

  private static boolean named(JsonValue o, String key) {
    return o.get(key).filter(v -> !v.isNull() && !v.equals(JsonValue.of(false))).isPresent();
  }

  private VisibilityException shrunk(long lines, long bytes) {
    return new VisibilityException(
            ErrorCode.INVALID_STATE,
            "the events log holds "
                + lineCountNow()
                + " lines, fewer than the "
                + lines
                + " ("
                + bytes
                + " bytes) already numbered: it was cut or replaced, and appending would hand out sequence"
                + " values a manager has seen; restart the numbering deliberately (restartFromOne) and"
                + " reconcile with StepOptions.withFromStart(true)")
        .withFile(file.toString());
  }

  private VisibilityException replaced() {
    return new VisibilityException(
            ErrorCode.INVALID_STATE,
            "the events log was replaced under this writer (moved or recreated): appending would restart"
                + " the sequence values silently; open a new writer, or restart deliberately (restartFromOne)")
        .withFile(file.toString());
  }

  private long lineCountNow() {
    try {
      return count(reader, 0, reader.size()).newlines;
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Newlines in {@code [from, to)} and the position after the last of them ({@code from} if none).
   */
  private record Count(long newlines, long end) {}

  private static Count count(FileChannel ch, long from, long to) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(BLOCK);
    long newlines = 0;
    long end = from;
    for (long pos = from; pos < to; ) {
      buf.clear();
      buf.limit((int) Math.min(BLOCK, to - pos));
      int r = ch.read(buf, pos);
      if (r < 0) {
        break;
      }
      for (int i = 0; i < r; i++) {
        if (buf.get(i) == '\n') {
          newlines++;
          end = pos + i + 1;
        }
      }
      pos += r;
    }
    return new Count(newlines, end);
  }

  private static void closeQuietly(@Nullable FileChannel... channels) {
    for (FileChannel c : channels) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (IOException e) {
        // nothing left to do
      }
    }
  }

  /** Settings of an {@link EventLog}. */
  public static final class Builder {
    private final Path dir;
    private final String loopId;
    private Clock clock = Clock.systemUTC();
    private boolean force = true;
    private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
    private int checkpointEvery = DEFAULT_CHECKPOINT_EVERY;
    private boolean restart;

    private Builder(Path dir, String loopId) {
      this.dir = dir;
      this.loopId = loopId;
    }

    /**
     * The clock of {@link EventLog#append(String, Map)}'s timestamps and of file names (default:
     * the system's UTC clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Whether each append is forced to disk before it returns (default {@code true}).
     *
     * @param force whether to force
     * @return this builder
     */
    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /**
     * The longest line {@link EventLog#append} writes (default {@link #DEFAULT_MAX_LINE_BYTES}, the
     * manager's limit: a longer line would be malformed to it).
     *
     * @param maxLineBytes at least 1
     * @return this builder
     * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when below 1
     */
    public Builder maxLineBytes(int maxLineBytes) {
      if (maxLineBytes < 1) {
        throw new VisibilityException(ErrorCode.INVALID_ARGUMENT, "maxLineBytes is at least 1");
      }
      this.maxLineBytes = maxLineBytes;
      return this;
    }

    /**
     * How many appends pass between two records of the high-water mark in {@code events.hwm.json}
     * (default {@link #DEFAULT_CHECKPOINT_EVERY}); it is also recorded on open and close. The log
     * is the mark itself; the record only lets a later writer notice a log that was cut while no
     * writer ran.
     *
     * @param appends at least 1
     * @return this builder
     * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when below 1
     */
    public Builder checkpointEvery(int appends) {
      if (appends < 1) {
        throw new VisibilityException(ErrorCode.INVALID_ARGUMENT, "checkpointEvery is at least 1");
      }
      this.checkpointEvery = appends;
      return this;
    }

    /**
     * Opens with a deliberate restart from 1 ({@link EventLog#restartFromOne()}): the existing log,
     * if it holds anything, moves aside, also when it is shorter than the recorded high-water mark.
     *
     * @return this builder
     */
    public Builder restartFromOne() {
      this.restart = true;
      return this;
    }

    /**
     * Opens the log: counts its lines, moves a torn last line aside, checks the recorded high-water
     * mark and records it again.
     *
     * @return the open log; close it when done
     * @throws VisibilityException {@link ErrorCode#INVALID_STATE} when the log holds fewer lines
     *     than the recorded high-water mark (it was cut or replaced), {@link
     *     ErrorCode#SYMLINK_REFUSED} or {@link ErrorCode#NOT_REGULAR_FILE} when a file of the log
     *     is a link or not a regular file, or an I/O code
     */
    public EventLog open() {
      return new EventLog(this);
    }
  }
}
