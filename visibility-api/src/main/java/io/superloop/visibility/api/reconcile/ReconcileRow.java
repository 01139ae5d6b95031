package io.superloop.visibility.api.reconcile;

import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.health.HealthStatus;
import io.superloop.visibility.api.health.IngestStatus;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One row of {@code OPS/telemetry/reconcile.jsonl} (contract 1.12): the summary of one reconcile
 * step. Null-filtered; no {@code schemaVersion}. {@code healthReasonCodes} is always written
 * ({@code []} included); the additive {@code warnings} (hardening H2, H13, H18) only when non-empty.
 * Every count and duration is {@code >= 0}. Build with {@link #builder()}.
 */
@Value.Immutable
@VisibilityStyle
public abstract class ReconcileRow {

  /** A new builder. */
  public static ImmutableReconcileRow.Builder builder() {
    return ImmutableReconcileRow.builder();
  }

  /** Completion time, as written. */
  public abstract String timestamp();

  /** Start time, as written. */
  public abstract String startedAt();

  /** The loop id; a valid loop id. */
  public abstract String loopId();

  /** The reconcile trace; omitted when absent (never in practice). */
  public abstract Optional<TraceId> traceId();

  /** The transport of the step. */
  public abstract Transport transport();

  /** {@code success} or {@code failed}. */
  public abstract IngestStatus status();

  /** Why the ingest failed; omitted on success (and on a failure without a code). */
  public abstract Optional<FailureCode> failureCode();

  /**
   * The last 40 lines of the failing adapter's stderr; omitted when empty (an empty string is
   * normalised to absent).
   */
  public abstract Optional<String> failureMessage();

  /** The cursor's line offset before the step. */
  public abstract long cursorOffsetBefore();

  /** The cursor's line offset after the step. */
  public abstract long cursorOffsetAfter();

  /** Number of events ingested. */
  public abstract long eventsIngested();

  /** The batch limit ({@code 0}: none). */
  public abstract long maxEvents();

  /** Whether the batch was read from the start of the log. */
  public abstract boolean fromStart();

  /** Service call attempts. */
  public abstract long retryAttempts();

  /** Backoff between service call attempts, in seconds. */
  public abstract long retryBackoffSeconds();

  /** The threshold profile in force; omitted when none. */
  public abstract Optional<String> thresholdProfile();

  /** Whole seconds the step took. */
  public abstract long durationSeconds();

  /** Consecutive failed ingests, this one included (0 after a success). */
  public abstract long transportFailureStreak();

  /** The sequence diagnostics verdict of the step. */
  public abstract ReconcileSequenceStatus sequenceStatus();

  /** {@code ordering_drift_detected} when drift was detected; omitted otherwise. */
  public abstract Optional<ReasonCode> sequenceReasonCode();

  /** The health status the step computed. */
  public abstract HealthStatus healthStatus();

  /** The health reason codes the step computed (always written). */
  public abstract List<ReasonCode> healthReasonCodes();

  /** Additive (H2, H13, H18): non-fatal problems of the step; omitted when empty. */
  public abstract List<ReasonCode> warnings();

  /** Fields of a newer writer this version does not know, kept in order and written back. */
  public abstract Map<String, JsonValue> unknownFields();

  @Value.Check
  ReconcileRow normalize() {
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
