package io.superloop.visibility.api.heartbeat;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.heartbeat.internal.ImmutableHeartbeatThresholds;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Heartbeat lag thresholds in whole seconds (contract 2.3), compared inclusively ({@code lag >=
 * threshold}). Both are {@code >= 0} and critical is {@code >=} degraded; anything else cannot be
 * built ({@link ErrorCode#INVALID_THRESHOLD}).
 */
@Value.Immutable
@VisibilityStyle
public abstract class HeartbeatThresholds {

  /** The defaults, 120 s and 300 s. */
  public static final HeartbeatThresholds DEFAULT = of(120, 300);

  /**
   * Heartbeat lag thresholds.
   *
   * @param degraded lag in seconds from which a heartbeat is degraded, {@code >= 0}
   * @param critical lag in seconds from which a heartbeat is critical, {@code >= degraded}
   * @return the thresholds
   * @throws VisibilityException {@link ErrorCode#INVALID_THRESHOLD} when a value is negative or
   *     critical is below degraded
   */
  public static HeartbeatThresholds of(long degraded, long critical) {
    return ImmutableHeartbeatThresholds.builder()
        .degradedHeartbeatLagSeconds(degraded)
        .criticalHeartbeatLagSeconds(critical)
        .build();
  }

  /** {@return the lag from which a heartbeat is degraded (default 120)} */
  public abstract long degradedHeartbeatLagSeconds();

  /** {@return the lag from which a heartbeat is critical (default 300)} */
  public abstract long criticalHeartbeatLagSeconds();

  /** {@return fields of a newer writer, kept} */
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    if (degradedHeartbeatLagSeconds() < 0 || criticalHeartbeatLagSeconds() < 0) {
      throw new VisibilityException(
          ErrorCode.INVALID_THRESHOLD, "heartbeat lag thresholds must be >= 0");
    }
    if (criticalHeartbeatLagSeconds() < degradedHeartbeatLagSeconds()) {
      throw new VisibilityException(
          ErrorCode.INVALID_THRESHOLD,
          "critical heartbeat lag threshold must be >= degraded threshold");
    }
  }
}
