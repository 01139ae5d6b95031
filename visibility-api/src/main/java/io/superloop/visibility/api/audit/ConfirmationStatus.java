package io.superloop.visibility.api.audit;

/** {@code confirmation.status} of an invocation row, decided by the manager (contract 4.3, 4.4). */
public enum ConfirmationStatus {
  /** Confirmation polling observed the intended effect. */
  CONFIRMED("confirmed"),
  /** Confirmation ran and did not observe the effect before its timeout. */
  AMBIGUOUS("ambiguous"),
  /**
   * Confirmation was not requested ({@code --no-confirm}; sprite: {@code executed_unconfirmed}).
   */
  SKIPPED("skipped"),
  /** Confirmation was not run (the command failed, or the service answered without one). */
  NOT_ATTEMPTED("not_attempted"),
  /** sprite_service only: the service ran a confirmation whose status the manager cannot map. */
  ATTEMPTED_UNKNOWN("attempted_unknown");

  private final String wire;

  ConfirmationStatus(String wire) {
    this.wire = wire;
  }

  /** {@return the exact string written to and read from v1 artifacts} */
  public String wire() {
    return wire;
  }
}
