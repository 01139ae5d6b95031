package io.superloop.visibility.api.heartbeat;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.heartbeat.internal.ImmutableHeartbeatState;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * {@code OPS/heartbeat.json}: the freshness projection of the last usable runtime heartbeat
 * (contract 1.3). Top level null-filtered. Build with {@link #builder()}; copy with the {@code
 * with*} methods of {@link ImmutableHeartbeatState}.
 */
@Value.Immutable
@VisibilityStyle
public abstract class HeartbeatState {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link io.superloop.visibility.api.ErrorCode#INVALID_LOOP_ID} or {@link
   * io.superloop.visibility.api.ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the record's
   * contract checks.
   */
  public static ImmutableHeartbeatState.Builder builder() {
    return ImmutableHeartbeatState.builder();
  }

  /** {@return the manager clock at ingestion ({@code YYYY-MM-DDTHH:MM:SSZ})} */
  public abstract String updatedAt();

  /** {@return the loop id; never blank} */
  public abstract String loopId();

  /** {@return the reconcile trace; omitted when absent (never in practice)} */
  public abstract Optional<TraceId> traceId();

  /** {@return the manager-side transport of that reconcile} */
  public abstract Transport transport();

  /**
   * {@return the heartbeat timestamp string exactly as read ({@code timestamp}, else {@code
   * updatedAt})}
   */
  public abstract String lastHeartbeatAt();

  /**
   * {@return the lag in whole seconds, clamped at 0, computed at ingestion (or evaluation, hardened
   * H10)}
   */
  public abstract long heartbeatLagSeconds();

  /** {@return the freshness of the heartbeat} */
  public abstract FreshnessStatus freshnessStatus();

  /**
   * {@return the reason code: {@code runtime_heartbeat_stale} unless fresh; empty (omitted) when
   * fresh}
   */
  public abstract Optional<ReasonCode> reasonCode();

  /** {@return the thresholds the lag was judged against} */
  public abstract HeartbeatThresholds thresholds();

  /** {@return the runtime's heartbeat object, raw (key order and unknown fields kept)} */
  public abstract JsonValue heartbeat();

  /**
   * {@return the seconds the heartbeat lies in the future beyond the skew tolerance; empty when
   * none} Additive (H9).
   */
  public abstract OptionalLong clockSkewSeconds();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    Checks.notJsonNull("heartbeat", heartbeat());
    Checks.loopId(loopId());
    Checks.nonNegative("heartbeatLagSeconds", heartbeatLagSeconds());
    if (clockSkewSeconds().isPresent()) {
      Checks.positive("clockSkewSeconds", clockSkewSeconds().getAsLong());
    }
  }
}
