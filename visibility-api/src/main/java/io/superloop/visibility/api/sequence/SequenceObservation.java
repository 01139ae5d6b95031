package io.superloop.visibility.api.sequence;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.sequence.internal.ImmutableSequenceObservation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One row of {@code OPS/telemetry/sequence.jsonl} (contract 1.6): the diagnostics of one
 * successful-ingest reconcile step, with {@code category:"envelope_sequence"} and no {@code
 * schemaVersion}. Top level null-filtered; nested objects as in {@link SequenceState}. The same
 * contract rules as {@link SequenceState} are checked on build and decode ({@link
 * ErrorCode#INVALID_FIELD_VALUE}, {@link ErrorCode#INVALID_SEQUENCE_VALUE}, {@link
 * ErrorCode#INVALID_LOOP_ID}).
 */
@Value.Immutable
@VisibilityStyle
public abstract class SequenceObservation {

  /** Only the generated implementation extends this class (its package is not exported). */
  protected SequenceObservation() {}

  /** The constant {@code category} of every row. */
  public static final String CATEGORY = "envelope_sequence";

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the record's contract checks.
   */
  public static ImmutableSequenceObservation.Builder builder() {
    return ImmutableSequenceObservation.builder();
  }

  /**
   * The row of a step's state: the same fields, stamped with {@code timestamp} (taken separately
   * from the state's {@code updatedAt}). Unknown fields of the state are not carried over.
   *
   * @param state the sequence state of the step
   * @param timestamp the row's manager clock ({@code YYYY-MM-DDTHH:MM:SSZ})
   * @return the telemetry row
   */
  public static SequenceObservation of(SequenceState state, String timestamp) {
    return builder()
        .timestamp(timestamp)
        .loopId(state.loopId())
        .traceId(state.traceId())
        .transport(state.transport())
        .status(state.status())
        .reasonCode(state.reasonCode())
        .driftActive(state.driftActive())
        .violations(state.violations())
        .snapshot(state.snapshot())
        .events(state.events())
        .transition(state.transition())
        .build();
  }

  /** {@return the manager clock when the row was written ({@code YYYY-MM-DDTHH:MM:SSZ})} */
  public abstract String timestamp();

  /** {@return the loop id} */
  public abstract String loopId();

  /** {@return the reconcile trace; omitted when absent (never in practice)} */
  public abstract Optional<TraceId> traceId();

  /** {@return the manager-side transport of that reconcile} */
  public abstract Transport transport();

  /** {@return the row category, always {@value #CATEGORY}} */
  public final String category() {
    return CATEGORY;
  }

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
