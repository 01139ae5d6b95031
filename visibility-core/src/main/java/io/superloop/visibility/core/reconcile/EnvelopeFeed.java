package io.superloop.visibility.core.reconcile;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.sequence.SequenceValidator;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Delivers one snapshot's sequence value and one batch of event sequence values to the validator,
 * in batch order. The local source streams the runtime log through it (constant memory); a
 * sprite_service answer feeds its decoded envelopes. Both transports give the validator the same
 * input.
 */
public interface EnvelopeFeed {

  /**
   * Feeds the batch: {@code batch.snapshot(...)} once and {@code batch.event(...)} per envelope.
   *
   * @param validator judges raw values under the rules in force
   * @param batch the batch being checked
   * @param warnings receives non-fatal problems ({@code event_line_malformed}, ...)
   */
  void feed(
      SequenceValidator validator, SequenceValidator.Batch batch, Consumer<ReasonCode> warnings);

  /**
   * {@return the cursor offset after the batch ({@code reconcile.jsonl cursorOffsetAfter}); valid
   * after feeding}
   */
  long cursorOffsetAfter();

  /**
   * {@return the ingest failure to report when {@link #feed} throws (the envelopes could not be
   * read): {@code events_unavailable} for the local log, {@code service_response_invalid} for a
   * service answer}
   */
  FailureCode failureCode();

  /**
   * A feed of decoded envelopes (sprite_service): the snapshot's raw {@code sequence.value} (null
   * when absent) and each event envelope as received (any JSON value; a malformed element is a
   * missing value, contract C9).
   *
   * @param snapshotSequenceValue the snapshot's raw {@code sequence.value}, or null when absent
   * @param events the event envelopes of the batch, as received (copied)
   * @param cursorOffsetAfter the events answer's {@code cursor.eventLineOffset}
   * @return the feed; it never throws
   */
  static EnvelopeFeed ofEnvelopes(
      @Nullable JsonValue snapshotSequenceValue, List<JsonValue> events, long cursorOffsetAfter) {
    List<JsonValue> copy = List.copyOf(events);
    return new EnvelopeFeed() {
      @Override
      public void feed(
          SequenceValidator validator,
          SequenceValidator.Batch batch,
          Consumer<ReasonCode> warnings) {
        batch.snapshot(validator.judge(snapshotSequenceValue));
        for (JsonValue e : copy) {
          batch.event(validator.judge(sequenceValueOf(e)));
        }
      }

      @Override
      public long cursorOffsetAfter() {
        return cursorOffsetAfter;
      }

      @Override
      public FailureCode failureCode() {
        return FailureCode.SERVICE_RESPONSE_INVALID;
      }
    };
  }

  /**
   * Extracts an envelope's sequence value.
   *
   * @param envelope any JSON value received as an envelope
   * @return the raw {@code sequence.value} when the envelope is an object whose {@code sequence} is
   *     an object with a {@code value} member ({@link JsonValue#nullValue() JSON null} when written
   *     as null); null otherwise
   */
  static @Nullable JsonValue sequenceValueOf(JsonValue envelope) {
    if (envelope instanceof JsonObject o && o.members().get("sequence") instanceof JsonObject seq) {
      return seq.members().get("value");
    }
    return null;
  }
}
