package io.superloop.visibility.api.heartbeat;

import io.superloop.visibility.api.WireValue;

/** How fresh the last runtime heartbeat is (contract 2.2 step 7). */
public enum FreshnessStatus implements WireValue {
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

  @Override
  public String wire() {
    return wire;
  }
}
