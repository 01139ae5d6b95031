package io.superloop.visibility.api.audit;

import io.superloop.visibility.api.WireValue;

/** A control intent (contract 4.1). */
public enum Intent implements WireValue {
  /** Cancel the loop's run. */
  CANCEL("cancel"),
  /** Approve the pending approval. */
  APPROVE("approve"),
  /** Reject the pending approval. */
  REJECT("reject");

  private final String wire;

  Intent(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
