package io.superloop.visibility.api.envelope;

import io.superloop.visibility.api.envelope.internal.ImmutableCursorState;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * {@code OPS/cursor.json} (contract 1.16): where the manager's next poll of the runtime events log
 * starts. Key order {@code schemaVersion, repoPath, loopId, eventsFile, eventLineOffset,
 * eventLineCount, updatedAt}, then the additive {@code eventByteOffset} (hardening H17), left out
 * when empty. Both line numbers and the byte offset are {@code >= 0}; the loop id is checked.
 */
@Value.Immutable
@VisibilityStyle
public abstract class CursorState {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link io.superloop.visibility.api.ErrorCode#INVALID_LOOP_ID} or {@link
   * io.superloop.visibility.api.ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the record's
   * contract checks.
   */
  public static ImmutableCursorState.Builder builder() {
    return ImmutableCursorState.builder();
  }

  /** {@return the schema version, always {@code "v1"}} */
  public final String schemaVersion() {
    return "v1";
  }

  /** {@return the runtime repository's path} */
  public abstract String repoPath();

  /** {@return the loop id} */
  public abstract String loopId();

  /** {@return the repo-relative events log ({@code .superloop/loops/<loop>/events.jsonl})} */
  public abstract String eventsFile();

  /** {@return the last line number consumed (the next poll starts after it)} */
  public abstract long eventLineOffset();

  /** {@return the newline count of the events log at the last poll} */
  public abstract long eventLineCount();

  /** {@return when the cursor was written ({@code YYYY-MM-DDTHH:MM:SSZ})} */
  public abstract String updatedAt();

  /**
   * {@return the byte position right after line {@link #eventLineOffset()}, from which the local
   * source may resume; empty (omitted) when unknown} Additive (H17).
   */
  public abstract OptionalLong eventByteOffset();

  /**
   * {@return the CRC-32 of the up to 256 bytes before {@link #eventByteOffset()}; empty (omitted)
   * when unknown} Additive (H17). The local source resumes at the byte offset only when the file
   * still holds those bytes there, so a log that was truncated and grew back past the offset is
   * counted from the start.
   */
  public abstract OptionalLong eventTailCrc32();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    Checks.loopId(loopId());
    Checks.nonNegative("eventLineOffset", eventLineOffset());
    Checks.nonNegative("eventLineCount", eventLineCount());
    if (eventByteOffset().isPresent()) {
      Checks.nonNegative("eventByteOffset", eventByteOffset().getAsLong());
    }
    if (eventTailCrc32().isPresent()) {
      long crc = eventTailCrc32().getAsLong();
      if (crc < 0 || crc > 0xffffffffL) {
        throw new io.superloop.visibility.api.VisibilityException(
            io.superloop.visibility.api.ErrorCode.INVALID_FIELD_VALUE,
            "eventTailCrc32 must be an unsigned 32-bit value, got " + crc);
      }
    }
  }
}
