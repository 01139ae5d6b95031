package io.superloop.visibility.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.audit.ConfirmationStatus;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.ExecutionStatus;
import io.superloop.visibility.api.audit.Intent;
import io.superloop.visibility.api.audit.OutcomeStatus;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.Json;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sprite_service outcome mapping of contract 4.4 ("client success (2xx)"), one answer shape per
 * row, each expected column taken from the contract's text; 4.5's exit codes; and the rows' {@code
 * note} (an empty note is not written, as the reference's null filter drops it).
 */
class ControlOutcomesTest {
  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  private static ControlContext ctx(Optional<String> note) {
    return ControlContext.builder()
        .loopId("demo-loop")
        .intent(Intent.CANCEL)
        .traceId(TraceId.of("trace-c"))
        .transport(Transport.SPRITE_SERVICE)
        .requestedBy("ops-user")
        .note(note)
        .idempotencyKey("cancel-1")
        .startedAt(START)
        .build();
  }

  /**
   * Columns: the answer; then outcome status, execution status, confirmation status, attempted,
   * confirmed, confirmExitCode, exitCode, replayed, reason code, exit. 4.4: "status = result.status
   * if present; else confirmed if ok==true; else ambiguous if exitCode==2; else failed_command";
   * "confirmExitCode = result.confirmExitCode // 0"; "confirmed = result.confirmed==true or status
   * confirmed"; "confirmation.attempted = result.confirm != null"; "confirmation.status:
   * confirmed->confirmed, ambiguous->ambiguous, executed_unconfirmed->skipped, otherwise
   * attempted_unknown if attempted else not_attempted".
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"ok\":true,\"exitCode\":0}"
            + "| confirmed | succeeded | confirmed | false | true | 0 | 0 | false | | 0",
        "{\"ok\":false,\"exitCode\":2}"
            + "| ambiguous | succeeded | ambiguous | false | false | 0 | 2 | false | control_ambiguous | 2",
        "{\"ok\":false,\"exitCode\":1}"
            + "| failed_command | failed_command | not_attempted | false | false | 0 | 1 | false | control_failed_command | 1",
        "{\"ok\":false,\"exitCode\":3,\"result\":{\"confirm\":{\"x\":1}}}"
            + "| failed_command | failed_command | attempted_unknown | true | false | 0 | 3 | false | control_failed_command | 1",
        "{\"ok\":true,\"exitCode\":0,\"result\":{\"status\":\"executed_unconfirmed\",\"confirm\":null}}"
            + "| executed_unconfirmed | succeeded | skipped | false | false | 0 | 0 | false | | 0",
        "{\"ok\":true,\"exitCode\":0,\"replayed\":true,\"result\":{\"status\":\"ambiguous\",\"confirmExitCode\":4,\"confirm\":{}}}"
            + "| ambiguous | succeeded | ambiguous | true | false | 4 | 0 | true | control_ambiguous | 2",
        "{\"ok\":false,\"exitCode\":0,\"replayed\":false,\"result\":{\"status\":\"confirmed\",\"confirmed\":false}}"
            + "| confirmed | succeeded | confirmed | false | true | 0 | 0 | false | | 0",
        "{\"ok\":false,\"exitCode\":1,\"result\":{\"status\":\"failed_command\",\"confirmed\":true}}"
            + "| failed_command | failed_command | not_attempted | false | true | 0 | 1 | false | control_failed_command | 1",
        "{\"ok\":\"yes\",\"exitCode\":\"2\",\"replayed\":\"true\",\"result\":{\"confirmed\":\"true\"}}"
            + "| failed_command | failed_command | not_attempted | false | false | 0 | 0 | false | control_failed_command | 1",
        "{\"ok\":true,\"exitCode\":0,\"result\":{\"status\":\"paused\"}}"
            + "| paused | succeeded | not_attempted | false | false | 0 | 0 | false | | 1",
      })
  void spriteAnswersMapAsContract44Says(
      String answer,
      String status,
      String execution,
      String confirmation,
      boolean attempted,
      boolean confirmed,
      long confirmExitCode,
      long exitCode,
      boolean replayed,
      String reasonCode,
      int exit) {
    JsonObject response = (JsonObject) Json.parse(answer);
    ControlRecords r =
        ControlOutcomes.spriteAnswer(
            ctx(Optional.empty()), "POST /ops/control", response, START.plusSeconds(3));
    ControlInvocation i = r.invocation();
    assertEquals(OutcomeStatus.of(status), i.outcome().status(), answer);
    assertEquals(ExecutionStatus.of(execution), i.execution().status(), answer);
    assertEquals(confirmation, i.confirmation().status().wire(), answer);
    assertEquals(attempted, i.confirmation().attempted(), answer);
    assertEquals(confirmed, i.outcome().confirmed(), answer);
    assertEquals(confirmExitCode, i.confirmation().exitCode(), answer);
    assertEquals(exitCode, i.execution().exitCode(), answer);
    assertEquals(replayed, i.execution().replayed(), answer);
    Optional<ReasonCode> reason =
        reasonCode == null ? Optional.empty() : Optional.of(ReasonCode.of(reasonCode));
    assertEquals(reason, i.outcome().reasonCode(), answer);
    assertEquals(reason, r.controlRow().reasonCode(), answer);
    assertEquals(OutcomeStatus.of(status), r.intentRow().status(), answer);
    assertEquals(confirmed, r.controlRow().confirmed(), answer);
    assertEquals(confirmExitCode, r.controlRow().confirmExitCode(), answer);
    assertEquals(exit, r.exitCode(), answer);
    // the answer is the command's output (4.4: the client prints the service's JSON)
    assertEquals(Optional.of(response.toJson()), i.execution().output(), answer);
    assertEquals(3, i.outcome().durationSeconds());
  }

  @Test
  void anEmptyNoteIsNotWrittenAndAGivenOneIs() {
    JsonObject ok = (JsonObject) Json.parse("{\"ok\":true,\"exitCode\":0}");
    ControlRecords empty = ControlOutcomes.spriteAnswer(ctx(Optional.of("")), "POST", ok, START);
    assertEquals(Optional.empty(), empty.invocation().note());
    assertEquals(Optional.empty(), empty.intentRow().note());
    ControlRecords given =
        ControlOutcomes.spriteAnswer(ctx(Optional.of("window")), "POST", ok, START);
    assertEquals(Optional.of("window"), given.invocation().note());
    assertEquals(Optional.of("window"), given.intentRow().note());
  }

  /** Contract 4.4, client failure: failed_command, output "{}", replayed false, exit 1. */
  @Test
  void aClientFailureIsAFailedCommand() {
    ControlRecords r =
        ControlOutcomes.spriteFailure(ctx(Optional.empty()), "POST", 1, START.plusSeconds(1));
    assertEquals(OutcomeStatus.FAILED_COMMAND, r.invocation().outcome().status());
    assertEquals(ConfirmationStatus.NOT_ATTEMPTED, r.invocation().confirmation().status());
    assertEquals(Optional.of("{}"), r.invocation().execution().output());
    assertEquals(1, r.exitCode());
  }

  /** Contract 4.5: 0 for confirmed and executed_unconfirmed, 2 for ambiguous, 1 otherwise. */
  @Test
  void exitCodesAndReasonCodesOfEveryOutcome() {
    assertEquals(0, ControlOutcomes.exitCodeOf(OutcomeStatus.CONFIRMED));
    assertEquals(0, ControlOutcomes.exitCodeOf(OutcomeStatus.EXECUTED_UNCONFIRMED));
    assertEquals(2, ControlOutcomes.exitCodeOf(OutcomeStatus.AMBIGUOUS));
    assertEquals(1, ControlOutcomes.exitCodeOf(OutcomeStatus.FAILED_COMMAND));
    assertEquals(
        Optional.of(ReasonCode.CONTROL_AMBIGUOUS),
        ControlOutcomes.reasonCodeOf(OutcomeStatus.AMBIGUOUS));
    assertEquals(
        Optional.of(ReasonCode.CONTROL_FAILED_COMMAND),
        ControlOutcomes.reasonCodeOf(OutcomeStatus.FAILED_COMMAND));
    assertEquals(Optional.empty(), ControlOutcomes.reasonCodeOf(OutcomeStatus.CONFIRMED));
    assertEquals(
        Optional.empty(), ControlOutcomes.reasonCodeOf(OutcomeStatus.EXECUTED_UNCONFIRMED));
  }

  @Test
  void lastLinesKeepsTheTailOfAnOutput() {
    assertEquals("c\nd", ControlOutcomes.lastLines("a\nb\nc\nd\n", 2));
    assertEquals("a\nb", ControlOutcomes.lastLines("a\nb\n", 2));
    assertEquals("a\nb", ControlOutcomes.lastLines("a\nb", 3));
    assertEquals("b\nc", ControlOutcomes.lastLines("a\nb\nc", 2));
  }
}
