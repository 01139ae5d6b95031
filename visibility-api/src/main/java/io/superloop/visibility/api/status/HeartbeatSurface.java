package io.superloop.visibility.api.status;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.status.internal.ImmutableHeartbeatSurface;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * {@code visibility.heartbeat} (contract 6.2, C4), null-filtered: {@code freshnessStatus,
 * reasonCode, lastHeartbeatAt, heartbeatLagSeconds, updatedAt, transport, traceId}, then the
 * additive {@code lastObservation} (H16). With only a failed heartbeat row (C4) it holds no {@code
 * freshnessStatus} and no {@code heartbeatLagSeconds}.
 */
@Value.Immutable
@VisibilityStyle
public abstract class HeartbeatSurface {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableHeartbeatSurface.Builder builder() {
    return ImmutableHeartbeatSurface.builder();
  }

  /** {@return the heartbeat state's freshness} */
  public abstract Optional<FreshnessStatus> freshnessStatus();

  /** {@return the state's reason code, else the last row's} */
  public abstract Optional<ReasonCode> reasonCode();

  /** {@return the last heartbeat timestamp, as written} */
  public abstract Optional<String> lastHeartbeatAt();

  /** {@return the heartbeat lag in whole seconds} */
  public abstract OptionalLong heartbeatLagSeconds();

  /** {@return when the state (else the row) was written} */
  public abstract Optional<String> updatedAt();

  /** {@return the transport of that reconcile} */
  public abstract Optional<Transport> transport();

  /** {@return the trace of that reconcile} */
  public abstract Optional<TraceId> traceId();

  /**
   * {@return a failed observation newer than the state; empty when there is none} Additive (H16).
   */
  public abstract Optional<HeartbeatObservationSurface> lastObservation();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();
}
