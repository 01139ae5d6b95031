package io.superloop.visibility.api.envelope;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.envelope.internal.ImmutableSnapshotEnvelope;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A {@code loop_run_snapshot} envelope (contract 1.1, 3.1): the snapshot adapter's answer, foreign
 * input. Contract key order: {@code schemaVersion, envelopeType, emittedAt, traceId, source, run,
 * runtime, artifacts, sequence, cursor, health}.
 *
 * <p>Decoding is tolerant ({@link Codecs#SNAPSHOT_ENVELOPE}): only {@code schemaVersion} ({@code
 * "v1"}) and {@code envelopeType} are required; every other member may be absent; the parts the
 * library does not interpret ({@code run}, {@code runtime}, {@code artifacts}, {@code health}) and
 * the {@code sequence} object are kept raw, exactly as written; unknown members are kept. A present
 * {@code traceId} must be a valid {@link TraceId}; a present {@code source}, {@code cursor} or
 * {@code artifacts.heartbeat} must have its documented shape. A decoded envelope remembers its
 * member order ({@link #memberOrder()}) and re-encodes to exactly the compact form of its input; a
 * built one is written in the contract's order, with {@code traceId} always present ({@code null}
 * when empty, as the adapters write it) and other empty members left out.
 */
@Value.Immutable
@VisibilityStyle
public abstract class SnapshotEnvelope {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link VisibilityException} ({@link
   * ErrorCode#INVALID_FIELD_TYPE}) when a value breaks the record's contract checks.
   */
  public static ImmutableSnapshotEnvelope.Builder builder() {
    return ImmutableSnapshotEnvelope.builder();
  }

  /** {@return the schema version, always {@code "v1"}} */
  public final String schemaVersion() {
    return "v1";
  }

  /** {@return the envelope type, always {@link EnvelopeType#LOOP_RUN_SNAPSHOT}} */
  public final EnvelopeType envelopeType() {
    return EnvelopeType.LOOP_RUN_SNAPSHOT;
  }

  /** {@return when the adapter made the envelope, as written} */
  public abstract Optional<String> emittedAt();

  /** {@return the adapter's {@code --trace-id}; empty when the key is absent or {@code null}} */
  public abstract Optional<TraceId> traceId();

  /** {@return the repository and loop the snapshot is of} */
  public abstract Optional<EnvelopeSource> source();

  /** {@return the {@code run} object ({@code {runId, iteration, status, summary}}), raw} */
  public abstract Optional<JsonValue> run();

  /**
   * {@return the {@code runtime} object ({@code {superloopState, activeRun, approval, heartbeat}}),
   * raw; see {@link #runtimeHeartbeat()}}
   */
  public abstract Optional<JsonValue> runtime();

  /**
   * {@return the {@code artifacts} object ({@code {events, runSummary, state, activeRun, approval,
   * heartbeat}}), raw; see {@link #heartbeatArtifact()}}
   */
  public abstract Optional<JsonValue> artifacts();

  /**
   * {@return the {@code sequence} member exactly as written: empty when absent; otherwise any JSON
   * value ({@code null}, an object without {@code value}, an object whose {@code value} is
   * negative, a boolean, a string, a fraction, ...)} See {@link #sequenceValue()}.
   */
  public abstract Optional<JsonValue> sequence();

  /**
   * {@return the snapshot's cursor ({@code eventLineOffset = eventLineCount =} newline count of the
   * log)}
   */
  public abstract Optional<EnvelopeCursor> cursor();

  /** {@return the {@code health} object of the snapshot, raw} */
  public abstract Optional<JsonValue> health();

  /** {@return members of a newer writer this version does not know, kept and written back} */
  public abstract Map<String, JsonValue> unknownFields();

  /**
   * {@return the member names in the order they were read (unknown members included); empty for a
   * built envelope, which is then written in the contract's order} When non-empty, members are
   * written in this order; a listed typed member that is empty ({@link #emittedAt()}, {@link
   * #traceId()}, {@link #source()}, {@link #cursor()}) is written as {@code null} (it was read as
   * {@code null}); members present but not listed follow in the contract's order. Not part of
   * {@code equals}.
   */
  @Value.Auxiliary
  public abstract List<String> memberOrder();

  /**
   * {@return the raw {@code value} member of {@link #sequence()} when the sequence is an object
   * that has one ({@link JsonValue#nullValue() JSON null} when written as {@code null}); empty
   * otherwise} Not validated: the sequence validator judges it under its rules.
   */
  public final Optional<JsonValue> sequenceValue() {
    return Envelopes.member(sequence(), "value");
  }

  /**
   * {@return the raw {@code runtime.heartbeat} member: the runtime's heartbeat as the adapter
   * passed it through ({@link JsonValue#nullValue() JSON null} when the file did not exist;
   * possibly a non-object, hardening H18); empty when {@code runtime} is absent, not an object, or
   * has no {@code heartbeat} key}
   */
  public final Optional<JsonValue> runtimeHeartbeat() {
    return Envelopes.member(runtime(), "heartbeat");
  }

  /**
   * {@return the typed {@code artifacts.heartbeat} reference, when {@code artifacts} is an object
   * whose {@code heartbeat} member is an object; empty when absent or {@code null}} (Its shape is
   * checked when the envelope is built, so this never throws.)
   */
  public final Optional<ArtifactRef> heartbeatArtifact() {
    Optional<JsonValue> v = Envelopes.member(artifacts(), "heartbeat");
    if (v.isEmpty() || v.get().isNull()) {
      return Optional.empty();
    }
    return Optional.of(Envelopes.decodeValue(Codecs.ARTIFACT_REF, v.get(), "/artifacts/heartbeat"));
  }

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    Optional<JsonValue> hb = Envelopes.member(artifacts(), "heartbeat");
    if (hb.isPresent() && !hb.get().isNull() && !(hb.get() instanceof JsonObject)) {
      throw VisibilityException.at(
          ErrorCode.INVALID_FIELD_TYPE,
          "/artifacts/heartbeat",
          "expected an object or null (artifact reference)");
    }
    heartbeatArtifact();
  }
}
