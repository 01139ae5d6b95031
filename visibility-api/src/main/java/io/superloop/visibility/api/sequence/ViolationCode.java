package io.superloop.visibility.api.sequence;

import io.superloop.visibility.api.internal.Values;

/**
 * The five sequence violation codes (contract 3.4). They are declared in the byte order of their
 * wire strings, so {@link #compareTo} (declaration order) is the canonical order of a {@code
 * violations} array.
 */
public enum ViolationCode {
  /** An event envelope of the batch has no valid sequence value. */
  EVENT_SEQUENCE_MISSING("event_sequence_missing"),
  /** A valid event value is below the preceding valid value of the same batch. */
  EVENT_SEQUENCE_NON_MONOTONIC("event_sequence_non_monotonic"),
  /** The batch's first valid value is below the previous batch's last value. */
  EVENT_SEQUENCE_REGRESSION("event_sequence_regression"),
  /** The snapshot has no valid sequence value. */
  SNAPSHOT_SEQUENCE_MISSING("snapshot_sequence_missing"),
  /** The snapshot's value is below the previous snapshot's value. */
  SNAPSHOT_SEQUENCE_REGRESSION("snapshot_sequence_regression");

  private final String wire;

  ViolationCode(String wire) {
    this.wire = wire;
  }

  /** {@return the exact string written to and read from v1 artifacts} */
  public String wire() {
    return wire;
  }

  /**
   * The code of a wire string.
   *
   * @param wire the exact wire string
   * @return the code
   * @throws io.superloop.visibility.api.VisibilityException {@code invalid_field_value} for any
   *     other string
   */
  public static ViolationCode fromWire(String wire) {
    return Values.lookup(ViolationCode.class, ViolationCode::wire, wire);
  }
}
