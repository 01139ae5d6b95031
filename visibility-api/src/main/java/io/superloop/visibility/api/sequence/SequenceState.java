package io.superloop.visibility.api.sequence;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.sequence.internal.ImmutableSequenceState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code OPS/sequence-state.json}: the sequence diagnostics of the last reconcile step whose ingest
 * succeeded (contract 1.5), also copied verbatim into {@code state.json.sequence}. Top level
 * null-filtered ({@link #traceId()} and {@link #reasonCode()} are omitted when empty); the nested
 * {@link #snapshot()} and {@link #events()} keep explicit nulls. Reading is tolerant where other
 * writers differ from the reference: key order is free, unknown fields are kept, and {@link
 * #transition()} may be absent (the conformance harness writes previous states without it).
 *
 * <p>Contract rules are checked on build and therefore on decode: {@link #violations()} sorted
 * ascending and unique, {@link #driftActive()} iff violations, {@link #status()} and {@link
 * #reasonCode()} {@code ordering_drift_detected} iff drift (else {@code ok} and no reason code),
 * counts {@code >= 0}, a valid loop id. A violation throws {@link
 * io.superloop.visibility.api.VisibilityException} ({@link ErrorCode#INVALID_FIELD_VALUE}, {@link
 * ErrorCode#INVALID_SEQUENCE_VALUE} or {@link ErrorCode#INVALID_LOOP_ID}); a previous file written
 * by another writer that breaks a rule therefore does not decode, and a reader treats it as
 * unreadable previous state.
 */
@Value.Immutable
@VisibilityStyle
public abstract class SequenceState {

  /** Only the generated implementation extends this class (its package is not exported). */
  protected SequenceState() {}

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the record's contract checks.
   */
  public static ImmutableSequenceState.Builder builder() {
    return ImmutableSequenceState.builder();
  }

  /** {@return the manager clock at the step ({@code YYYY-MM-DDTHH:MM:SSZ})} */
  public abstract String updatedAt();

  /** {@return the loop id} */
  public abstract String loopId();

  /** {@return the reconcile trace; omitted when absent (never in practice)} */
  public abstract Optional<TraceId> traceId();

  /** {@return the manager-side transport of that reconcile} */
  public abstract Transport transport();

  /** {@return the status: {@code ok} or {@code ordering_drift_detected}} */
  public abstract SequenceStatus status();

  /**
   * {@return the reason code: {@code ordering_drift_detected} when drift is active; empty (omitted)
   * when {@code ok}}
   */
  public abstract Optional<ReasonCode> reasonCode();

  /** {@return whether drift is active: true iff {@link #violations()} is non-empty} */
  public abstract boolean driftActive();

  /** {@return the violation codes, sorted ascending and unique; empty when {@code ok}} */
  public abstract List<ViolationCode> violations();

  /** {@return the snapshot sequence diagnostics} */
  public abstract SnapshotDiagnostics snapshot();

  /** {@return the event batch sequence diagnostics} */
  public abstract EventDiagnostics events();

  /**
   * {@return the drift before and after this step} The library always writes it; it is empty (and
   * then omitted) only for a file of another writer that lacks it (the conformance harness writes
   * previous states without it).
   */
  public abstract Optional<SequenceTransition> transition();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    SequenceChecks.verdict(loopId(), status(), reasonCode(), driftActive(), violations());
  }
}
