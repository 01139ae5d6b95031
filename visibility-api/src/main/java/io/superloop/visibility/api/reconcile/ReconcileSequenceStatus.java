package io.superloop.visibility.api.reconcile;

/**
 * {@code sequenceStatus} of the reconcile row (contract 1.12). The internal initial value {@code
 * not_evaluated} is never persisted.
 */
public enum ReconcileSequenceStatus {
  /** Sequence diagnostics found no violation. */
  OK("ok"),
  /** Sequence diagnostics found a violation. */
  ORDERING_DRIFT_DETECTED("ordering_drift_detected"),
  /** Sequence diagnostics did not run because the ingest failed. */
  SKIPPED_INGEST_FAILED("skipped_ingest_failed");

  private final String wire;

  ReconcileSequenceStatus(String wire) {
    this.wire = wire;
  }

  /** {@return the exact string written to and read from v1 artifacts} */
  public String wire() {
    return wire;
  }
}
