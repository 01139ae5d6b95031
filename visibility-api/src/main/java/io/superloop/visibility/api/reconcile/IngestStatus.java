package io.superloop.visibility.api.reconcile;

import io.superloop.visibility.api.WireValue;

/**
 * Whether a reconcile's ingest succeeded ({@code status} of the reconcile row, {@code
 * ingestStatus} of health escalations; contract 1.12, 1.14).
 */
public enum IngestStatus implements WireValue {
  /** Snapshot and events were ingested. */
  SUCCESS("success"),
  /** The ingest failed (see the failure code). */
  FAILED("failed");

  private final String wire;

  IngestStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
