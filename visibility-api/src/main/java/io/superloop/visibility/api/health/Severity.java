package io.superloop.visibility.api.health;

import io.superloop.visibility.api.internal.Values;

/** The severity of one health reason (contract 1.10). */
public enum Severity {
  /** Degrades health. */
  DEGRADED("degraded"),
  /** Makes health critical. */
  CRITICAL("critical");

  private final String wire;

  Severity(String wire) {
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
  public static Severity fromWire(String wire) {
    return Values.lookup(Severity.class, Severity::wire, wire);
  }
}
