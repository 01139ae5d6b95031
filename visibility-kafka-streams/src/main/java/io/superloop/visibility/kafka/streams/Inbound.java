package io.superloop.visibility.kafka.streams;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.envelope.EnvelopeCodecs;
import io.superloop.visibility.api.envelope.EnvelopeType;
import io.superloop.visibility.api.envelope.SnapshotEnvelope;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * One record of the envelope topic, judged. Decoding never throws: bytes that are not a JSON
 * object are {@link Undecodable} with the reason code of the api codecs, and count as an event
 * without a usable sequence value, as a malformed element of a sprite_service events answer does
 * (contract C9).
 */
sealed interface Inbound {

  /**
   * An event envelope (any JSON object that is not a snapshot).
   *
   * @param judged its sequence value as the validator judges it ({@link Decisions#missing()} when
   *     missing or invalid)
   */
  record Event(long judged) implements Inbound {}

  /**
   * A valid {@code loop_run_snapshot}: it closes the batch of the events before it.
   *
   * @param envelope the snapshot
   */
  record Snapshot(SnapshotEnvelope envelope) implements Inbound {}

  /**
   * A record whose {@code envelopeType} says snapshot that is not a valid v1 snapshot.
   *
   * @param error why
   */
  record BadSnapshot(VisibilityException error) implements Inbound {}

  /**
   * Bytes that are not a JSON object (not JSON, beyond a read limit, a tombstone, an array, ...).
   *
   * @param code the reason code
   * @param message the decoder's message
   */
  record Undecodable(ErrorCode code, String message) implements Inbound {}

  /**
   * Judges one record value of the envelope topic.
   *
   * @param bytes the value, null for a tombstone
   * @param json the envelope reader (its limits: the envelope read limit)
   * @param decisions the validator's judgement of a sequence value
   * @return the judged record
   */
  static Inbound decode(byte @Nullable [] bytes, Json json, Decisions decisions) {
    if (bytes == null) {
      return new Undecodable(ErrorCode.INVALID_JSON, "a tombstone (null value) is not an envelope");
    }
    if (bytes.length > json.limits().maxDocumentLength()) {
      return new Undecodable(
          ErrorCode.LIMIT_EXCEEDED,
          "an envelope of " + bytes.length + " bytes is longer than the limit of "
              + json.limits().maxDocumentLength());
    }
    JsonValue value;
    try {
      value = json.decode(Json.RAW, bytes);
    } catch (VisibilityException e) {
      return new Undecodable(e.code(), e.getMessage());
    }
    if (!(value instanceof JsonValue.JsonObject o)) {
      return new Undecodable(ErrorCode.INVALID_FIELD_TYPE, "an envelope is a JSON object");
    }
    if (o.members().get("envelopeType") instanceof JsonValue.JsonString type
        && type.value().equals(EnvelopeType.LOOP_RUN_SNAPSHOT.wire())) {
      try {
        return new Snapshot(json.decode(EnvelopeCodecs.SNAPSHOT, bytes));
      } catch (VisibilityException e) {
        return new BadSnapshot(e);
      }
    }
    return new Event(decisions.judgeEvent(o));
  }
}
