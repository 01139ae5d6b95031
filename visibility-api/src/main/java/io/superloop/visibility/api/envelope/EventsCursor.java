package io.superloop.visibility.api.envelope;

import io.superloop.visibility.api.envelope.internal.ImmutableEventsCursor;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The {@code cursor} of the sprite service's events answer (contract 1.18): {@code
 * {eventLineOffset, eventLineCount, updatedAt}}, the throw-away cursor of the server-side poll
 * after it ran.
 */
@Value.Immutable
@VisibilityStyle
public abstract class EventsCursor {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableEventsCursor.Builder builder() {
    return ImmutableEventsCursor.builder();
  }

  /** {@return the last line number the poll consumed} */
  public abstract long eventLineOffset();

  /** {@return the newline count of the events log at poll time} */
  public abstract long eventLineCount();

  /** {@return when the server-side cursor was written, as written} */
  public abstract String updatedAt();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();
}
