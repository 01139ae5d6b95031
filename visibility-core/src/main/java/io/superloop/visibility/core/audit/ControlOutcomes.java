package io.superloop.visibility.core.audit;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.audit.ConfirmationStatus;
import io.superloop.visibility.api.audit.ControlConfirmation;
import io.superloop.visibility.api.audit.ControlExecution;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.ControlOutcome;
import io.superloop.visibility.api.audit.ControlRow;
import io.superloop.visibility.api.audit.ExecutionStatus;
import io.superloop.visibility.api.audit.IntentRow;
import io.superloop.visibility.api.audit.OutcomeStatus;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.time.Timestamps;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Maps what happened to a control action to its audit rows: the local table of contract 4.3 and the
 * sprite_service rules of 4.4. Pure: the completion time is a parameter.
 */
public final class ControlOutcomes {
  private ControlOutcomes() {}

  /**
   * A local action (contract 4.3).
   *
   * @param ctx the action
   * @param command the shell-quoted command line
   * @param commandExitCode the command's exit status
   * @param output the command's combined stdout and stderr (the last 40 lines are kept)
   * @param confirm the confirmation run: empty when not run ({@code --no-confirm}, or the command
   *     failed)
   * @param completedAt the completion time
   * @return the invocation, intents and control rows of the action
   */
  public static ControlRecords local(
      ControlContext ctx,
      String command,
      int commandExitCode,
      String output,
      Optional<ConfirmRun> confirm,
      Instant completedAt) {
    return records(ctx, localOutcome(command, commandExitCode, output, confirm), completedAt);
  }

  /**
   * What a local action did (contract 4.3), before it is tied to an action: the table of 4.3 from
   * the command's and the confirmation's exit statuses.
   *
   * @param command the shell-quoted command line (or any description of the action)
   * @param commandExitCode the command's exit status (0 the command succeeded)
   * @param output the command's combined stdout and stderr (the last 40 lines are kept)
   * @param confirm the confirmation run: empty when not run ({@code --no-confirm}, or the command
   *     failed)
   * @return the outcome
   */
  public static Outcome localOutcome(
      String command, long commandExitCode, String output, Optional<ConfirmRun> confirm) {
    OutcomeStatus status;
    ExecutionStatus execution;
    ConfirmationStatus confirmation;
    boolean attempted;
    long confirmExit = 0;
    Optional<JsonValue> confirmResult = Optional.empty();
    if (commandExitCode != 0) {
      status = OutcomeStatus.FAILED_COMMAND;
      execution = ExecutionStatus.FAILED_COMMAND;
      confirmation = ConfirmationStatus.NOT_ATTEMPTED;
      attempted = false;
    } else if (confirm.isEmpty()) {
      status = OutcomeStatus.EXECUTED_UNCONFIRMED;
      execution = ExecutionStatus.SUCCEEDED;
      confirmation = ConfirmationStatus.SKIPPED;
      attempted = false;
    } else {
      confirmExit = confirm.get().exitCode();
      confirmResult = confirm.get().result();
      attempted = true;
      execution = ExecutionStatus.SUCCEEDED;
      if (confirmExit == 0) {
        status = OutcomeStatus.CONFIRMED;
        confirmation = ConfirmationStatus.CONFIRMED;
      } else {
        status = OutcomeStatus.AMBIGUOUS;
        confirmation = ConfirmationStatus.AMBIGUOUS;
      }
    }
    return new Outcome(
        command,
        commandExitCode,
        lastLines(output, 40),
        false,
        status,
        execution,
        confirmation,
        attempted,
        confirmExit,
        status.equals(OutcomeStatus.CONFIRMED),
        confirmResult);
  }

