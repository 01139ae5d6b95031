package io.superloop.visibility.kafka.streams;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.envelope.EnvelopeType;
import io.superloop.visibility.api.envelope.SnapshotEnvelope;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * One record of the envelope topic, judged. Decoding never throws: bytes that are not a JSON object
 * are {@link Undecodable} with the reason code of the api codecs, and count as an event without a
 * usable sequence value, as a malformed element of a sprite_service events answer does (contract
 * C9).
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
          "an envelope of "
              + bytes.length
              + " bytes is longer than the limit of "
              + json.limits().maxDocumentLength());
    }
    // one pass over the bytes: every token is checked (syntax, limits, duplicate keys), only the
    // envelope type and the sequence value are built
    boolean snapshot = false;
    @Nullable JsonValue sequenceValue = null;
    try (JsonParser p = json.factory().createParser(ObjectReadContext.empty(), bytes)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return new Undecodable(ErrorCode.INVALID_JSON, "empty input");
      }
      boolean object = first == JsonToken.START_OBJECT;
      if (object) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (name.equals("envelopeType")) {
            snapshot =
                value == JsonToken.VALUE_STRING
                    && EnvelopeType.LOOP_RUN_SNAPSHOT.wire().equals(p.getString());
          } else if (name.equals("sequence") && value == JsonToken.START_OBJECT) {
            sequenceValue = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
              boolean isValue = p.currentName().equals("value");
              p.nextToken();
              if (isValue) {
                sequenceValue = Json.RAW.read(p);
              } else {
                p.skipChildren();
              }
            }
          } else {
            if (name.equals("sequence")) {
              sequenceValue = null;
            }
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
      if (p.nextToken() != null) {
        return new Undecodable(ErrorCode.INVALID_JSON, "trailing content after the JSON value");
      }
      if (!object) {
        return new Undecodable(ErrorCode.INVALID_FIELD_TYPE, "an envelope is a JSON object");
      }
    } catch (JacksonException e) {
      VisibilityException v = Json.translate(e);
      return new Undecodable(v.code(), v.getMessage());
    } catch (VisibilityException e) {
      return new Undecodable(e.code(), e.getMessage());
    }
    if (snapshot) {
      try {
        return new Snapshot(json.decode(Codecs.SNAPSHOT_ENVELOPE, bytes));
      } catch (VisibilityException e) {
        return new BadSnapshot(e);
      }
    }
    return new Event(decisions.judge(sequenceValue));
  }
}
