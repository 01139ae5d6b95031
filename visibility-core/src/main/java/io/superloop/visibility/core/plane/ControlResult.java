package io.superloop.visibility.core.plane;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.audit.OutcomeStatus;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.audit.ControlOutcomes;
import java.util.Objects;
import java.util.Optional;

/**
 * What a control action did, to complete its {@link InFlightControl} with. Any kind of action has
 * one of four outcomes (contract 4.3): {@link #confirmed confirmed} (it ran and its effect was
 * seen), {@link #executedUnconfirmed executed unconfirmed} (it ran, its effect was not checked),
 * {@link #ambiguous ambiguous} (it ran, but the check did not see its effect) and {@link #failed
 * failed} (it did not run to its end). The rows record them as the reference records a shell
 * command with the same outcome: exit status 0 (1 when failed), a confirmation exit status 0 (1
 * when ambiguous).
 *
 * <p>A shell command maps itself with {@link #ofCommand(String, int, String)} and {@link
 * #ofCommand(String, int, String, long, Optional)} (the table of contract 4.3 from the exit
 * statuses), a sprite_service call with {@link #ofServiceAnswer} and {@link #ofServiceFailure}
 * (contract 4.4). Immutable.
 */
public final class ControlResult {
  private final ControlOutcomes.Outcome outcome;

  private ControlResult(ControlOutcomes.Outcome outcome) {
    this.outcome = outcome;
  }

  /**
   * The action ran and its effect was seen ({@code confirmed}).
   *
   * @param action what was done, recorded as the command (for example {@code "pool.drain(7)"})
   * @return the result
   */
  public static ControlResult confirmed(String action) {
    return ofCommand(action, 0, "", 0, Optional.empty());
  }

  /**
   * The action ran and its effect was not checked ({@code executed_unconfirmed}, as with {@code
   * --no-confirm}).
   *
   * @param action what was done, recorded as the command
   * @return the result
   */
  public static ControlResult executedUnconfirmed(String action) {
    return ofCommand(action, 0, "");
  }

  /**
   * The action ran but the check did not see its effect ({@code ambiguous}).
   *
   * @param action what was done, recorded as the command
   * @return the result
   */
  public static ControlResult ambiguous(String action) {
    return ofCommand(action, 0, "", 1, Optional.empty());
  }

  /**
   * The action failed ({@code failed_command}).
   *
   * @param action what was tried, recorded as the command
   * @return the result
   */
  public static ControlResult failed(String action) {
    return ofCommand(action, 1, "");
  }

  /**
   * A shell command run without confirmation (contract 4.3): {@code executed_unconfirmed} when it
   * exited 0, else {@code failed_command}.
   *
   * @param command the shell-quoted command line
   * @param exitCode its exit status
   * @param output its combined stdout and stderr (the last 40 lines are kept)
   * @return the result
   */
  public static ControlResult ofCommand(String command, int exitCode, String output) {
    return new ControlResult(
        ControlOutcomes.localOutcome(command, exitCode, output, Optional.empty()));
  }

  /**
   * A shell command and its confirmation run (contract 4.3): {@code failed_command} when the
   * command failed, else {@code confirmed} when the confirmation exited 0, else {@code ambiguous}.
   *
   * @param command the shell-quoted command line
   * @param exitCode its exit status
   * @param output its combined stdout and stderr (the last 40 lines are kept)
   * @param confirmExitCode the confirmation's exit status (0 confirmed)
   * @param confirmResult the confirm result object it printed, if any
   * @return the result
   */
  public static ControlResult ofCommand(
      String command,
      int exitCode,
      String output,
      long confirmExitCode,
      Optional<JsonValue> confirmResult) {
    return new ControlResult(
        ControlOutcomes.localOutcome(
            command,
            exitCode,
            output,
            Optional.of(new ControlOutcomes.ConfirmRun(confirmExitCode, confirmResult))));
  }

  /**
   * A sprite_service call answered with 2xx (contract 4.4).
   *
   * @param command the command line recorded ({@code POST <base>/ops/control})
   * @param response the service's answer, a JSON object, as received
   * @return the result
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when {@code response} is not a
   *     JSON object
   */
  public static ControlResult ofServiceAnswer(String command, JsonValue response) {
    return new ControlResult(ControlOutcomes.spriteAnswerOutcome(command, response));
  }

  /**
   * A sprite_service call that failed (non-2xx after retries, wrong token, no connection; contract
   * 4.4): {@code failed_command} with output {@code {}}.
   *
   * @param command the command line recorded ({@code POST <base>/ops/control})
   * @param clientExitCode the client's exit status (1)
   * @return the result
   */
  public static ControlResult ofServiceFailure(String command, int clientExitCode) {
    return new ControlResult(ControlOutcomes.spriteFailureOutcome(command, clientExitCode));
  }

  /**
   * This result with output recorded ({@code execution.output}, the intent row's {@code
   * commandOutput}).
   *
   * @param output what the action printed or reported; the last 40 lines are kept, empty records
   *     none
   * @return a copy
   */
  public ControlResult withOutput(String output) {
    return new ControlResult(outcome.withOutput(Objects.requireNonNull(output, "output")));
  }

  /** {@return the outcome status the rows record} */
  public OutcomeStatus status() {
    return outcome.status();
  }

  /**
   * {@return the exit status of a control command with this outcome: 0 confirmed or executed
   * unconfirmed, 2 ambiguous, 1 otherwise (contract 4.5)}
   */
  public int exitCode() {
    return ControlOutcomes.exitCodeOf(outcome.status());
  }

  ControlOutcomes.Outcome outcome() {
    return outcome;
  }

  @Override
  public String toString() {
    return "ControlResult[" + outcome.status().wire() + ", " + outcome.command() + "]";
  }
}
