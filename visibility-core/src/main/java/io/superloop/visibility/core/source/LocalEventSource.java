package io.superloop.visibility.core.source;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.core.rules.ReadLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The {@code local} envelope source over a runtime {@code events.jsonl} (contract 3.1; hardening
 * H13, H17). It reads the file in large blocks, in constant memory whatever its size (one block
 * plus at most one line up to the line length limit), and reports each non-empty,
 * newline-terminated line after the start with its physical line number:
 *
 * <ul>
 *   <li>an empty line is skipped exactly as the reference skips it: it consumes a line number and
 *       is not reported, not counted, no violation;
 *   <li>a JSON object with {@code event} or {@code type} and {@code timestamp} is an {@link
 *       LineKind#EVENT}; any other non-empty line (white space only included) is {@link
 *       LineKind#MALFORMED}: the source never fails on one bad line;
 *   <li>an unterminated last line is an in-progress write: neither reported nor counted.
 * </ul>
 *
 * There is no batch-size limit (contract C6). Instances are immutable and thread-safe.
 */
public final class LocalEventSource {
  private static final int BLOCK = 1 << 20;

  /** How many bytes before a resume offset its CRC-32 covers (H17). */
  public static final int TAIL_CHECK_BYTES = 256;

  private final JsonFactory factory;
  private final int maxLineLength;

  /**
   * A source with the default read limits ({@link ReadLimits#DEFAULT}: a line is at most 1 MiB).
   */
  public LocalEventSource() {
    this(ReadLimits.DEFAULT.json(ReadLimits.DEFAULT.eventLineBytes()));
  }

  /**
   * A source whose lines are bounded by {@code json}'s limits.
   *
   * @param json the limits ({@link
   *     io.superloop.visibility.api.json.JsonReadLimits#maxDocumentLength()} bounds a line; a
   *     longer line is malformed and skipped without being held; the token count does not apply, a
   *     line is classified without being held as values) and the parser factory
   */
  public LocalEventSource(Json json) {
    // A line is classified as jq reads it: a repeated key is allowed and its last value counts.
    // Parsers are created per line; the rebuilt factory keeps json's thread-local buffer pool.
    this.factory =
        json.factory()
            .rebuild()
            .streamReadConstraints(
                json.factory().streamReadConstraints().rebuild().maxTokenCount(-1).build())
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.maxLineLength = (int) Math.min(json.limits().maxDocumentLength(), Integer.MAX_VALUE - 16);
  }

  /**
   * Scans {@code file} from {@code start}, reporting each line to {@code listener}.
   *
   * @param file the events log
   * @param start where to start (H17 byte offset and tail check when consistent)
   * @param listener receives each non-empty line after {@code start}, in order
   * @return the newline count, malformed count and where the scan ended
   * @throws VisibilityException {@link ErrorCode#FILE_NOT_FOUND} when the file does not exist (an
   *     {@code events_unavailable} ingest failure), {@link ErrorCode#NOT_REGULAR_FILE} when it (or
   *     what its link leads to) is a FIFO, device, socket or directory, which is never opened,
   *     {@link ErrorCode#INVALID_ARGUMENT} when the file has fewer lines than {@code
   *     start.lineOffset()}, {@link ErrorCode#IO_ERROR} or {@link ErrorCode#PERMISSION_DENIED} on
   *     I/O failure
   */
  public ScanResult scan(Path file, ScanStart start, LineListener listener) {
    try (FileChannel ch = RuntimeFiles.openRegular(file)) {
      return scan(ch, start, listener);
    } catch (NoSuchFileException e) {
      throw new VisibilityException(ErrorCode.FILE_NOT_FOUND, "no events log", e)
          .withFile(file.toString());
    } catch (AccessDeniedException e) {
      throw new VisibilityException(ErrorCode.PERMISSION_DENIED, "cannot read events log", e)
          .withFile(file.toString());
    } catch (IOException e) {
      throw new VisibilityException(
              ErrorCode.IO_ERROR, "cannot read events log: " + e.getMessage(), e)
          .withFile(file.toString());
    } catch (VisibilityException e) {
      throw e.file().isPresent() ? e : e.withFile(file.toString());
    }
  }

  /**
   * Scans the log held by {@code channel} (a file, or bytes in memory) from {@code start}, exactly
   * as {@link #scan(Path, ScanStart, LineListener)} does. The channel's position is changed; it is
   * not closed.
   *
   * @param channel the log's bytes
   * @param start where the batch starts (a line offset, and a byte offset with its tail CRC to
   *     resume at)
   * @param listener receives each reported line
   * @return the counts and the end position of the scan
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when the log has fewer lines
   *     than {@code start.lineOffset()}, {@link ErrorCode#IO_ERROR} on I/O failure
   */
  public ScanResult scan(SeekableByteChannel channel, ScanStart start, LineListener listener) {
    try {
      return new Scan(channel, listener).run(start);
    } catch (IOException e) {
      throw new VisibilityException(
          ErrorCode.IO_ERROR, "cannot read events log: " + e.getMessage(), e);
    }
  }

  /**
   * Classifies one line's bytes (without its newline) as jq reads them: a repeated key is allowed
   * and its last value counts, and an invalid UTF-8 sequence reads as U+FFFD. Visible for the
   * validator command.
   *
   * @param buf a buffer holding the line
   * @param offset the index of the line's first byte
   * @param length the line's length in bytes
   * @return {@link LineKind#EVENT} for a JSON object whose (last) {@code timestamp} is not null and
   *     whose (last) {@code event} or {@code type} is neither null nor false, else {@link
   *     LineKind#MALFORMED}
   */
  public LineKind classify(byte[] buf, int offset, int length) {
    boolean blank = true;
    for (int i = offset; i < offset + length; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        blank = false;
        break;
      }
    }
    if (blank) {
      return LineKind.MALFORMED;
    }
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), buf, offset, length)) {
      return classify(p);
    } catch (JacksonException e) {
      if (validUtf8(buf, offset, length)) {
        return LineKind.MALFORMED;
      }
      // jq reads an invalid UTF-8 sequence as U+FFFD: classify the line as it reads it
      String text = new String(buf, offset, length, StandardCharsets.UTF_8);
      try (JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
        return classify(p);
      } catch (JacksonException again) {
        return LineKind.MALFORMED;
      }
    }
  }

  private static boolean validUtf8(byte[] buf, int offset, int length) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buf, offset, length));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static LineKind classify(JsonParser p) {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return LineKind.MALFORMED;
    }
    // the last value of a repeated key counts (jq); null and false do not name an event
    boolean hasEvent = false;
    boolean hasType = false;
    boolean hasTimestamp = false;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
        p.skipChildren();
      }
      switch (name) {
        case "timestamp":
          hasTimestamp = v != JsonToken.VALUE_NULL;
          break;
        case "event":
          hasEvent = v != JsonToken.VALUE_NULL && v != JsonToken.VALUE_FALSE;
          break;
        case "type":
          hasType = v != JsonToken.VALUE_NULL && v != JsonToken.VALUE_FALSE;
          break;
        default:
          break;
      }
    }
    if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
      return LineKind.MALFORMED;
    }
    return (hasEvent || hasType) && hasTimestamp ? LineKind.EVENT : LineKind.MALFORMED;
  }

  private final class Scan {
    private final SeekableByteChannel ch;
    private final LineListener listener;
    private final byte[] block = new byte[BLOCK];
    private byte[] line = new byte[256];
    private int lineLen;
    private boolean lineOverflow;
    private long lineNo;
    private long events;
    private long malformed;
    private long blank;

    Scan(SeekableByteChannel ch, LineListener listener) {
      this.ch = ch;
      this.listener = listener;
    }

    ScanResult run(ScanStart start) throws IOException {
      long size = ch.size();
      long pos;
      boolean resumed = false;
      long b = start.byteOffset().orElse(-1);
      if (b >= 0
          && b <= size
          && (b == 0) == (start.lineOffset() == 0)
          && (b == 0 || byteAt(b - 1) == '\n')
          && (start.tailCrc32().isEmpty() || tailCrc32(b) == start.tailCrc32().getAsLong())) {
        pos = b;
        resumed = true;
      } else {
        pos = skipLines(start.lineOffset());
      }
      lineNo = start.lineOffset();
      long lineStartPos = pos;
      ch.position(pos);
      ByteBuffer bb = ByteBuffer.wrap(block);
      int n;
      while ((n = ch.read(bb.clear())) > 0) {
        int segStart = 0;
        for (int i = 0; i < n; i++) {
          if (block[i] == '\n') {
            lineNo++;
            if (lineLen == 0 && !lineOverflow) {
              emit(block, segStart, i - segStart);
            } else {
              append(block, segStart, i - segStart);
              emit(line, 0, lineLen);
              lineLen = 0;
              lineOverflow = false;
            }
            segStart = i + 1;
            lineStartPos = pos + i + 1;
          }
        }
        append(block, segStart, n - segStart);
        pos += n;
      }
      return new ScanResult(
          lineNo,
          lineStartPos,
          tailCrc32(lineStartPos),
          events,
          malformed,
          blank,
          pos - lineStartPos,
          resumed,
          b >= 0 && !resumed);
    }

    private void emit(byte[] buf, int off, int len) {
      if (len == 0 && !lineOverflow) {
        blank++;
        return;
      }
      LineKind kind = lineOverflow ? LineKind.MALFORMED : classify(buf, off, len);
      if (kind == LineKind.EVENT) {
        events++;
      } else {
        malformed++;
      }
      listener.onLine(lineNo, kind, buf, off, len);
    }

    private void append(byte[] src, int off, int len) {
      if (len == 0 || lineOverflow) {
        return;
      }
      if ((long) lineLen + len > maxLineLength) {
        lineOverflow = true;
        return;
      }
      if (lineLen + len > line.length) {
        int cap = line.length;
        while (cap < lineLen + len) {
          cap = (int) Math.min((long) cap * 2, (long) maxLineLength);
        }
        line = java.util.Arrays.copyOf(line, cap);
      }
      System.arraycopy(src, off, line, lineLen, len);
      lineLen += len;
    }

    /** The CRC-32 of the up to {@link #TAIL_CHECK_BYTES} bytes before {@code end}. */
    private long tailCrc32(long end) throws IOException {
      int n = (int) Math.min(TAIL_CHECK_BYTES, end);
      ByteBuffer tail = ByteBuffer.allocate(n);
      ch.position(end - n);
      while (tail.hasRemaining()) {
        if (ch.read(tail) < 0) {
          break;
        }
      }
      CRC32 crc = new CRC32();
      crc.update(tail.array(), 0, tail.position());
      return crc.getValue();
    }

    private byte byteAt(long position) throws IOException {
      ByteBuffer one = ByteBuffer.allocate(1);
      ch.position(position);
      if (ch.read(one) != 1) {
        return 0;
      }
      return one.get(0);
    }

    /** The position after {@code lines} newlines, counting from the start. */
    private long skipLines(long lines) throws IOException {
      if (lines == 0) {
        return 0;
      }
      long seen = 0;
      long pos = 0;
      ByteBuffer bb = ByteBuffer.wrap(block);
      ch.position(0);
      int n;
      while ((n = ch.read(bb.clear())) > 0) {
        for (int i = 0; i < n; i++) {
          if (block[i] == '\n' && ++seen == lines) {
            return pos + i + 1;
          }
        }
        pos += n;
      }
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT,
          "cursor offset (" + lines + ") exceeds available events (" + seen + ")");
    }
  }
}
