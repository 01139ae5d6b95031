package io.superloop.visibility.core.source;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.envelope.CursorState;
import java.util.OptionalLong;

/**
 * Where a scan of a runtime events log starts: after {@code lineOffset} newline-terminated lines,
 * and (hardening H17) at {@code byteOffset} when that byte position is consistent: inside the file
 * and right after a newline (or 0). An inconsistent byte offset (truncated or rotated log) falls
 * back to counting lines from the start.
 *
 * <p>With {@code tailCrc32} the resume also requires that the up to 256 bytes before the byte
 * offset still have that CRC-32, so a log truncated and grown back past the offset is counted from
 * the start instead of resumed at a position whose line number is no longer known.
 *
 * @param lineOffset lines already consumed ({@code cursor.eventLineOffset})
 * @param byteOffset the byte position after those lines ({@code cursor.eventByteOffset}), if known
 * @param tailCrc32 the CRC-32 of the bytes before it ({@code cursor.eventTailCrc32}), if known
 */
public record ScanStart(long lineOffset, OptionalLong byteOffset, OptionalLong tailCrc32) {

  /** From line 1 ({@code --from-start}). */
  public static final ScanStart FROM_START =
      new ScanStart(0, OptionalLong.of(0), OptionalLong.empty());

  /**
   * A start without a tail check.
   *
   * @param lineOffset lines already consumed, {@code >= 0}
   * @param byteOffset the byte position after those lines, if known, {@code >= 0}
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when an offset is negative
   */
  public ScanStart(long lineOffset, OptionalLong byteOffset) {
    this(lineOffset, byteOffset, OptionalLong.empty());
  }

  /**
   * Validates the offsets.
   *
   * @param lineOffset lines already consumed, {@code >= 0}
   * @param byteOffset the byte position after those lines, if known, {@code >= 0}
   * @param tailCrc32 the CRC-32 of the bytes before it, if known; only with a byte offset
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when an offset is negative or a
   *     tail check comes without a byte offset
   */
  public ScanStart {
    if (lineOffset < 0
        || (byteOffset.isPresent() && byteOffset.getAsLong() < 0)
        || tailCrc32.isPresent() && byteOffset.isEmpty()) {
      throw new VisibilityException(ErrorCode.INVALID_ARGUMENT, "scan offsets must be >= 0");
    }
  }

  /**
   * Where the previous scan recorded in {@code cursor.json} ended.
   *
   * @param cursor the loop's cursor
   * @return its line offset, with the H17 byte offset and tail check when it has them
   */
  public static ScanStart resumeAt(CursorState cursor) {
    return new ScanStart(
        cursor.eventLineOffset(),
        cursor.eventByteOffset(),
        cursor.eventByteOffset().isPresent() ? cursor.eventTailCrc32() : OptionalLong.empty());
  }

  /**
   * A start after some lines at an unknown byte position (the lines are counted).
   *
   * @param lineOffset lines already consumed, {@code >= 0}
   * @return the start
   */
  public static ScanStart afterLines(long lineOffset) {
    return new ScanStart(lineOffset, OptionalLong.empty(), OptionalLong.empty());
  }
}
