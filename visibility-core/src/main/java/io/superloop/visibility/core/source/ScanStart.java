package io.superloop.visibility.core.source;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import java.util.OptionalLong;

/**
 * Where a scan of a runtime events log starts: after {@code lineOffset} newline-terminated lines,
 * and (hardening H17) at {@code byteOffset} when that byte position is consistent: inside the file
 * and right after a newline (or 0). An inconsistent byte offset (truncated or rotated log) falls back
 * to counting lines from the start.
 *
 * @param lineOffset lines already consumed ({@code cursor.eventLineOffset})
 * @param byteOffset the byte position after those lines ({@code cursor.eventByteOffset}), if known
 */
public record ScanStart(long lineOffset, OptionalLong byteOffset) {

  /** From line 1 ({@code --from-start}). */
  public static final ScanStart FROM_START = new ScanStart(0, OptionalLong.of(0));

  /** Validates the offsets. */
  public ScanStart {
    if (lineOffset < 0 || (byteOffset.isPresent() && byteOffset.getAsLong() < 0)) {
      throw new VisibilityException(ErrorCode.INVALID_ARGUMENT, "scan offsets must be >= 0");
    }
  }

  /** After {@code lineOffset} lines, position unknown (the lines are counted). */
  public static ScanStart afterLines(long lineOffset) {
    return new ScanStart(lineOffset, OptionalLong.empty());
  }
}
