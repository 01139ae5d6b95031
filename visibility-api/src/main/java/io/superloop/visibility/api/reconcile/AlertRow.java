package io.superloop.visibility.api.reconcile;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.internal.ImmutableAlertRow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One row of {@code OPS/telemetry/alerts.jsonl} (contract 1.15), written by the alert dispatcher
 * (or, when the dispatch run crashes, by reconcile: {@code {timestamp, loopId, traceId,
 * category:"alert_dispatch", status:"failed_command", reasonCode:"alert_dispatch_failed",
 * message?}}). The library only reads these rows, for the status surface; it models the trace
 * fields and the verdict and keeps every other field raw ({@code escalationCategory}, {@code
 * escalation}, {@code route}, {@code sinks}, counts, {@code message}, ...). Optional fields are
 * omitted when absent. The key order of a row read is kept and written back; a built row is written
 * as {@code timestamp, loopId, traceId, escalationTraceId, category, status, reasonCode} followed
 * by the other fields.
 */
@Value.Immutable
@VisibilityStyle
public abstract class AlertRow {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableAlertRow.Builder builder() {
    return ImmutableAlertRow.builder();
  }

  /** {@return the time of the row, as written} */
  public abstract String timestamp();

  /** {@return the loop id, as written (not validated: the row belongs to another writer)} */
  public abstract Optional<String> loopId();

  /** {@return the dispatch run's trace} */
  public abstract TraceId traceId();

  /**
   * {@return the trace of the escalation row the alert was dispatched for (falling back to the
   * dispatch trace); absent on rows not tied to a parsed escalation}
   */
  public abstract Optional<TraceId> escalationTraceId();

  /** {@return the row's category ({@code alert_dispatch})} */
  public abstract String category();

  /** {@return the dispatch verdict} */
  public abstract AlertStatus status();

  /** {@return why the dispatch failed or was skipped; absent otherwise} */
  public abstract Optional<ReasonCode> reasonCode();

  /** {@return the other fields of the row, raw and in order} */
  public abstract Map<String, JsonValue> unknownFields();

  /**
   * {@return the keys of the row as read, in document order (empty for a built row); not part of
   * equality}
   */
  @Value.Auxiliary
  public abstract List<String> keyOrder();
}