  /**
   * A sprite_service action whose request failed (non-2xx after retries, wrong token, connection
   * failure): {@code failed_command} with output {@code "{}"} (contract 4.4).
   *
   * @param ctx the action
   * @param command the command line recorded ({@code POST <base>/ops/control})
   * @param clientExitCode the client's exit status (1)
   * @param completedAt the completion time
   * @return the invocation, intents and control rows of the action
   */
  public static ControlRecords spriteFailure(
      ControlContext ctx, String command, int clientExitCode, Instant completedAt) {
    return records(ctx, spriteFailureOutcome(command, clientExitCode), completedAt);
  }

  /**
   * What a sprite_service action whose request failed did (contract 4.4), before it is tied to an
   * action.
   *
   * @param command the command line recorded ({@code POST <base>/ops/control})
   * @param clientExitCode the client's exit status (1)
   * @return the outcome
   */
  public static Outcome spriteFailureOutcome(String command, long clientExitCode) {
    return new Outcome(
        command,
        clientExitCode,
        "{}",
        false,
        OutcomeStatus.FAILED_COMMAND,
        ExecutionStatus.FAILED_COMMAND,
        ConfirmationStatus.NOT_ATTEMPTED,
        false,
        0,
        false,
        Optional.empty());
  }

  /**
   * A sprite_service action answered with 2xx (contract 4.4): {@code status = result.status} if
   * present, else {@code confirmed} if {@code ok}, else {@code ambiguous} if {@code exitCode == 2},
   * else {@code failed_command}; and the derived execution and confirmation statuses.
   *
   * @param ctx the action
   * @param command the command line recorded ({@code POST <base>/ops/control})
   * @param response the service's answer, a JSON object, as received
   * @param completedAt the completion time
   * @return the invocation, intents and control rows of the action
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when {@code response} is not a
   *     JSON object
   */
  public static ControlRecords spriteAnswer(
      ControlContext ctx, String command, JsonValue response, Instant completedAt) {
    return records(ctx, spriteAnswerOutcome(command, response), completedAt);
  }

