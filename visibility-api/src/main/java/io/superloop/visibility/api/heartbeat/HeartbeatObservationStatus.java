package io.superloop.visibility.api.heartbeat;

import io.superloop.visibility.api.internal.Values;

/**
 * The {@code status} of a {@code telemetry/heartbeat.jsonl} row (contract 1.4, 2.4): the freshness
 * of a parsed heartbeat, or {@code failed} when its timestamp or payload is unusable.
 */
public enum HeartbeatObservationStatus {
  /** Parsed; lag below the degraded threshold. */
  FRESH("fresh"),
  /** Parsed; lag at or above the degraded threshold, below the critical one. */
  DEGRADED("degraded"),
  /** Parsed; lag at or above the critical threshold. */
  CRITICAL("critical"),
  /** The heartbeat's timestamp is missing or invalid, or the payload is not a JSON object (H18). */
  FAILED("failed");

  private final String wire;

  HeartbeatObservationStatus(String wire) {
    this.wire = wire;
  }

  /** {@return the exact string written to and read from v1 artifacts} */
  public String wire() {
    return wire;
  }

  /**
   * The row status of a freshness verdict.
   *
   * @param freshness the verdict
   * @return the status of the same name ({@link #FAILED} is never the status of a verdict)
   */
  public static HeartbeatObservationStatus of(FreshnessStatus freshness) {
    return switch (freshness) {
      case FRESH -> FRESH;
      case DEGRADED -> DEGRADED;
      case CRITICAL -> CRITICAL;
    };
  }

  /**
   * The status of a wire string.
   *
   * @param wire the exact wire string
   * @return the status
   * @throws io.superloop.visibility.api.VisibilityException {@code invalid_field_value} for any
   *     other string
   */
  public static HeartbeatObservationStatus fromWire(String wire) {
    return Values.lookup(HeartbeatObservationStatus.class, HeartbeatObservationStatus::wire, wire);
  }
}
