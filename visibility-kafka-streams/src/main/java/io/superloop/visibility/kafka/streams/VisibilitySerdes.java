package io.superloop.visibility.kafka.streams;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.envelope.EventEnvelope;
import io.superloop.visibility.api.envelope.SnapshotEnvelope;
import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.status.VisibilitySummary;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serdes on the v1 codecs of {@code visibility-api}: a value is one compact v1 JSON document
 * in UTF-8, as the file-based plane writes it (without the newline of a JSONL row); {@code null} is
 * a tombstone both ways.
 *
 * <p>Bad bytes: a deserializer throws {@link SerializationException} whose message starts with the
 * {@link io.superloop.visibility.api.ErrorCode} wire name ({@code invalid_json: ...}, {@code
 * missing_field: ...}) and whose cause is the {@link VisibilityException}. A topology reading with
 * these serdes sets {@code deserialization.exception.handler} to Kafka's {@code
 * LogAndContinueExceptionHandler} and {@code errors.dead.letter.queue.topic.name} (as {@link
 * VisibilityTopology#streamsConfig} does): the record goes to the dead-letter topic with the reason
 * in its headers and the stream thread goes on. The visibility topology itself reads its inputs as
 * bytes and judges them (see {@link VisibilityTopology}), so no input of its own ever fails here.
 */
public final class VisibilitySerdes {
  private VisibilitySerdes() {}

  /**
   * A serde on a codec.
   *
   * @param <T> the value type
   * @param codec the v1 codec (one of the constants of {@code visibility-api}'s {@code Codecs})
   * @return the serde; its deserializer throws {@link SerializationException} with the reason code
   *     for bytes the codec rejects
   */
  public static <T> Serde<T> of(JsonCodec<T> codec) {
    Objects.requireNonNull(codec, "codec");
    Serializer<T> serializer =
        (topic, value) -> value == null ? null : Json.DEFAULT.encodeUtf8(codec, value, false);
    Deserializer<T> deserializer =
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          try {
            return codec.decode(bytes);
          } catch (VisibilityException e) {
            throw new SerializationException(e.code().wire() + ": " + e.getMessage(), e);
          }
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }

  /** {@return the serde of {@code telemetry/sequence.jsonl} rows (the sequence topic)} */
  public static Serde<SequenceObservation> sequenceRows() {
    return of(Codecs.SEQUENCE_OBSERVATION);
  }

  /** {@return the serde of {@code telemetry/heartbeat.jsonl} rows (the heartbeat rows topic)} */
  public static Serde<HeartbeatObservation> heartbeatRows() {
    return of(Codecs.HEARTBEAT_OBSERVATION);
  }

  /** {@return the serde of {@code health.json} (the health topic)} */
  public static Serde<Health> health() {
    return of(Codecs.HEALTH);
  }

  /** {@return the serde of {@code escalations.jsonl} rows (the escalations topic)} */
  public static Serde<EscalationRow> escalations() {
    return of(Codecs.ESCALATION_ROW);
  }

  /**
   * {@return the serde of {@code loop_run_snapshot} envelopes (for producers of the envelope
   * topic)}
   */
  public static Serde<SnapshotEnvelope> snapshots() {
    return of(Codecs.SNAPSHOT_ENVELOPE);
  }

  /**
   * {@return the serde of {@code loop_run_event} envelopes (for producers of the envelope topic)}
   */
  public static Serde<EventEnvelope> events() {
    return of(Codecs.EVENT_ENVELOPE);
  }

  /** {@return the serde of the {@code visibility} status object} */
  public static Serde<VisibilitySummary> summaries() {
    return of(Codecs.VISIBILITY_SUMMARY);
  }
}