  /**
   * What a sprite_service action answered with 2xx did (contract 4.4), before it is tied to an
   * action.
   *
   * @param command the command line recorded ({@code POST <base>/ops/control})
   * @param answer the service's answer, a JSON object, as received
   * @return the outcome
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when {@code answer} is not a
   *     JSON object
   */
  public static Outcome spriteAnswerOutcome(String command, JsonValue answer) {
    if (!answer.isObject()) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT,
          "a sprite_service answer is a JSON object, not " + answer.toJson());
    }
    Optional<JsonValue> result = answer.get("result").filter(JsonValue::isObject);
    long exitCode = longMember(answer, "exitCode").orElse(0);
    boolean ok = isTrue(answer, "ok");
    Optional<String> resultStatus =
        result.flatMap(r -> r.get("status")).flatMap(JsonValue::stringValue);
    OutcomeStatus status;
    if (resultStatus.isPresent()) {
      status = OutcomeStatus.of(resultStatus.get());
    } else if (ok) {
      status = OutcomeStatus.CONFIRMED;
    } else if (exitCode == 2) {
      status = OutcomeStatus.AMBIGUOUS;
    } else {
      status = OutcomeStatus.FAILED_COMMAND;
    }
    long confirmExit = result.map(r -> longMember(r, "confirmExitCode").orElse(0)).orElse(0L);
    boolean confirmed =
        result.map(r -> isTrue(r, "confirmed")).orElse(false)
            || status.equals(OutcomeStatus.CONFIRMED);
    Optional<JsonValue> confirmObject =
        result.flatMap(r -> r.get("confirm")).filter(v -> !v.isNull());
    boolean attempted = confirmObject.isPresent();
    ExecutionStatus execution =
        status.equals(OutcomeStatus.FAILED_COMMAND)
            ? ExecutionStatus.FAILED_COMMAND
            : ExecutionStatus.SUCCEEDED;
    ConfirmationStatus confirmation;
    if (status.equals(OutcomeStatus.CONFIRMED)) {
      confirmation = ConfirmationStatus.CONFIRMED;
    } else if (status.equals(OutcomeStatus.AMBIGUOUS)) {
      confirmation = ConfirmationStatus.AMBIGUOUS;
    } else if (status.equals(OutcomeStatus.EXECUTED_UNCONFIRMED)) {
      confirmation = ConfirmationStatus.SKIPPED;
    } else {
      confirmation =
          attempted ? ConfirmationStatus.ATTEMPTED_UNKNOWN : ConfirmationStatus.NOT_ATTEMPTED;
    }
    boolean replayed = isTrue(answer, "replayed");
    return new Outcome(
        command,
        exitCode,
        answer.toJson(),
        replayed,
        status,
        execution,
        confirmation,
        attempted,
        confirmExit,
        confirmed,
        confirmObject);
  }

  /** The member {@code name} of an object when it is a whole number in range. */
  private static OptionalLong longMember(JsonValue o, String name) {
    return o.get(name).map(JsonValue::wholeLongValue).orElse(OptionalLong.empty());
  }

  /** Whether the member {@code name} of an object is JSON {@code true}. */
  private static boolean isTrue(JsonValue o, String name) {
    return o.get(name).flatMap(JsonValue::booleanValue).orElse(false);
  }

  /**
   * The exit status of a control command with this outcome (contract 4.5).
   *
   * @param status the outcome
   * @return 0 for {@code confirmed} and {@code executed_unconfirmed}, 2 for {@code ambiguous}, 1
   *     otherwise (an unknown status included)
   */
  public static int exitCodeOf(OutcomeStatus status) {
    if (status.equals(OutcomeStatus.CONFIRMED)
        || status.equals(OutcomeStatus.EXECUTED_UNCONFIRMED)) {
      return 0;
    }
    return status.equals(OutcomeStatus.AMBIGUOUS) ? 2 : 1;
  }

  /**
   * The reason code an outcome carries.
   *
   * @param status the outcome
   * @return {@code control_ambiguous} for {@code ambiguous}, {@code control_failed_command} for
   *     {@code failed_command}, empty otherwise
   */
  public static Optional<ReasonCode> reasonCodeOf(OutcomeStatus status) {
    if (status.equals(OutcomeStatus.AMBIGUOUS)) {
      return Optional.of(ReasonCode.CONTROL_AMBIGUOUS);
    }
    if (status.equals(OutcomeStatus.FAILED_COMMAND)) {
      return Optional.of(ReasonCode.CONTROL_FAILED_COMMAND);
    }
    return Optional.empty();
  }

  static String lastLines(String output, int lines) {
    String trimmed = output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
    String[] all = trimmed.split("\n", -1);
    if (all.length <= lines) {
      return trimmed;
    }
    return String.join("\n", Arrays.copyOfRange(all, all.length - lines, all.length));
  }

  /**
   * The audit rows of one action with its outcome (contract 1.7-1.9, 4.5).
   *
   * @param ctx the action
   * @param o what it did
   * @param completedAt the completion time
   * @return the invocation, intents and control rows of the action
   */
  public static ControlRecords records(ControlContext ctx, Outcome o, Instant completedAt) {
    String timestamp = Timestamps.format(completedAt);
    String startedAt = Timestamps.format(ctx.startedAt());
    long duration = Math.max(0, completedAt.getEpochSecond() - ctx.startedAt().getEpochSecond());
    Optional<ReasonCode> reason = reasonCodeOf(o.status());
    Optional<String> out = o.output().isEmpty() ? Optional.empty() : Optional.of(o.output());
    ControlInvocation invocation =
        ControlInvocation.builder()
            .timestamp(timestamp)
            .startedAt(startedAt)
            .loopId(ctx.loopId())
            .intent(ctx.intent())
            .traceId(ctx.traceId())
            .transport(ctx.transport())
            .requestedBy(ctx.requestedBy())
            .note(ctx.note().filter(n -> !n.isEmpty()))
            .idempotencyKey(ctx.idempotencyKey())
            .request(ctx.request())
            .execution(
                ControlExecution.builder()
                    .status(o.execution())
                    .exitCode(o.exitCode())
                    .command(o.command())
                    .output(out)
                    .replayed(o.replayed())
                    .build())
            .confirmation(
                ControlConfirmation.builder()
                    .attempted(o.attempted())
                    .status(o.confirmation())
                    .exitCode(o.confirmExitCode())
                    .outcome(o.confirmResult())
                    .build())
            .outcome(
                ControlOutcome.builder()
                    .status(o.status())
                    .confirmed(o.confirmed())
                    .reasonCode(reason)
                    .durationSeconds(duration)
                    .build())
            .build();
    ControlRow row =
        ControlRow.builder()
            .timestamp(timestamp)
            .startedAt(startedAt)
            .loopId(ctx.loopId())
            .intent(ctx.intent())
            .traceId(ctx.traceId())
            .transport(ctx.transport())
            .status(o.status())
            .reasonCode(reason)
            .idempotencyKey(ctx.idempotencyKey())
            .requestedBy(ctx.requestedBy())
            .exitCode(o.exitCode())
            .confirmExitCode(o.confirmExitCode())
            .confirmed(o.confirmed())
            .durationSeconds(duration)
            .retryAttempts(ctx.request().retryAttempts())
            .retryBackoffSeconds(ctx.request().retryBackoffSeconds())
            .build();
    IntentRow intentRow =
        IntentRow.builder()
            .timestamp(timestamp)
            .loopId(ctx.loopId())
            .intent(ctx.intent())
            .traceId(ctx.traceId())
            .requestedBy(ctx.requestedBy())
            .note(ctx.note().filter(n -> !n.isEmpty()))
            .transport(ctx.transport())
            .status(o.status())
            .command(o.command())
            .idempotencyKey(ctx.idempotencyKey())
            .exitCode(o.exitCode())
            .confirmExitCode(o.confirmExitCode())
            .confirmed(o.confirmed())
            .commandOutput(out)
            .confirm(o.confirmResult())
            .build();
    return new ControlRecords(intentRow, row, invocation, exitCodeOf(o.status()));
  }

  /**
   * What a control action did, before it is tied to the action (its identity and times): the parts
   * of the audit rows that depend on the outcome.
   *
   * @param command the command line, or the description of the action
   * @param exitCode the command's exit status (local) or the service response's {@code exitCode}
   * @param output the output recorded (empty: none)
   * @param replayed whether the service replayed a stored answer
   * @param status the outcome status
   * @param execution the execution status
   * @param confirmation the confirmation status
   * @param attempted whether confirmation ran
   * @param confirmExitCode the confirmation's exit status
   * @param confirmed whether the effect was confirmed
   * @param confirmResult the confirm result object, if any
   */
  public record Outcome(
      String command,
      long exitCode,
      String output,
      boolean replayed,
      OutcomeStatus status,
      ExecutionStatus execution,
      ConfirmationStatus confirmation,
      boolean attempted,
      long confirmExitCode,
      boolean confirmed,
      Optional<JsonValue> confirmResult) {

    /**
     * This outcome with another recorded output.
     *
     * @param text the output; its last 40 lines are kept, empty records none
     * @return a copy with {@code output}
     */
    public Outcome withOutput(String text) {
      return new Outcome(
          command,
          exitCode,
          lastLines(text, 40),
          replayed,
          status,
          execution,
          confirmation,
          attempted,
          confirmExitCode,
          confirmed,
          confirmResult);
    }
  }

  /**
   * The confirmation run of a local action.
   *
   * @param exitCode the confirm script's exit status (0 confirmed)
   * @param result the confirm result object it printed, if any
   */
  public record ConfirmRun(long exitCode, Optional<JsonValue> result) {}
}
