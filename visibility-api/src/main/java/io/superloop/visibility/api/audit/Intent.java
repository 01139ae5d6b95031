package io.superloop.visibility.api.audit;

/** A control intent (contract 4.1). */
public enum Intent {
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

  /** {@return the exact string written to and read from v1 artifacts} */
  public String wire() {
    return wire;
  }
}
