package io.superloop.visibility.api.envelope;

import io.superloop.visibility.api.envelope.internal.ImmutableEnvelopeCursor;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The {@code cursor} object of envelopes: {@code {eventLineOffset, eventLineCount}} (contract 1.1,
 * 3.1). Foreign input: the numbers are whole {@code long}s, not otherwise checked.
 */
@Value.Immutable
@VisibilityStyle
public abstract class EnvelopeCursor {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableEnvelopeCursor.Builder builder() {
    return ImmutableEnvelopeCursor.builder();
  }

  /**
   * A cursor of two numbers, not checked.
   *
   * @param eventLineOffset see {@link #eventLineOffset()}
   * @param eventLineCount the newline count of the events log
   * @return the cursor
   */
  public static EnvelopeCursor of(long eventLineOffset, long eventLineCount) {
    return builder().eventLineOffset(eventLineOffset).eventLineCount(eventLineCount).build();
  }

  /**
   * {@return the line position} Snapshot: the newline count of the events log; event: the event's
   * 1-based physical line number.
   */
  public abstract long eventLineOffset();

  /** {@return the newline count of the events log when the envelope was made} */
  public abstract long eventLineCount();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();
}
