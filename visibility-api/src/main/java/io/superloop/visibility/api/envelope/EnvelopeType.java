package io.superloop.visibility.api.envelope;

/** The two envelope types of the runtime adapters (contract 1.1). */
public enum EnvelopeType {
  /** A point-in-time snapshot of a loop run ({@link SnapshotEnvelope}). */
  LOOP_RUN_SNAPSHOT("loop_run_snapshot"),
  /** One line of the runtime events log ({@link EventEnvelope}). */
  LOOP_RUN_EVENT("loop_run_event");

  private final String wire;

  EnvelopeType(String wire) {
    this.wire = wire;
  }

  /** {@return the exact string written to and read from v1 artifacts} */
  public String wire() {
    return wire;
  }
}
