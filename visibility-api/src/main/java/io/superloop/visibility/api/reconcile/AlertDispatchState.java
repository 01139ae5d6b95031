package io.superloop.visibility.api.reconcile;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.internal.ImmutableAlertDispatchState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code OPS/alert-dispatch-state.json} (contract 1.15), rewritten by the alert dispatcher (another
 * component) on every run; the library reads it for the status surface. Not null-filtered: an
 * absent optional field is written as {@code null}. Every count and offset is {@code >= 0}.
 */
@Value.Immutable
@VisibilityStyle
public abstract class AlertDispatchState {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link io.superloop.visibility.api.ErrorCode#INVALID_LOOP_ID} or {@link
   * io.superloop.visibility.api.ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the record's
   * contract checks.
   */
  public static ImmutableAlertDispatchState.Builder builder() {
    return ImmutableAlertDispatchState.builder();
  }

  /** {@return the time of the dispatch run, as written} */
  public abstract String updatedAt();

  /** {@return the loop id; a valid loop id} */
  public abstract String loopId();

  /** {@return the dispatch run's trace} */
  public abstract Optional<TraceId> traceId();

  /** {@return the path of {@code escalations.jsonl}} */
  public abstract Optional<String> escalationsFile();

  /** {@return the path of {@code telemetry/alerts.jsonl}} */
  public abstract Optional<String> dispatchTelemetryFile();

  /** {@return the run's status} */
  public abstract AlertDispatchStatus status();

  /** {@return escalation rows processed} */
  public abstract long processedCount();

  /** {@return escalation rows dispatched} */
  public abstract long dispatchedCount();

  /** {@return escalation rows skipped} */
  public abstract long skippedCount();

  /** {@return escalation rows that failed} */
  public abstract long failedCount();

  /** {@return reason codes of the failures (always written)} */
  public abstract List<ReasonCode> failureReasonCodes();

  /** {@return the line offset in {@code escalations.jsonl} after the run} */
  public abstract long escalationsLineOffset();

  /** {@return the line count of {@code escalations.jsonl} at the run} */
  public abstract long escalationsLineCount();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    Checks.loopId(loopId());
    Checks.nonNegative("processedCount", processedCount());
    Checks.nonNegative("dispatchedCount", dispatchedCount());
    Checks.nonNegative("skippedCount", skippedCount());
    Checks.nonNegative("failedCount", failedCount());
    Checks.nonNegative("escalationsLineOffset", escalationsLineOffset());
    Checks.nonNegative("escalationsLineCount", escalationsLineCount());
  }
}
