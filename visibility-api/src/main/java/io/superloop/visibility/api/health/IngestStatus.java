package io.superloop.visibility.api.health;

import io.superloop.visibility.api.internal.Values;

/** Whether the reconcile ingest (or the last transport attempt) succeeded (contract 1.10, 1.13). */
public enum IngestStatus {
  /** It succeeded. */
  SUCCESS("success"),
  /** It failed. */
  FAILED("failed");

  private final String wire;

  IngestStatus(String wire) {
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
  public static IngestStatus fromWire(String wire) {
    return Values.lookup(IngestStatus.class, IngestStatus::wire, wire);
  }
}
