package io.superloop.visibility.api.heartbeat;

/** How fresh the last runtime heartbeat is (contract 2.2 step 7). */
public enum FreshnessStatus {
  /** Lag below the degraded threshold. */
  FRESH("fresh"),
  /** Lag at or above the degraded threshold, below the critical one. */
  DEGRADED("degraded"),
  /** Lag at or above the critical threshold. */
  CRITICAL("critical");

  private final String wire;

  FreshnessStatus(String wire) {
    this.wire = wire;
  }

  /** {@return the exact string written to and read from v1 artifacts} */
  public String wire() {
    return wire;
  }
}
