package io.superloop.visibility.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.audit.internal.ImmutableIntentRow;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.testing.ExampleRows;
import io.superloop.visibility.api.testing.ExampleRows.Example;
import io.superloop.visibility.api.testing.RepoFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class AuditCodecsTest {

  static final List<Example> INVOCATIONS =
      ExampleRows.load(AuditCodecsTest.class, "invocations.jsonl");
  static final List<Example> CONTROL_ROWS =
      ExampleRows.load(AuditCodecsTest.class, "control-rows.jsonl");
  static final List<Example> INTENT_ROWS =
      ExampleRows.load(AuditCodecsTest.class, "intent-rows.jsonl");
  static final List<Example> IN_FLIGHT_ROWS =
      ExampleRows.load(AuditCodecsTest.class, "inflight-rows.jsonl");

  // ---------------------------------------------------------------- reference fixture

  @Test
  void referenceIntentsFixtureReencodesLineByLineAsJqCompact() {
    Path f = RepoFiles.root().resolve("fixtures/reference/observability/intents-ambiguous.jsonl");
    List<String> lines =
        RepoFiles.read(f).lines().filter(l -> !l.isEmpty()).collect(Collectors.toList());
    List<String> expected = List.of(RepoFiles.jqCompact(f).split("\n"));
    assertFalse(lines.isEmpty());
    assertEquals(expected.size(), lines.size());
    for (int i = 0; i < lines.size(); i++) {
      IntentRow row = Codecs.INTENT_ROW.decode(lines.get(i));
      assertEquals(expected.get(i), Codecs.INTENT_ROW.encode(row));
    }
    IntentRow last = Codecs.INTENT_ROW.decode(lines.get(lines.size() - 1));
    assertSame(OutcomeStatus.AMBIGUOUS, last.status());
    assertEquals(Intent.APPROVE, last.intent());
    assertEquals(Optional.of("ops-user"), last.requestedBy());
    assertTrue(last.idempotencyKey().isEmpty());
  }

  // ---------------------------------------------------------------- spec-derived examples

  @Test
  void examplesAreInJqCompactForm() {
    for (List<Example> set : List.of(INVOCATIONS, CONTROL_ROWS, INTENT_ROWS, IN_FLIGHT_ROWS)) {
      List<String> texts = set.stream().map(Example::json).collect(Collectors.toList());
      assertEquals(texts, ExampleRows.jqCompactEach(texts));
    }
  }

  @TestFactory
  Stream<DynamicTest> examplesRoundTripByteExact() {
    return Stream.of(
            ExampleRows.roundTrips("invocation", INVOCATIONS, Codecs.CONTROL_INVOCATION),
            ExampleRows.roundTrips("control row", CONTROL_ROWS, Codecs.CONTROL_ROW),
            ExampleRows.roundTrips("intent row", INTENT_ROWS, Codecs.INTENT_ROW),
            ExampleRows.roundTrips("in-flight row", IN_FLIGHT_ROWS, Codecs.IN_FLIGHT_ROW))
        .flatMap(s -> s);
  }

  @Test
  void intentExamplesAreInContractOrderWithoutTheReadKeyOrder() {
    for (Example e : INTENT_ROWS) {
      IntentRow row = Codecs.INTENT_ROW.decode(e.json());
      assertFalse(row.keyOrder().isEmpty());
      IntentRow built = ImmutableIntentRow.copyOf(row).withKeyOrder(List.of());
      assertEquals(e.json(), Codecs.INTENT_ROW.encode(built), e.name());
      assertEquals(row, built);
    }
  }

  @Test
  void builtLocalFailedCommandRowsEqualTheContractExamples() {
    TraceId trace = TraceId.of("trace-ctl-0001");
    ControlInvocation inv =
        ControlInvocation.builder()
            .timestamp("2026-03-01T12:00:05Z")
            .startedAt("2026-03-01T12:00:00Z")
            .loopId("demo-loop")
            .intent(Intent.CANCEL)
            .traceId(trace)
            .transport(Transport.LOCAL)
            .requestedBy("ops-user")
            .note("")
            .idempotencyKey("cancel-1795518143-623")
            .request(ControlRequest.DEFAULT)
            .execution(
                ControlExecution.builder()
                    .status(ExecutionStatus.FAILED_COMMAND)
                    .exitCode(1)
                    .command("/repo/superloop.sh cancel --repo /repo")
                    .output("error: no active run")
                    .replayed(false)
                    .build())
            .confirmation(
                ControlConfirmation.builder()
                    .attempted(false)
                    .status(ConfirmationStatus.NOT_ATTEMPTED)
                    .exitCode(0)
                    .build())
            .outcome(
                ControlOutcome.builder()
                    .status(OutcomeStatus.FAILED_COMMAND)
                    .confirmed(false)
                    .reasonCode(ReasonCode.CONTROL_FAILED_COMMAND)
                    .durationSeconds(5)
                    .build())
            .build();
    assertEquals(INVOCATIONS.get(0).json(), Codecs.CONTROL_INVOCATION.encode(inv));

    ControlRow row =
        ControlRow.builder()
            .timestamp("2026-03-01T12:00:05Z")
            .startedAt("2026-03-01T12:00:00Z")
            .loopId("demo-loop")
            .intent(Intent.CANCEL)
            .traceId(trace)
            .transport(Transport.LOCAL)
            .status(OutcomeStatus.FAILED_COMMAND)
            .reasonCode(ReasonCode.CONTROL_FAILED_COMMAND)
            .idempotencyKey("cancel-1795518143-623")
            .requestedBy("ops-user")
            .exitCode(1)
            .confirmExitCode(0)
            .confirmed(false)
            .durationSeconds(5)
            .retryAttempts(3)
            .retryBackoffSeconds(1)
            .build();
    assertEquals(CONTROL_ROWS.get(0).json(), Codecs.CONTROL_ROW.encode(row));

    IntentRow intent =
        IntentRow.builder()
            .timestamp("2026-03-01T12:00:05Z")
            .loopId("demo-loop")
            .intent(Intent.CANCEL)
            .traceId(trace)
            .requestedBy("ops-user")
            .note("")
            .transport(Transport.LOCAL)
            .status(OutcomeStatus.FAILED_COMMAND)
            .command("/repo/superloop.sh cancel --repo /repo")
            .idempotencyKey("cancel-1795518143-623")
            .exitCode(1)
            .confirmExitCode(0)
            .confirmed(false)
            .commandOutput("error: no active run")
            .build();
    assertEquals(INTENT_ROWS.get(0).json(), Codecs.INTENT_ROW.encode(intent));
  }

  @Test
  void builtConfirmedIntentRowCarriesTheRawConfirmResult() {
    Example e = INTENT_ROWS.get(2);
    String confirm =
        "{\"intent\":\"approve\",\"confirmed\":true,\"reason\":\"completion_observed\",\"attempts\":2,"
            + "\"timeoutSeconds\":30,\"observedStatus\":\"complete\",\"observedLastEvent\":\"loop_complete\","
            + "\"observedApprovalStatus\":null,\"observedActive\":false,\"observedAt\":\"2026-03-01T12:00:04Z\"}";
    IntentRow row =
        IntentRow.builder()
            .timestamp("2026-03-01T12:00:04Z")
            .loopId("demo-loop")
            .intent(Intent.APPROVE)
            .traceId(TraceId.of("trace-ctl-0003"))
            .requestedBy("ops-user")
            .transport(Transport.LOCAL)
            .status(OutcomeStatus.CONFIRMED)
            .command("/repo/superloop.sh approve --repo /repo --loop demo-loop --by ops-user")
            .idempotencyKey("approve-1795518300-701")
            .exitCode(0)
            .confirmExitCode(0)
            .confirmed(true)
            .commandOutput("approved demo-loop")
            .confirm(Json.parse(confirm))
            .build();
    assertEquals(e.json(), Codecs.INTENT_ROW.encode(row));
  }

  @Test
  void builtInFlightStartedRowEqualsTheExample() {
    InFlightRow row =
        InFlightRow.builder()
            .timestamp("2026-03-01T12:00:00Z")
            .loopId("demo-loop")
            .intent(Intent.CANCEL)
            .traceId(TraceId.of("4bf92f3577b34da6a3ce929d0e0e4736"))
            .transport(Transport.LOCAL)
            .requestedBy("ops-user")
            .idempotencyKey("cancel-1772366400000-9f86d081884c7d65")
            .phase(InvocationPhase.STARTED)
            .build();
    assertEquals(IN_FLIGHT_ROWS.get(0).json(), Codecs.IN_FLIGHT_ROW.encode(row));
  }

  @Test
  void requestDefaultsAreTheDocumentedOnes() {
    assertEquals(
        "{\"doConfirm\":true,\"timeoutSeconds\":30,\"intervalSeconds\":2,\"retryAttempts\":3,\"retryBackoffSeconds\":1}",
        Codecs.CONTROL_REQUEST.encode(ControlRequest.DEFAULT));
  }

  @Test
  void openStatusesKeepUnknownValues() {
    ControlInvocation inv = Codecs.CONTROL_INVOCATION.decode(INVOCATIONS.get(7).json());
    assertEquals("cancel_requested", inv.outcome().status().wire());
    assertFalse(inv.outcome().status().isKnown());
    assertSame(ConfirmationStatus.ATTEMPTED_UNKNOWN, inv.confirmation().status());
    assertSame(ExecutionStatus.SUCCEEDED, inv.execution().status());
    String newer =
        INVOCATIONS
            .get(0)
            .json()
            .replace(
                "\"status\":\"failed_command\",\"exitCode\"",
                "\"status\":\"timed_out\",\"exitCode\"");
    ControlInvocation n = Codecs.CONTROL_INVOCATION.decode(newer);
    assertEquals(ExecutionStatus.of("timed_out"), n.execution().status());
    assertEquals(newer, Codecs.CONTROL_INVOCATION.encode(n));
  }

  // ---------------------------------------------------------------- omitted vs null

  private static final String INV = INVOCATIONS.get(0).json();

  @Test
  void topLevelNullsAndEmptyNoteAreOmitted() {
    String withNulls =
        INV.replace("\"requestedBy\":\"ops-user\",", "\"requestedBy\":\"ops-user\",\"note\":null,")
            .replace("\"traceId\":\"trace-ctl-0001\"", "\"traceId\":null");
    ControlInvocation inv = Codecs.CONTROL_INVOCATION.decode(withNulls);
    assertTrue(inv.traceId().isEmpty());
    assertTrue(inv.note().isEmpty());
    assertEquals(
        INV.replace("\"traceId\":\"trace-ctl-0001\",", ""), Codecs.CONTROL_INVOCATION.encode(inv));

    String emptyNote =
        INV.replace("\"requestedBy\":\"ops-user\",", "\"requestedBy\":\"ops-user\",\"note\":\"\",");
    assertEquals(
        INV, Codecs.CONTROL_INVOCATION.encode(Codecs.CONTROL_INVOCATION.decode(emptyNote)));
  }

  @Test
  void executionOutputOmittedWhenEmptyOrNull() {
    String empty = INV.replace("\"output\":\"error: no active run\"", "\"output\":\"\"");
    String nul = INV.replace("\"output\":\"error: no active run\"", "\"output\":null");
    String none = INV.replace("\"output\":\"error: no active run\",", "");
    assertEquals(none, Codecs.CONTROL_INVOCATION.encode(Codecs.CONTROL_INVOCATION.decode(empty)));
    assertEquals(none, Codecs.CONTROL_INVOCATION.encode(Codecs.CONTROL_INVOCATION.decode(nul)));
    assertEquals(none, Codecs.CONTROL_INVOCATION.encode(Codecs.CONTROL_INVOCATION.decode(none)));
    ControlExecution e =
        ControlExecution.builder()
            .status(ExecutionStatus.SUCCEEDED)
            .exitCode(0)
            .command("c")
            .output("")
            .replayed(false)
            .build();
    assertTrue(e.output().isEmpty());
    assertEquals(
        "{\"status\":\"succeeded\",\"exitCode\":0,\"command\":\"c\",\"replayed\":false}",
        Codecs.CONTROL_EXECUTION.encode(e));
  }

  @Test
  void confirmationOutcomeOmittedWhenNoneButItsNullsKept() {
    String nul = INV.replace("\"exitCode\":0}", "\"exitCode\":0,\"outcome\":null}");
    assertEquals(INV, Codecs.CONTROL_INVOCATION.encode(Codecs.CONTROL_INVOCATION.decode(nul)));
    ControlInvocation confirmed = Codecs.CONTROL_INVOCATION.decode(INVOCATIONS.get(3).json());
    String outcome =
        Json.DEFAULT.encode(Json.RAW, confirmed.confirmation().outcome().orElseThrow());
    assertTrue(
        outcome.contains("\"observedLastEvent\":null,\"observedApprovalStatus\":\"pending\""),
        outcome);
  }

  @Test
  void outcomeReasonCodeOmittedWhenNull() {
    String nul =
        INVOCATIONS
            .get(1)
            .json()
            .replace(
                "\"confirmed\":false,\"durationSeconds\":1",
                "\"confirmed\":false,\"reasonCode\":null,\"durationSeconds\":1");
    assertEquals(
        INVOCATIONS.get(1).json(),
        Codecs.CONTROL_INVOCATION.encode(Codecs.CONTROL_INVOCATION.decode(nul)));
  }

  @Test
  void requestIsNeverFilteredAndNeverNull() {
    ControlRequest zero = ControlRequest.of(false, 0, 0, 0, 0);
    assertEquals(
        "{\"doConfirm\":false,\"timeoutSeconds\":0,\"intervalSeconds\":0,\"retryAttempts\":0,\"retryBackoffSeconds\":0}",
        Codecs.CONTROL_REQUEST.encode(zero));
    String nullInRequest = INV.replace("\"timeoutSeconds\":30", "\"timeoutSeconds\":null");
    VisibilityException e =
        assertThrows(
            VisibilityException.class, () -> Codecs.CONTROL_INVOCATION.decode(nullInRequest));
    assertEquals(ErrorCode.MISSING_FIELD, e.code());
    assertEquals(Optional.of("/request/timeoutSeconds"), e.path());
  }

  @Test
  void intentRowOmitsEmptyNoteEmptyOutputAndNullConfirm() {
    String base = INTENT_ROWS.get(1).json();
    String variant =
        base.replace("\"note\":\"maintenance window\"", "\"note\":\"\"")
            .replace(
                "\"confirmed\":false}",
                "\"confirmed\":false,\"commandOutput\":\"\",\"confirm\":null}");
    assertEquals(
        base.replace("\"note\":\"maintenance window\",", ""),
        Codecs.INTENT_ROW.encode(Codecs.INTENT_ROW.decode(variant)));
  }

  @Test
  void unknownFieldsAtEveryLevelSurvive() {
    String in =
        INV.replace("\"retryBackoffSeconds\":1}", "\"retryBackoffSeconds\":1,\"maxWaitSeconds\":9}")
            .replace("\"replayed\":false}", "\"replayed\":false,\"signal\":null}")
            .replace("\"durationSeconds\":5}", "\"durationSeconds\":5,\"durationMillis\":5123}")
            .replace("\"exitCode\":0}", "\"exitCode\":0,\"polls\":[1,2]}");
    in = in.substring(0, in.length() - 1) + ",\"host\":{\"name\":\"m1\"}}";
    assertEquals(in, Codecs.CONTROL_INVOCATION.encode(Codecs.CONTROL_INVOCATION.decode(in)));
  }

  // ---------------------------------------------------------------- contract rules

  private static VisibilityException fails(JsonCodec<?> codec, String json) {
    return assertThrows(VisibilityException.class, () -> codec.decode(json));
  }

  @Test
  void idempotencyKeyIsRequiredAndNotBlank() {
    VisibilityException missing =
        fails(
            Codecs.CONTROL_INVOCATION,
            INV.replace("\"idempotencyKey\":\"cancel-1795518143-623\",", ""));
    assertEquals(ErrorCode.MISSING_FIELD, missing.code());
    assertEquals(Optional.of("/idempotencyKey"), missing.path());
    assertEquals(
        ErrorCode.INVALID_FIELD_VALUE,
        fails(Codecs.CONTROL_INVOCATION, INV.replace("cancel-1795518143-623", " ")).code());
    assertEquals(
        ErrorCode.MISSING_FIELD,
        fails(
                Codecs.CONTROL_ROW,
                CONTROL_ROWS
                    .get(0)
                    .json()
                    .replace("\"idempotencyKey\":\"cancel-1795518143-623\",", ""))
            .code());
    assertEquals(
        ErrorCode.MISSING_FIELD,
        fails(
                Codecs.IN_FLIGHT_ROW,
                IN_FLIGHT_ROWS
                    .get(0)
                    .json()
                    .replace("\"idempotencyKey\":\"cancel-1772366400000-9f86d081884c7d65\",", ""))
            .code());
  }

  @Test
  void loopIdsAndTraceIdsAreValidated() {
    assertEquals(
        ErrorCode.INVALID_LOOP_ID,
        fails(
                Codecs.CONTROL_INVOCATION,
                INV.replace("\"loopId\":\"demo-loop\"", "\"loopId\":\"../x\""))
            .code());
    assertEquals(
        ErrorCode.INVALID_LOOP_ID,
        fails(
                Codecs.CONTROL_ROW,
                CONTROL_ROWS.get(0).json().replace("\"loopId\":\"demo-loop\"", "\"loopId\":\"\""))
            .code());
    assertEquals(
        ErrorCode.INVALID_LOOP_ID,
        fails(
                Codecs.INTENT_ROW,
                INTENT_ROWS.get(0).json().replace("\"loopId\":\"demo-loop\"", "\"loopId\":\"a/b\""))
            .code());
    assertEquals(
        ErrorCode.INVALID_LOOP_ID,
        fails(
                Codecs.IN_FLIGHT_ROW,
                IN_FLIGHT_ROWS
                    .get(0)
                    .json()
                    .replace("\"loopId\":\"demo-loop\"", "\"loopId\":\"..\""))
            .code());
    VisibilityException t =
        fails(Codecs.CONTROL_INVOCATION, INV.replace("trace-ctl-0001", "bad trace"));
    assertEquals(ErrorCode.INVALID_TRACE_ID, t.code());
    assertEquals(Optional.of("/traceId"), t.path());
    assertEquals(
        ErrorCode.INVALID_TRACE_ID,
        fails(Codecs.INTENT_ROW, INTENT_ROWS.get(0).json().replace("trace-ctl-0001", "")).code());
  }

  @Test
  void durationsAndCountsMustNotBeNegative() {
    VisibilityException d =
        fails(
            Codecs.CONTROL_INVOCATION,
            INV.replace("\"durationSeconds\":5", "\"durationSeconds\":-1"));
    assertEquals(ErrorCode.INVALID_FIELD_VALUE, d.code());
    assertEquals(Optional.of("/outcome"), d.path());
    assertEquals(
        ErrorCode.INVALID_FIELD_VALUE,
        fails(
                Codecs.CONTROL_INVOCATION,
                INV.replace("\"intervalSeconds\":2", "\"intervalSeconds\":-2"))
            .code());
    String row = CONTROL_ROWS.get(0).json();
    assertEquals(
        ErrorCode.INVALID_FIELD_VALUE,
        fails(Codecs.CONTROL_ROW, row.replace("\"durationSeconds\":5", "\"durationSeconds\":-5"))
            .code());
    assertEquals(
        ErrorCode.INVALID_FIELD_VALUE,
        fails(Codecs.CONTROL_ROW, row.replace("\"retryAttempts\":3", "\"retryAttempts\":-3"))
            .code());
    assertEquals(
        ErrorCode.INVALID_FIELD_TYPE,
        fails(Codecs.CONTROL_ROW, row.replace("\"exitCode\":1", "\"exitCode\":1.5")).code());
  }

  @Test
  void closedValueSetsRejectUnknownValues() {
    VisibilityException i =
        fails(
            Codecs.CONTROL_INVOCATION,
            INV.replace("\"intent\":\"cancel\"", "\"intent\":\"pause\""));
    assertEquals(ErrorCode.INVALID_FIELD_VALUE, i.code());
    assertEquals(Optional.of("/intent"), i.path());
    assertEquals(
        ErrorCode.INVALID_FIELD_VALUE,
        fails(Codecs.CONTROL_INVOCATION, INV.replace("\"not_attempted\"", "\"maybe\"")).code());
    assertEquals(
        ErrorCode.INVALID_FIELD_VALUE,
        fails(
                Codecs.IN_FLIGHT_ROW,
                IN_FLIGHT_ROWS.get(0).json().replace("\"started\"", "\"paused\""))
            .code());
    assertEquals(
        ErrorCode.INVALID_FIELD_VALUE,
        fails(
                Codecs.CONTROL_ROW,
                CONTROL_ROWS
                    .get(0)
                    .json()
                    .replace("\"transport\":\"local\"", "\"transport\":\"ssh\""))
            .code());
  }

  @Test
  void schemaVersionOfInvocationRows() {
    assertEquals(
        ErrorCode.UNSUPPORTED_SCHEMA_VERSION,
        fails(Codecs.CONTROL_INVOCATION, INV.replace("\"v1\"", "\"v2\"")).code());
    // contract 1.0: control-invocations.jsonl rows carry schemaVersion "v1": it is required
    VisibilityException absent =
        fails(Codecs.CONTROL_INVOCATION, INV.replace("\"schemaVersion\":\"v1\",", ""));
    assertEquals(ErrorCode.MISSING_FIELD, absent.code());
    assertEquals(Optional.of("/schemaVersion"), absent.path());
  }

  @Test
  void intentRowNeedsOnlyTheHealthRelevantCore() {
    String minimal =
        "{\"timestamp\":\"t\",\"loopId\":\"l\",\"intent\":\"cancel\",\"status\":\"failed_command\"}";
    IntentRow r = Codecs.INTENT_ROW.decode(minimal);
    assertSame(OutcomeStatus.FAILED_COMMAND, r.status());
    assertEquals(minimal, Codecs.INTENT_ROW.encode(r));
    assertEquals(
        ErrorCode.MISSING_FIELD,
        fails(Codecs.INTENT_ROW, "{\"timestamp\":\"t\",\"loopId\":\"l\",\"intent\":\"cancel\"}")
            .code());
  }

  @Test
  void readKeyOrderWithFieldsAddedLater() {
    String fixtureLike =
        "{\"timestamp\":\"t\",\"loopId\":\"l\",\"intent\":\"approve\",\"status\":\"ambiguous\",\"requestedBy\":\"u\"}";
    IntentRow r = Codecs.INTENT_ROW.decode(fixtureLike);
    IntentRow more =
        ImmutableIntentRow.copyOf(r)
            .withTraceId(TraceId.of("tr"))
            .withRequestedBy(Optional.empty());
    assertEquals(
        "{\"timestamp\":\"t\",\"loopId\":\"l\",\"intent\":\"approve\",\"status\":\"ambiguous\",\"traceId\":\"tr\"}",
        Codecs.INTENT_ROW.encode(more));
  }
}
