package io.superloop.visibility.core.plane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.ExecutionStatus;
import io.superloop.visibility.api.audit.OutcomeStatus;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.store.LoopArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plane's control audit (issue 15): {@link VisibilityPlane#control} and {@link
 * InFlightControl#complete}. Expected rows are the contract's (1.7-1.9 key order, the 4.3 table),
 * written out here, not produced by the code under test.
 */
class PlaneControlTest {
  @TempDir Path tmp;

  private static final String LOOP = "demo-loop";
  private static final Instant STARTED = Instant.parse("2026-02-22T12:10:00Z");

  /** A clock that reads the start first, then 4 s later. */
  static final class StepClock extends Clock {
    private Instant now;

    StepClock(Instant start) {
      this.now = start;
    }

    void advance(long seconds) {
      now = now.plusSeconds(seconds);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private VisibilityPlane plane(VisibilityRules rules, Clock clock) {
    return VisibilityPlane.builder(tmp.resolve("repo"), LOOP)
        .rules(rules)
        .durability(Durability.NONE)
        .clock(clock)
        .build();
  }

  private List<String> lines(VisibilityPlane plane, LoopArtifact a) throws IOException {
    Path p = PlaneAccess.layout(plane).path(a);
    return Files.exists(p) ? Files.readAllLines(p) : List.of();
  }

  /** A shell command through the plane writes the rows of contract 1.7-1.9, as the reference. */
  @Test
  void aShellCommandThroughThePlaneWritesTheContractsRows() throws IOException {
    StepClock clock = new StepClock(STARTED);
    VisibilityPlane plane = plane(VisibilityRules.reference(), clock);
    InFlightControl c =
        plane.control(
            ControlCall.cancel()
                .requestedBy("ops-user")
                .traceId("trace-control-local-1")
                .idempotencyKey("k-local-1"));
    clock.advance(4);
    c.complete(
        ControlResult.ofCommand(
            "superloop.sh cancel --repo /repo",
            0,
            "Cancelled loop state.\n",
            0,
            Optional.of(Json.parse("{\"confirmed\":true}"))));
    assertEquals(
        List.of(
            "{\"timestamp\":\"2026-02-22T12:10:04Z\",\"loopId\":\"demo-loop\",\"intent\":\"cancel\","
                + "\"traceId\":\"trace-control-local-1\",\"requestedBy\":\"ops-user\",\"transport\":\"local\","
                + "\"status\":\"confirmed\",\"command\":\"superloop.sh cancel --repo /repo\","
                + "\"idempotencyKey\":\"k-local-1\",\"exitCode\":0,\"confirmExitCode\":0,\"confirmed\":true,"
                + "\"commandOutput\":\"Cancelled loop state.\",\"confirm\":{\"confirmed\":true}}"),
        lines(plane, LoopArtifact.INTENTS));
    assertEquals(
        List.of(
            "{\"timestamp\":\"2026-02-22T12:10:04Z\",\"startedAt\":\"2026-02-22T12:10:00Z\",\"loopId\":\"demo-loop\","
                + "\"intent\":\"cancel\",\"traceId\":\"trace-control-local-1\",\"transport\":\"local\","
                + "\"status\":\"confirmed\",\"idempotencyKey\":\"k-local-1\",\"requestedBy\":\"ops-user\","
                + "\"exitCode\":0,\"confirmExitCode\":0,\"confirmed\":true,\"durationSeconds\":4,"
                + "\"retryAttempts\":3,\"retryBackoffSeconds\":1}"),
        lines(plane, LoopArtifact.CONTROL_TELEMETRY));
    List<String> inv = lines(plane, LoopArtifact.CONTROL_INVOCATIONS);
    assertEquals(1, inv.size());
    assertTrue(
        inv.get(0)
            .startsWith(
                "{\"schemaVersion\":\"v1\",\"timestamp\":\"2026-02-22T12:10:04Z\",\"startedAt\":\"2026-02-22T12:10:00Z\","
                    + "\"loopId\":\"demo-loop\",\"intent\":\"cancel\",\"traceId\":\"trace-control-local-1\","
                    + "\"transport\":\"local\",\"requestedBy\":\"ops-user\",\"idempotencyKey\":\"k-local-1\","
                    + "\"request\":{\"doConfirm\":true,\"timeoutSeconds\":30,\"intervalSeconds\":2,\"retryAttempts\":3,"
                    + "\"retryBackoffSeconds\":1},\"execution\":{\"status\":\"succeeded\",\"exitCode\":0,"
                    + "\"command\":\"superloop.sh cancel --repo /repo\",\"output\":\"Cancelled loop state.\",\"replayed\":false},"
                    + "\"confirmation\":{\"attempted\":true,\"status\":\"confirmed\",\"exitCode\":0,"
                    + "\"outcome\":{\"confirmed\":true}},\"outcome\":{\"status\":\"confirmed\",\"confirmed\":true,"
                    + "\"durationSeconds\":4}"),
        inv.get(0));
    // reference rules: no started row, no in-flight file (contract 4.5)
    assertEquals(List.of(), lines(plane, LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT));
  }

  /** Any kind of action: the four outcomes are recorded as the 4.3 table's rows of that outcome. */
  @Test
  void anyActionHasTheFourOutcomesOfTheTable() {
    record Row(
        ControlResult result,
        String status,
        String execution,
        long exit,
        String confirmation,
        boolean attempted,
        long confirmExit,
        boolean confirmed,
        Optional<ReasonCode> reason,
        int cliExit) {}
    List<Row> table =
        List.of(
            new Row(
                ControlResult.confirmed("pool.cancel(7)"),
                "confirmed",
                "succeeded",
                0,
                "confirmed",
                true,
                0,
                true,
                Optional.empty(),
                0),
            new Row(
                ControlResult.executedUnconfirmed("pool.cancel(7)"),
                "executed_unconfirmed",
                "succeeded",
                0,
                "skipped",
                false,
                0,
                false,
                Optional.empty(),
                0),
            new Row(
                ControlResult.ambiguous("pool.cancel(7)"),
                "ambiguous",
                "succeeded",
                0,
                "ambiguous",
                true,
                1,
                false,
                Optional.of(ReasonCode.CONTROL_AMBIGUOUS),
                2),
            new Row(
                ControlResult.failed("pool.cancel(7)"),
                "failed_command",
                "failed_command",
                1,
                "not_attempted",
                false,
                0,
                false,
                Optional.of(ReasonCode.CONTROL_FAILED_COMMAND),
                1));
    for (Row r : table) {
      StepClock clock = new StepClock(STARTED);
      VisibilityPlane plane =
          VisibilityPlane.builder(tmp.resolve(r.status()), LOOP)
              .durability(Durability.NONE)
              .clock(clock)
              .build();
      InFlightControl c = plane.control(ControlCall.cancel().requestedBy("svc"));
      clock.advance(2);
      ControlInvocation inv = c.complete(r.result().withOutput("line 1\nline 2\n"));
      assertEquals(OutcomeStatus.of(r.status()), inv.outcome().status(), r.status());
      assertEquals(ExecutionStatus.of(r.execution()), inv.execution().status(), r.status());
      assertEquals(r.exit(), inv.execution().exitCode(), r.status());
      assertEquals("pool.cancel(7)", inv.execution().command());
      assertEquals(Optional.of("line 1\nline 2"), inv.execution().output());
      assertEquals(r.confirmation(), inv.confirmation().status().wire(), r.status());
      assertEquals(r.attempted(), inv.confirmation().attempted(), r.status());
      assertEquals(r.confirmExit(), inv.confirmation().exitCode(), r.status());
      assertEquals(r.confirmed(), inv.outcome().confirmed(), r.status());
      assertEquals(r.reason(), inv.outcome().reasonCode(), r.status());
      assertEquals(2, inv.outcome().durationSeconds());
      assertEquals(r.cliExit(), r.result().exitCode(), r.status());
      assertEquals("svc", inv.requestedBy());
      assertEquals(c.idempotencyKey(), inv.idempotencyKey());
      assertTrue(
          c.idempotencyKey().matches("cancel-1771762200000-[0-9a-f]{16}"), c.idempotencyKey());
    }
  }

  /**
   * H5: the started row is on disk when control returns; the status shows it in flight until
   * completion.
   */
  @Test
  void theStartedRowIsWrittenAheadAndTheStatusShowsTheActionInFlight() throws IOException {
    StepClock clock = new StepClock(STARTED);
    VisibilityPlane plane = plane(VisibilityRules.hardened(), clock);
    InFlightControl c =
        plane.control(
            ControlCall.approve().requestedBy("svc").idempotencyKey("k-1").traceId("trace-h5-1"));
    assertEquals(
        List.of(
            "{\"timestamp\":\"2026-02-22T12:10:00Z\",\"loopId\":\"demo-loop\",\"intent\":\"approve\","
                + "\"traceId\":\"trace-h5-1\",\"transport\":\"local\",\"requestedBy\":\"svc\","
                + "\"idempotencyKey\":\"k-1\",\"phase\":\"started\"}"),
        lines(plane, LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT));
    assertEquals(List.of(), lines(plane, LoopArtifact.CONTROL_INVOCATIONS));
    assertEquals(true, plane.status().invocationAudit().orElseThrow().inFlight().orElseThrow());
    clock.advance(1);
    c.complete(ControlResult.confirmed("approve"));
    assertEquals(1, lines(plane, LoopArtifact.CONTROL_INVOCATIONS).size());
    assertEquals(2, lines(plane, LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT).size());
    assertTrue(
        lines(plane, LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT)
            .get(1)
            .endsWith("\"idempotencyKey\":\"k-1\",\"phase\":\"completed\"}"));
    assertEquals(false, plane.status().invocationAudit().orElseThrow().inFlight().orElseThrow());
    assertTrue(c.isCompleted());
    VisibilityException twice =
        assertThrows(
            VisibilityException.class, () -> c.complete(ControlResult.confirmed("approve")));
    assertEquals(ErrorCode.INVALID_STATE, twice.code());
    assertEquals(
        1,
        lines(plane, LoopArtifact.CONTROL_INVOCATIONS).size(),
        "a second completion writes nothing");
  }

  /** An invalid explicit trace id is refused before anything is written. */
  @Test
  void anInvalidTraceIdIsRefusedBeforeAnyRow() throws IOException {
    VisibilityPlane plane = plane(VisibilityRules.hardened(), Clock.fixed(STARTED, ZoneOffset.UTC));
    VisibilityException e =
        assertThrows(
            VisibilityException.class,
            () -> plane.control(ControlCall.reject().traceId("bad trace")));
    assertEquals(ErrorCode.INVALID_TRACE_ID, e.code());
    assertFalse(
        Files.exists(PlaneAccess.layout(plane).path(LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT)));
  }

  /** A sprite_service answer is a JSON object: any other JsonValue is refused with a code. */
  @Test
  void aServiceAnswerThatIsNotAnObjectIsRefused() {
    for (String notAnObject : List.of("[]", "\"ok\"", "true", "null", "0")) {
      VisibilityException e =
          assertThrows(
              VisibilityException.class,
              () -> ControlResult.ofServiceAnswer("POST x/ops/control", Json.parse(notAnObject)),
              notAnObject);
      assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), notAnObject);
    }
    ControlResult.ofServiceAnswer("POST x/ops/control", Json.parse("{\"ok\":true,\"exitCode\":0}"));
  }
}
