package io.superloop.visibility.testkit.scenario.internal;

/**
 * The logical outcome of a control action, independent of the transport that carried it, with the
 * statuses contract 4.3 and 4.4 give it (the 7.2 projection both transports must agree on).
 */
public enum LogicalOutcome {
  /** The command succeeded and the confirmation observed its effect. */
  CONFIRMED("confirmed", "succeeded", "confirmed"),
  /** The command succeeded and no confirmation ran ({@code --no-confirm}). */
  EXECUTED_UNCONFIRMED("executed_unconfirmed", "succeeded", "skipped"),
  /** The command succeeded and the confirmation timed out. */
  AMBIGUOUS("ambiguous", "succeeded", "ambiguous"),
  /** The command failed. */
  FAILED_COMMAND("failed_command", "failed_command", "not_attempted");

  private final String outcome;
  private final String execution;
  private final String confirmation;

  LogicalOutcome(String outcome, String execution, String confirmation) {
    this.outcome = outcome;
    this.execution = execution;
    this.confirmation = confirmation;
  }

  /** {@return the expected {@code confirmation.status} wire value (contract 4.3 table)} */
  public String confirmationWire() {
    return confirmation;
  }

  /** {@return the expected {@code outcome.status} wire value} */
  public String outcomeWire() {
    return outcome;
  }

  /** {@return the expected {@code execution.status} wire value} */
  public String executionWire() {
    return execution;
  }

  /**
   * {@return the control command's exit status (contract 4.5): 0, 2 for ambiguous, 1 for failure}
   */
  public int controlExitCode() {
    return this == AMBIGUOUS ? 2 : this == FAILED_COMMAND ? 1 : 0;
  }
}
