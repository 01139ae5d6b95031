package io.superloop.visibility.api.reconcile;

import io.superloop.visibility.api.WireValue;

/**
 * A health status as carried by reconcile rows and health escalations ({@code healthStatus};
 * contract 1.12, 1.14). The same three values as {@code health.json}'s {@code status}.
 */
public enum HealthLevel implements WireValue {
  /** No reason. */
  HEALTHY("healthy"),
  /** At least one degraded reason, no critical one. */
  DEGRADED("degraded"),
  /** At least one critical reason. */
  CRITICAL("critical");

  private final String wire;

  HealthLevel(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
