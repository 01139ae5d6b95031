package io.superloop.visibility.api.reconcile;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.health.HealthStatus;
import io.superloop.visibility.api.health.IngestStatus;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.internal.ImmutableReconcileRow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One row of {@code OPS/telemetry/reconcile.jsonl} (contract 1.12): the summary of one reconcile
 * step. Null-filtered; no {@code schemaVersion}. {@code healthReasonCodes} is always written
 * ({@code []} included); the additive {@code warnings} (hardening H2, H13, H18) only when
 * non-empty. Every count and duration is {@code >= 0}. Build with {@link #builder()}.
 */
@Value.Immutable
@VisibilityStyle
public abstract class ReconcileRow {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link io.superloop.visibility.api.ErrorCode#INVALID_LOOP_ID} or {@link
   * io.superloop.visibility.api.ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the record's
   * contract checks.
   */
  public static ImmutableReconcileRow.Builder builder() {
    return ImmutableReconcileRow.builder();
  }

  /** {@return the completion time, as written} */
  public abstract String timestamp();

  /** {@return the start time, as written} */
  public abstract String startedAt();

  /** {@return the loop id; a valid loop id} */
  public abstract String loopId();

  /** {@return the reconcile trace; omitted when absent (never in practice)} */
  public abstract Optional<TraceId> traceId();

  /** {@return the transport of the step} */
  public abstract Transport transport();

  /** {@return the ingest status: {@code success} or {@code failed}} */
  public abstract IngestStatus status();

  /** {@return why the ingest failed; omitted on success (and on a failure without a code)} */
  public abstract Optional<FailureCode> failureCode();

  /**
   * {@return the last 40 lines of the failing adapter's stderr; omitted when empty (an empty string
   * is normalised to absent)}
   */
  public abstract Optional<String> failureMessage();

  /** {@return the cursor's line offset before the step} */
  public abstract long cursorOffsetBefore();

  /** {@return the cursor's line offset after the step} */
  public abstract long cursorOffsetAfter();

  /** {@return the number of events ingested} */
  public abstract long eventsIngested();

  /** {@return the batch limit ({@code 0}: none)} */
  public abstract long maxEvents();

  /** {@return whether the batch was read from the start of the log} */
  public abstract boolean fromStart();

  /** {@return service call attempts} */
  public abstract long retryAttempts();

  /** {@return the backoff between service call attempts, in seconds} */
  public abstract long retryBackoffSeconds();

  /** {@return the threshold profile in force; omitted when none} */
  public abstract Optional<String> thresholdProfile();

  /** {@return whole seconds the step took} */
  public abstract long durationSeconds();

  /** {@return consecutive failed ingests, this one included (0 after a success)} */
  public abstract long transportFailureStreak();

  /** {@return the sequence diagnostics verdict of the step} */
  public abstract ReconcileSequenceStatus sequenceStatus();

  /**
   * {@return the sequence reason code: {@code ordering_drift_detected} when drift was detected;
   * empty (omitted) otherwise}
   */
  public abstract Optional<ReasonCode> sequenceReasonCode();

  /** {@return the health status the step computed} */
  public abstract HealthStatus healthStatus();

  /** {@return the health reason codes the step computed (always written)} */
  public abstract List<ReasonCode> healthReasonCodes();

  /** {@return the non-fatal problems of the step; omitted when empty} Additive (H2, H13, H18). */
  public abstract List<ReasonCode> warnings();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** {@return this record, normalised; called by the generated implementation} */
  @Value.Check
  protected ReconcileRow normalize() {
    Checks.loopId(loopId());
    Checks.nonNegative("cursorOffsetBefore", cursorOffsetBefore());
    Checks.nonNegative("cursorOffsetAfter", cursorOffsetAfter());
    Checks.nonNegative("eventsIngested", eventsIngested());
    Checks.nonNegative("maxEvents", maxEvents());
    Checks.nonNegative("retryAttempts", retryAttempts());
    Checks.nonNegative("retryBackoffSeconds", retryBackoffSeconds());
    Checks.nonNegative("durationSeconds", durationSeconds());
    Checks.nonNegative("transportFailureStreak", transportFailureStreak());
    if (failureMessage().isPresent() && failureMessage().get().isEmpty()) {
      return ImmutableReconcileRow.copyOf(this).withFailureMessage(Optional.empty());
    }
    return this;
  }
}
