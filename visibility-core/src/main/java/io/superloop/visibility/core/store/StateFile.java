package io.superloop.visibility.core.store;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.core.rules.ReadLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A single-JSON state file (contract 1.0 "single JSON state"), written compactly with a trailing
 * newline. {@link #write} never exposes a partial file (hardening H1): it writes a temp file in the
 * same directory, forces it, renames it over the target atomically and forces the directory. {@link
 * #read} reports an empty, non-JSON or invalid file as {@link StateRead.Unreadable} (H2); {@link
 * #readQuarantining()} also renames such a file aside to {@code <name>.corrupt-<yyyyMMddTHHmmssZ>}
 * so it is never silently overwritten. Immutable and thread-safe; concurrent writers each rename a
 * whole file, so the last rename wins (hold the {@link LoopLock} for read-modify-write).
 *
 * @param <T> the state type
 */
public final class StateFile<T> {
  /** The store's logger: quarantined files, lock waits over a second. */
  static final System.Logger LOG = System.getLogger("io.superloop.visibility.core.store");

  private static final DateTimeFormatter CORRUPT_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The random bytes of a temp file's id ({@link #tempSibling}), spelled in lowercase hex. */
  private static final int TEMP_ID_BYTES = 8;

  private static final Json STATES = ReadLimits.DEFAULT.json(ReadLimits.DEFAULT.stateFileBytes());

  private final Path file;
  private final JsonCodec<T> codec;
  private final Json json;
  private final FileOps ops;
  private final Clock clock;

  private StateFile(Path file, JsonCodec<T> codec, Json json, FileOps ops, Clock clock) {
    this.file = file;
    this.codec = codec;
    this.json = json;
    this.ops = ops;
    this.clock = clock;
  }

  /**
   * The state file at {@code file}, read and written with {@code codec}, read within {@link
   * ReadLimits#DEFAULT} (at most 1 MiB).
   *
   * @param <T> the state type
   * @param file the file
   * @param codec the state's codec
   * @return the state file (nothing is read yet)
   */
  public static <T> StateFile<T> of(Path file, JsonCodec<T> codec) {
    return of(file, codec, STATES, Clock.systemUTC());
  }

  /**
   * The state file at {@code file}, decoded with {@code json}'s limits; {@code clock} stamps the
   * names of files renamed aside.
   *
   * @param <T> the state type
   * @param file the file
   * @param codec the state's codec
   * @param json the read limits
   * @param clock stamps the names of files renamed aside
   * @return the state file (nothing is read yet)
   */
  public static <T> StateFile<T> of(Path file, JsonCodec<T> codec, Json json, Clock clock) {
    return of(file, codec, json, clock, RealFileOps.INSTANCE);
  }

  static <T> StateFile<T> of(Path file, JsonCodec<T> codec, Json json, Clock clock, FileOps ops) {
    Objects.requireNonNull(file, "file");
    AppendLog.parentOf(file);
    return new StateFile<>(
        file,
        Objects.requireNonNull(codec, "codec"),
        Objects.requireNonNull(json, "json"),
        Objects.requireNonNull(ops, "ops"),
        Objects.requireNonNull(clock, "clock"));
  }

  /** {@return the file} */
  public Path file() {
    return file;
  }

  /**
   * Reads the state without changing anything on disk.
   *
   * @return {@link StateRead.Present}, {@link StateRead.Absent}, or {@link StateRead.Unreadable}
   *     for an empty, oversized (beyond the document length of its {@link Json}), malformed or
   *     invalid file, or one that is not a regular file ({@link ErrorCode#NOT_REGULAR_FILE}: a
   *     FIFO, device, socket or directory, never opened)
   * @throws VisibilityException on file errors other than absence ({@link
   *     ErrorCode#PERMISSION_DENIED}, {@link ErrorCode#SYMLINK_REFUSED}, {@link
   *     ErrorCode#IO_ERROR}, ...)
   */
  public StateRead<T> read() {
    byte @Nullable [] bytes;
    try {
      bytes = readBytes();
    } catch (NoSuchFileException e) {
      return new StateRead.Absent<>(file);
    } catch (FileOps.NotRegularFileException e) {
      // never opened (a FIFO would block): unreadable like a corrupt file, and renamed aside alike
      return new StateRead.Unreadable<>(
          file, IoErrors.of("cannot read state", file, e), Optional.empty());
    } catch (IOException e) {
      throw IoErrors.of("cannot read state", file, e);
    }
    if (bytes == null) {
      return new StateRead.Unreadable<>(
          file,
          new VisibilityException(
              ErrorCode.LIMIT_EXCEEDED,
              "state file is longer than the limit of "
                  + json.limits().maxDocumentLength()
                  + " bytes"),
          Optional.empty());
    }
    if (isBlank(bytes)) {
      return new StateRead.Unreadable<>(
          file,
          VisibilityException.at(ErrorCode.INVALID_JSON, "", "state file is empty"),
          Optional.empty());
    }
    try {
      return new StateRead.Present<>(file, json.decode(codec, bytes));
    } catch (VisibilityException e) {
      return new StateRead.Unreadable<>(file, e, Optional.empty());
    } catch (RuntimeException e) {
      return new StateRead.Unreadable<>(
          file,
          new VisibilityException(ErrorCode.INVALID_FIELD_VALUE, String.valueOf(e.getMessage()), e),
          Optional.empty());
    }
  }

  /**
   * Reads the previous state for a read-modify-write step: as {@link #read()}, but an unreadable
   * file is renamed aside to {@code <name>.corrupt-<yyyyMMddTHHmmssZ>} (a {@code -2}, {@code -3}...
   * suffix is added if that name is taken) and the result names the new path.
   *
   * @return as {@link #read()}; an {@link StateRead.Unreadable} names where the file went
   * @throws VisibilityException on file errors, including a failed rename
   */
  public StateRead<T> readQuarantining() {
    StateRead<T> r = read();
    if (!(r instanceof StateRead.Unreadable<T> u)) {
      return r;
    }
    String base =
        AppendLog.sibling(file, ".corrupt-" + CORRUPT_STAMP.format(clock.instant())).toString();
    Path target = Path.of(base);
    for (int i = 2; ops.exists(target); i++) {
      target = Path.of(base + "-" + i);
    }
    try {
      ops.move(file, target);
      ops.forceDirectory(AppendLog.parentOf(file));
    } catch (NoSuchFileException e) {
      // another process renamed it aside first
      return new StateRead.Unreadable<>(file, u.cause(), Optional.empty());
    } catch (IOException e) {
      throw IoErrors.of("cannot rename unreadable state aside", file, e);
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "quarantined unreadable state file {0} to {1} ({2})",
        file,
        target,
        u.cause().code().wire());
    return new StateRead.Unreadable<>(file, u.cause(), Optional.of(target));
  }

  /**
   * Replaces the state atomically and durably: temp file in the same directory (created with its
   * directories when absent), write, force, rename, directory force. On failure the previous state
   * is left as it was and the temp file is removed.
   *
   * @param value the new state, written as one line
   * @throws VisibilityException when the value cannot be encoded, or on file errors ({@link
   *     ErrorCode#DISK_FULL}, {@link ErrorCode#PERMISSION_DENIED}, ...)
   */
  public void write(T value) {
    writeBytes(json.encodeUtf8(codec, value, true));
  }

  /** {@link #write} of already encoded content: stage, force, rename, then the directory force. */
  void writeBytes(byte[] content) {
    Staged s = stage(content);
    s.force();
    Path dir = s.rename();
    try {
      ops.forceDirectory(dir);
    } catch (IOException e) {
      throw IoErrors.of("cannot force the directory", file, e);
    }
  }

  /**
   * Writes {@code content} to a new temp file beside the file, not yet forced nor renamed (a step
   * writes all its files before it forces them, so that the file system commits them together).
   *
   * @throws VisibilityException on file errors; the temp file is removed
   */
  Staged stage(byte[] content) {
    Path dir = AppendLog.parentOf(file);
    byte[] rnd = new byte[TEMP_ID_BYTES];
    RANDOM.nextBytes(rnd);
    Path tmp = tempSibling(file, HexFormat.of().formatHex(rnd));
    FileOps.Handle h = null;
    try {
      ops.createDirectories(dir);
      h = ops.open(tmp, FileOps.Mode.CREATE_NEW);
      h.write(ByteBuffer.wrap(content));
      return new Staged(tmp, h);
    } catch (IOException e) {
      AppendLog.closeQuietly(h);
      deleteQuietly(tmp);
      throw IoErrors.of("cannot write state", file, e);
    }
  }

  private void deleteQuietly(Path tmp) {
    try {
      ops.deleteIfExists(tmp);
    } catch (IOException ignored) {
      // a stray temp file is harmless: the next step under the loop lock removes it
    }
  }

  /** A new content in its temp file, open, to be forced and renamed over the file (or dropped). */
  final class Staged {
    private final Path tmp;
    private final FileOps.Handle handle;
    private boolean open = true;

    private Staged(Path tmp, FileOps.Handle handle) {
      this.tmp = tmp;
      this.handle = handle;
    }

    /** Forces the temp file's content. */
    void force() {
      try {
        handle.force();
      } catch (IOException e) {
        abort();
        throw IoErrors.of("cannot write state", file, e);
      }
    }

    /** Closes and renames the temp file over the file; {@return the directory to force} */
    Path rename() {
      try {
        close();
        ops.move(tmp, file);
      } catch (IOException e) {
        deleteQuietly(tmp);
        throw IoErrors.of("cannot write state", file, e);
      }
      return AppendLog.parentOf(file);
    }

    /** Drops the temp file (the step failed before its rename). */
    void abort() {
      AppendLog.closeQuietly(this::close);
      deleteQuietly(tmp);
    }

    private void close() throws IOException {
      if (open) {
        open = false;
        handle.close();
      }
    }
  }

  /** The temp file of a write of {@code file}: {@code .<name>.tmp-<id>} beside it. */
  static Path tempSibling(Path file, String id) {
    Path tmp = AppendLog.sibling(file, ".tmp-" + id);
    return tmp.resolveSibling("." + Objects.requireNonNull(tmp.getFileName()));
  }

  /** Whether {@code name} is the name of a temp file of {@link #write} of {@code file}. */
  static boolean isTempOf(Path file, String name) {
    String prefix = String.valueOf(tempSibling(file, "").getFileName());
    if (!name.startsWith(prefix) || name.length() != prefix.length() + 2 * TEMP_ID_BYTES) {
      return false;
    }
    for (int i = prefix.length(); i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The CRC-32 of the file's bytes, -1 when it does not exist (or exceeds the document limit: no
   * step writes such a file).
   */
  long crc32() {
    try {
      byte @Nullable [] b = readBytes();
      return b == null ? -1 : crc32Of(b);
    } catch (NoSuchFileException e) {
      return -1;
    } catch (IOException e) {
      throw IoErrors.of("cannot read state", file, e);
    }
  }

  /** {@return the CRC-32 of {@code bytes}, as the step journal and its overtaken check take it} */
  static long crc32Of(byte[] bytes) {
    java.util.zip.CRC32 c = new java.util.zip.CRC32();
    c.update(bytes);
    return c.getValue();
  }

  /** The content, or null when it exceeds the document limit. */
  private byte @Nullable [] readBytes() throws IOException {
    try (FileOps.Handle h = ops.open(file, FileOps.Mode.READ)) {
      long size = h.size();
      long limit = json.limits().maxDocumentLength();
      if (size > limit || size > Integer.MAX_VALUE - 8) {
        return null;
      }
      ByteBuffer b = ByteBuffer.allocate((int) size);
      long pos = 0;
      while (b.hasRemaining()) {
        int n = h.read(b, pos);
        if (n < 0) {
          break; // shrank meanwhile (a non-atomic writer): decode what is there
        }
        pos += n;
      }
      byte[] out = new byte[b.position()];
      System.arraycopy(b.array(), 0, out, 0, out.length);
      return out;
    }
  }

  private static boolean isBlank(byte[] b) {
    for (byte x : b) {
      if (x != ' ' && x != '\n' && x != '\r' && x != '\t') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "StateFile[" + file + "]";
  }
}
