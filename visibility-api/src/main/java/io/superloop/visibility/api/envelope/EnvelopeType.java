package io.superloop.visibility.api.envelope;

import io.superloop.visibility.api.WireValue;

/** The two envelope types of the runtime adapters (contract 1.1). */
public enum EnvelopeType implements WireValue {
  /** A point-in-time snapshot of a loop run ({@link SnapshotEnvelope}). */
  LOOP_RUN_SNAPSHOT("loop_run_snapshot"),
  /** One line of the runtime events log ({@link EventEnvelope}). */
  LOOP_RUN_EVENT("loop_run_event");

  private final String wire;

  EnvelopeType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
