package io.superloop.visibility.api.audit;

import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.audit.internal.ImmutableInFlightRow;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One row of the additive {@code OPS/telemetry/control-invocations.inflight.jsonl} (hardening H5):
 * the identity of a control invocation, appended with phase {@code started} before its command runs
 * (and, optionally, with phase {@code completed} after its v1 rows; see {@link InvocationPhase}).
 * Key order {@code timestamp, loopId, intent, traceId, transport, requestedBy, idempotencyKey,
 * phase}; null-filtered; no {@code schemaVersion}. v1 readers never read this file.
 */
@Value.Immutable
@VisibilityStyle
public abstract class InFlightRow {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link io.superloop.visibility.api.ErrorCode#INVALID_LOOP_ID} or {@link
   * io.superloop.visibility.api.ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the record's
   * contract checks.
   */
  public static ImmutableInFlightRow.Builder builder() {
    return ImmutableInFlightRow.builder();
  }

  /** {@return the time of the row, as written} */
  public abstract String timestamp();

  /** {@return the loop id; a valid loop id} */
  public abstract String loopId();

  /** {@return the intent} */
  public abstract Intent intent();

  /** {@return the control trace; omitted when absent (never in practice)} */
  public abstract Optional<TraceId> traceId();

  /** {@return the transport the control call uses} */
  public abstract Transport transport();

  /** {@return who asked} */
  public abstract String requestedBy();

  /** {@return the idempotency key that ties this row to the invocation's v1 rows; never blank} */
  public abstract String idempotencyKey();

  /**
   * {@return the phase: {@code started} (before execution) or {@code completed} (after the v1
   * rows)}
   */
  public abstract InvocationPhase phase();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    Checks.loopId(loopId());
    Checks.nonBlank("idempotencyKey", idempotencyKey());
  }
}
