package io.superloop.visibility.api.health;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.health.internal.ImmutableHealthThresholds;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code health.json.thresholds} (contract 1.10): the threshold profile name ({@code null} when
 * none) and the six thresholds health was judged against, each {@code >= 0} ({@link
 * ErrorCode#INVALID_THRESHOLD} otherwise).
 */
@Value.Immutable
@VisibilityStyle
public abstract class HealthThresholds {

  /** Only the generated implementation extends this class (its package is not exported). */
  protected HealthThresholds() {}

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link VisibilityException} ({@link
   * ErrorCode#INVALID_THRESHOLD}) when a threshold is negative.
   */
  public static ImmutableHealthThresholds.Builder builder() {
    return ImmutableHealthThresholds.builder();
  }

  /** {@return the threshold profile in force; written {@code null} when none} */
  public abstract Optional<String> profile();

  /** {@return the ingest lag from which health is degraded (default 300)} */
  public abstract long degradedIngestLagSeconds();

  /** {@return the ingest lag from which health is critical (default 900)} */
  public abstract long criticalIngestLagSeconds();

  /** {@return the heartbeat lag from which health is degraded (default 120)} */
  public abstract long degradedHeartbeatLagSeconds();

  /** {@return the heartbeat lag from which health is critical (default 300)} */
  public abstract long criticalHeartbeatLagSeconds();

  /** {@return the transport failure streak from which health is degraded (default 2)} */
  public abstract long degradedTransportFailureStreak();

  /** {@return the transport failure streak from which health is critical (default 4)} */
  public abstract long criticalTransportFailureStreak();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    nonNegative("degradedIngestLagSeconds", degradedIngestLagSeconds());
    nonNegative("criticalIngestLagSeconds", criticalIngestLagSeconds());
    nonNegative("degradedHeartbeatLagSeconds", degradedHeartbeatLagSeconds());
    nonNegative("criticalHeartbeatLagSeconds", criticalHeartbeatLagSeconds());
    nonNegative("degradedTransportFailureStreak", degradedTransportFailureStreak());
    nonNegative("criticalTransportFailureStreak", criticalTransportFailureStreak());
  }

  private static void nonNegative(String field, long value) {
    if (value < 0) {
      throw new VisibilityException(
          ErrorCode.INVALID_THRESHOLD, "thresholds." + field + " must be >= 0, got " + value);
    }
  }
}
