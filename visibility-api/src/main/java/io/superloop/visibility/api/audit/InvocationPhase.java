package io.superloop.visibility.api.audit;

/**
 * {@code phase} of a row of the additive {@code telemetry/control-invocations.inflight.jsonl}
 * (hardening H5).
 *
 * <p>{@link #STARTED} is appended before the control command runs. The authoritative completion is
 * the v1 row of {@code telemetry/control-invocations.jsonl} with the same idempotency key. {@link
 * #COMPLETED} is an optional marker a writer may append to the in-flight file after the v1 rows, so
 * that the in-flight file alone can tell finished invocations from unfinished ones (for example
 * after the v1 log was rotated); a reader treats either a completed row or a v1 invocation row with
 * the same key as the end of a started invocation.
 */
public enum InvocationPhase {
  /** The invocation is about to execute its command. */
  STARTED("started"),
  /** The invocation's v1 rows have been written. */
  COMPLETED("completed");

  private final String wire;

  InvocationPhase(String wire) {
    this.wire = wire;
  }

  /** {@return the exact string written to and read from v1 artifacts} */
  public String wire() {
    return wire;
  }
}
