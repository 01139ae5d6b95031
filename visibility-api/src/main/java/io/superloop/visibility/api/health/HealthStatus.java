package io.superloop.visibility.api.health;

import io.superloop.visibility.api.internal.Values;

/** The overall health of a loop (contract 1.10, 2.6): the highest severity of its reasons. */
public enum HealthStatus {
  /** No reason. */
  HEALTHY("healthy"),
  /** At least one reason, none critical. */
  DEGRADED("degraded"),
  /** At least one critical reason. */
  CRITICAL("critical");

  private final String wire;

  HealthStatus(String wire) {
    this.wire = wire;
  }

  /** {@return the exact string written to and read from v1 artifacts} */
  public String wire() {
    return wire;
  }

  /**
   * The constant of a wire string.
   *
   * @param wire the exact wire string
   * @return the constant
   * @throws io.superloop.visibility.api.VisibilityException {@code invalid_field_value} for any
   *     other string
   */
  public static HealthStatus fromWire(String wire) {
    return Values.lookup(HealthStatus.class, HealthStatus::wire, wire);
  }
}
