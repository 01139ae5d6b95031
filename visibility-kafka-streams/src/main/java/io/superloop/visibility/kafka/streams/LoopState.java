package io.superloop.visibility.kafka.streams;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.health.TransportHealth;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonReadLimits;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * What the topology keeps of one loop between records (the loop store's value): the loop's previous
 * states as the file-based plane keeps them in its files, each written with its v1 codec, and the
 * heartbeat documents the next evaluations read.
 *
 * @param sequence {@code sequence-state.json}
 * @param sequenceRow the last {@code telemetry/sequence.jsonl} row (status surface)
 * @param heartbeat {@code heartbeat.json}
 * @param heartbeatRow the last {@code telemetry/heartbeat.jsonl} row (status surface)
 * @param health {@code health.json}
 * @param transport {@code telemetry/transport-health.json}
 * @param lastHeartbeat the heartbeat input of the last evaluation, which the punctuation evaluates
 *     again at wall-clock time
 * @param fileHeartbeat the latest document of the heartbeats topic, the counterpart of {@code
 *     heartbeat.v1.json} ({@link HeartbeatInput#ABSENT} after a tombstone or before any)
 */
record LoopState(
    Optional<SequenceState> sequence,
    Optional<SequenceObservation> sequenceRow,
    Optional<HeartbeatState> heartbeat,
    Optional<HeartbeatObservation> heartbeatRow,
    Optional<Health> health,
    Optional<TransportHealth> transport,
    HeartbeatInput lastHeartbeat,
    HeartbeatInput fileHeartbeat) {

  /** A loop the topology has not seen. */
  static final LoopState EMPTY =
      new LoopState(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          HeartbeatInput.ABSENT,
          HeartbeatInput.ABSENT);

  /**
   * The store's reader: a heartbeat document (up to the heartbeat read limit's structure) appears
   * at most four times, two levels deeper than in its own file.
   */
  private static final Json STORE_JSON =
      Json.withLimits(new JsonReadLimits(128, 16 << 20, 4096, 64, 16L << 20, 1 << 20));

  /** This state with another heartbeat input of the last evaluation. */
  LoopState withLastHeartbeat(HeartbeatInput input) {
    return new LoopState(
        sequence, sequenceRow, heartbeat, heartbeatRow, health, transport, input, fileHeartbeat);
  }

  /** This state with another latest document of the heartbeats topic. */
  LoopState withFileHeartbeat(HeartbeatInput input) {
    return new LoopState(
        sequence, sequenceRow, heartbeat, heartbeatRow, health, transport, lastHeartbeat, input);
  }

  /** {@return the state as the store keeps it: one JSON object of v1 documents, UTF-8} */
  byte[] encode() {
    return Json.DEFAULT.encodeUtf8(CODEC, this, false);
  }

  /**
   * Reads a stored state.
   *
   * @param bytes what {@link #encode()} wrote
   * @return the state
   * @throws VisibilityException when the bytes are not a stored state
   */
  static LoopState decode(byte[] bytes) {
    return STORE_JSON.decode(CODEC, bytes);
  }

  private static final JsonCodec<LoopState> CODEC =
      new JsonCodec<>() {
        @Override
        public LoopState read(JsonParser p) {
          if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new VisibilityException(
                ErrorCode.INVALID_FIELD_TYPE, "a stored loop state is an object");
          }
          Optional<SequenceState> sequence = Optional.empty();
          Optional<SequenceObservation> sequenceRow = Optional.empty();
          Optional<HeartbeatState> heartbeat = Optional.empty();
          Optional<HeartbeatObservation> heartbeatRow = Optional.empty();
          Optional<Health> health = Optional.empty();
          Optional<TransportHealth> transport = Optional.empty();
          HeartbeatInput last = HeartbeatInput.ABSENT;
          HeartbeatInput file = HeartbeatInput.ABSENT;
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
              case "sequence":
                sequence = Optional.of(Codecs.SEQUENCE_STATE.read(p));
                break;
              case "sequenceRow":
                sequenceRow = Optional.of(Codecs.SEQUENCE_OBSERVATION.read(p));
                break;
              case "heartbeat":
                heartbeat = Optional.of(Codecs.HEARTBEAT_STATE.read(p));
                break;
              case "heartbeatRow":
                heartbeatRow = Optional.of(Codecs.HEARTBEAT_OBSERVATION.read(p));
                break;
              case "health":
                health = Optional.of(Codecs.HEALTH.read(p));
                break;
              case "transportHealth":
                transport = Optional.of(Codecs.TRANSPORT_HEALTH.read(p));
                break;
              case "lastHeartbeat":
                last = HeartbeatInput.CODEC.read(p);
                break;
              case "fileHeartbeat":
                file = HeartbeatInput.CODEC.read(p);
                break;
              default:
                p.skipChildren(); // a member of a newer writer
            }
          }
          return new LoopState(
              sequence, sequenceRow, heartbeat, heartbeatRow, health, transport, last, file);
        }

        @Override
        public void write(LoopState s, JsonGenerator g) {
          g.writeStartObject();
          write(g, "sequence", Codecs.SEQUENCE_STATE, s.sequence());
          write(g, "sequenceRow", Codecs.SEQUENCE_OBSERVATION, s.sequenceRow());
          write(g, "heartbeat", Codecs.HEARTBEAT_STATE, s.heartbeat());
          write(g, "heartbeatRow", Codecs.HEARTBEAT_OBSERVATION, s.heartbeatRow());
          write(g, "health", Codecs.HEALTH, s.health());
          write(g, "transportHealth", Codecs.TRANSPORT_HEALTH, s.transport());
          write(g, "lastHeartbeat", HeartbeatInput.CODEC, Optional.of(s.lastHeartbeat()));
          write(g, "fileHeartbeat", HeartbeatInput.CODEC, Optional.of(s.fileHeartbeat()));
          g.writeEndObject();
        }

        private <T> void write(
            JsonGenerator g, String name, JsonCodec<T> codec, Optional<T> value) {
          if (value.isPresent()) {
            g.writeName(name);
            codec.write(value.get(), g);
          }
        }
      };
}
