package io.superloop.visibility.api.sequence;

import io.superloop.visibility.api.internal.Values;

/** The sequence verdict of one reconcile step (contract 3.5). */
public enum SequenceStatus {
  /** No violation. */
  OK("ok"),
  /** At least one violation; also the reason code of the verdict. */
  ORDERING_DRIFT_DETECTED("ordering_drift_detected");

  private final String wire;

  SequenceStatus(String wire) {
    this.wire = wire;
  }

  /** {@return the exact string written to and read from v1 artifacts} */
  public String wire() {
    return wire;
  }

  /**
   * The status of a wire string.
   *
   * @param wire the exact wire string
   * @return the status
   * @throws io.superloop.visibility.api.VisibilityException {@code invalid_field_value} for any
   *     other string
   */
  public static SequenceStatus fromWire(String wire) {
    return Values.lookup(SequenceStatus.class, SequenceStatus::wire, wire);
  }
}
