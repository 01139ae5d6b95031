package io.superloop.visibility.api.envelope;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.envelope.internal.ImmutableEventEnvelope;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A {@code loop_run_event} envelope (contract 1.1, 3.1): one line of the runtime events log as the
 * poll adapter delivers it, foreign input. Contract key order: {@code schemaVersion, envelopeType,
 * emittedAt, traceId, source, sequence, cursor, run, event}.
 *
 * <p>Decoding is tolerant ({@link Codecs#EVENT_ENVELOPE}), with the rules of {@link
 * SnapshotEnvelope}: only {@code schemaVersion} and {@code envelopeType} are required, {@code
 * sequence}, {@code run} and {@code event} are raw, unknown members are kept, and a decoded
 * envelope re-encodes exactly as read ({@link #memberOrder()}); a built one is written in the
 * contract's order with {@code traceId} always present.
 */
@Value.Immutable
@VisibilityStyle
public abstract class EventEnvelope {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableEventEnvelope.Builder builder() {
    return ImmutableEventEnvelope.builder();
  }

  /** {@return the schema version, always {@code "v1"}} */
  public final String schemaVersion() {
    return "v1";
  }

  /** {@return the envelope type, always {@link EnvelopeType#LOOP_RUN_EVENT}} */
  public final EnvelopeType envelopeType() {
    return EnvelopeType.LOOP_RUN_EVENT;
  }

  /** {@return when the adapter made the envelope, as written} */
  public abstract Optional<String> emittedAt();

  /** {@return the adapter's {@code --trace-id}; empty when the key is absent or {@code null}} */
  public abstract Optional<TraceId> traceId();

  /** {@return the repository and loop the event is of} */
  public abstract Optional<EnvelopeSource> source();

  /**
   * {@return the {@code sequence} member exactly as written: empty when absent; otherwise any JSON
   * value} See {@link #sequenceValue()}.
   */
  public abstract Optional<JsonValue> sequence();

  /** {@return the event's cursor ({@code eventLineOffset} = its line number)} */
  public abstract Optional<EnvelopeCursor> cursor();

  /** {@return the {@code run} object ({@code {runId, iteration}}), raw} */
  public abstract Optional<JsonValue> run();

  /**
   * {@return the {@code event} object ({@code {timestamp, name, role, status, message, payload,
   * raw}}), raw}
   */
  public abstract Optional<JsonValue> event();

  /** {@return members of a newer writer this version does not know, kept and written back} */
  public abstract Map<String, JsonValue> unknownFields();

  /**
   * {@return the member names in the order they were read; empty for a built envelope} Same rules
   * as {@link SnapshotEnvelope#memberOrder()}. Not part of {@code equals}.
   */
  @Value.Auxiliary
  public abstract List<String> memberOrder();

  /**
   * {@return the raw {@code value} member of {@link #sequence()} when the sequence is an object
   * that has one ({@link JsonValue#nullValue() JSON null} when written as {@code null}); empty
   * otherwise} Not validated.
   */
  public final Optional<JsonValue> sequenceValue() {
    return Envelopes.member(sequence(), "value");
  }
}
