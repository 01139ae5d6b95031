package io.superloop.visibility.core.store;

import static io.superloop.visibility.core.store.ControlFixtures.Logical;
import static io.superloop.visibility.core.store.ControlFixtures.ctx;
import static io.superloop.visibility.core.store.ControlFixtures.jq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.audit.Intent;
import io.superloop.visibility.api.status.InvocationAuditSurface;
import io.superloop.visibility.core.audit.ControlContext;
import io.superloop.visibility.core.audit.ControlRecords;
import io.superloop.visibility.core.audit.InvocationAuditTrail;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.status.StatusInputs;
import io.superloop.visibility.core.status.StatusReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The invocation audit trail (contract 1.7-1.9, 4.5; hardening H5). */
class InvocationAuditTrailTest {
  @TempDir Path tmp;

  private static final String LOOP = "demo-loop";
  private static final String CONFIRM =
      "{\"intent\":\"cancel\",\"confirmed\":true,\"reason\":\"inactive_not_running\",\"attempts\":1,"
          + "\"timeoutSeconds\":30,\"observedStatus\":\"stopped\",\"observedLastEvent\":\"loop_stop\","
          + "\"observedApprovalStatus\":null,\"observedActive\":false,\"observedAt\":\"2026-02-22T12:10:03Z\"}";

  private LoopStore store() {
    return new LoopStore(LoopLayout.of(tmp.resolve("repo"), LOOP), Durability.FSYNC_PER_RECORD);
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file);
  }

  private Path file(LoopStore s, LoopArtifact a) {
    return s.layout().path(a);
  }

  // ---- rows on disk ---------------------------------------------------------------------------

  @Test
  void localConfirmedRowsAreTheV1RowsOfTheContract() throws IOException {
    LoopStore s = store();
    ControlContext c =
        ctx(LOOP, Intent.CANCEL, "trace-control-local-1", Transport.LOCAL, "k-local-1");
    var h = InvocationAuditTrail.of(s, VisibilityRules.reference()).begin(c);
    h.complete(ControlFixtures.local(c, Logical.CONFIRMED));
    // Contract 1.9 (key order), 1.8, 1.7; values of the 4.3 table's "confirm exit 0" row.
    assertEquals(
        List.of(
            "{\"timestamp\":\"2026-02-22T12:10:04Z\",\"loopId\":\"demo-loop\",\"intent\":\"cancel\","
                + "\"traceId\":\"trace-control-local-1\",\"requestedBy\":\"ops-user\",\"transport\":\"local\","
                + "\"status\":\"confirmed\",\"command\":\"superloop.sh cancel --repo /repo\","
                + "\"idempotencyKey\":\"k-local-1\",\"exitCode\":0,\"confirmExitCode\":0,\"confirmed\":true,"
                + "\"commandOutput\":\"Cancelled loop state.\",\"confirm\":"
                + CONFIRM
                + "}"),
        lines(file(s, LoopArtifact.INTENTS)));
    assertEquals(
        List.of(
            "{\"timestamp\":\"2026-02-22T12:10:04Z\",\"startedAt\":\"2026-02-22T12:10:00Z\",\"loopId\":\"demo-loop\","
                + "\"intent\":\"cancel\",\"traceId\":\"trace-control-local-1\",\"transport\":\"local\","
                + "\"status\":\"confirmed\",\"idempotencyKey\":\"k-local-1\",\"requestedBy\":\"ops-user\","
                + "\"exitCode\":0,\"confirmExitCode\":0,\"confirmed\":true,\"durationSeconds\":4,"
                + "\"retryAttempts\":3,\"retryBackoffSeconds\":1}"),
        lines(file(s, LoopArtifact.CONTROL_TELEMETRY)));
    assertEquals(
        List.of(
            "{\"schemaVersion\":\"v1\",\"timestamp\":\"2026-02-22T12:10:04Z\",\"startedAt\":\"2026-02-22T12:10:00Z\","
                + "\"loopId\":\"demo-loop\",\"intent\":\"cancel\",\"traceId\":\"trace-control-local-1\","
                + "\"transport\":\"local\",\"requestedBy\":\"ops-user\",\"idempotencyKey\":\"k-local-1\","
                + "\"request\":{\"doConfirm\":true,\"timeoutSeconds\":30,\"intervalSeconds\":2,\"retryAttempts\":3,"
                + "\"retryBackoffSeconds\":1},"
                + "\"execution\":{\"status\":\"succeeded\",\"exitCode\":0,\"command\":\"superloop.sh cancel --repo /repo\","
                + "\"output\":\"Cancelled loop state.\",\"replayed\":false},"
                + "\"confirmation\":{\"attempted\":true,\"status\":\"confirmed\",\"exitCode\":0,\"outcome\":"
                + CONFIRM
                + "},"
                + "\"outcome\":{\"status\":\"confirmed\",\"confirmed\":true,\"durationSeconds\":4}}"),
        lines(file(s, LoopArtifact.CONTROL_INVOCATIONS)));
    assertFalse(
        Files.exists(file(s, LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT)),
        "reference: no in-flight file");
  }

  @Test
  void spriteServiceRowsCarryTheAnswer() throws IOException {
    LoopStore s = store();
    ControlContext c =
        ctx(LOOP, Intent.CANCEL, "trace-service-control-1", Transport.SPRITE_SERVICE, "idem-1");
    var response = ControlFixtures.spriteResponse(c, Logical.CONFIRMED, true);
    InvocationAuditTrail.of(s, VisibilityRules.reference())
        .begin(c)
        .complete(ControlFixtures.sprite(c, Logical.CONFIRMED, true));
    String output =
        jq(response.toJson()); // execution.output: compact JSON of the service response (1.7)
    String invocation = lines(file(s, LoopArtifact.CONTROL_INVOCATIONS)).get(0);
    assertTrue(
        invocation.contains(
            "\"transport\":\"sprite_service\",\"requestedBy\":\"ops-user\",\"idempotencyKey\":\"idem-1\""),
        invocation);
    assertTrue(
        invocation.contains(
            "\"execution\":{\"status\":\"succeeded\",\"exitCode\":0,"
                + "\"command\":\"POST http://sprite-service.local/ops/control\",\"output\":"
                + jsonString(output)
                + ",\"replayed\":true}"),
        invocation);
    assertTrue(
        invocation.contains(
            "\"confirmation\":{\"attempted\":true,\"status\":\"confirmed\",\"exitCode\":0,\"outcome\":"
                + CONFIRM
                + "}"),
        invocation);
    assertTrue(
        invocation.endsWith(
            "\"outcome\":{\"status\":\"confirmed\",\"confirmed\":true,\"durationSeconds\":4}}"));
    String intent = lines(file(s, LoopArtifact.INTENTS)).get(0);
    assertTrue(
        intent.contains(
            "\"transport\":\"sprite_service\",\"status\":\"confirmed\","
                + "\"command\":\"POST http://sprite-service.local/ops/control\",\"idempotencyKey\":\"idem-1\","
                + "\"exitCode\":0,\"confirmExitCode\":0,\"confirmed\":true,\"commandOutput\":"
                + jsonString(output)),
        intent);
    assertEquals(1, lines(file(s, LoopArtifact.CONTROL_TELEMETRY)).size());
  }

  private static String jsonString(String s) {
    return jq(io.superloop.visibility.api.json.JsonValue.of(s).toJson());
  }

  /**
   * The order intents -> control -> invocations (4.5): when a later file cannot be written, the
   * earlier ones hold their row and the later ones none. Also shows what such a crash leaves.
   */
  @Test
  void rowsAreWrittenInTheReferenceOrderForBothTransports() throws IOException {
    for (Transport t : Transport.values()) {
      for (LoopArtifact blocked :
          List.of(LoopArtifact.CONTROL_TELEMETRY, LoopArtifact.CONTROL_INVOCATIONS)) {
        LoopStore s =
            new LoopStore(
                LoopLayout.of(tmp.resolve(t.wire() + "-" + blocked), LOOP), Durability.NONE);
        Files.createDirectories(
            file(s, blocked)); // a directory where the log should be: its append fails
        ControlContext c = ctx(LOOP, Intent.CANCEL, "trace-order-1", t, "k-order");
        ControlRecords rows =
            t == Transport.LOCAL
                ? ControlFixtures.local(c, Logical.CONFIRMED)
                : ControlFixtures.sprite(c, Logical.CONFIRMED, false);
        var h = InvocationAuditTrail.of(s, VisibilityRules.hardened()).begin(c);
        assertThrows(VisibilityException.class, () -> h.complete(rows));
        assertEquals(1, lines(file(s, LoopArtifact.INTENTS)).size(), t + " " + blocked);
        if (blocked == LoopArtifact.CONTROL_TELEMETRY) {
          assertFalse(Files.exists(file(s, LoopArtifact.CONTROL_INVOCATIONS)));
        } else {
          assertEquals(1, lines(file(s, LoopArtifact.CONTROL_TELEMETRY)).size());
        }
        // The crash is visible (H5): started, never completed (read after the blocker is gone).
        Files.delete(file(s, blocked));
        StatusInputs in = StatusReader.read(s);
        assertFalse(in.lastStartedCompleted());
        assertEquals(
            true,
            ControlFixtures.summary(s, VisibilityRules.hardened())
                .invocationAudit()
                .orElseThrow()
                .inFlight()
                .orElseThrow());
        // The handle is spent: no second attempt that could duplicate the intent row.
        VisibilityException again = assertThrows(VisibilityException.class, () -> h.complete(rows));
        assertEquals(ErrorCode.INVALID_STATE, again.code());
      }
    }
  }

  // ---- in-flight rows (H5) --------------------------------------------------------------------

  @Test
  void referenceWritesNoInFlightFile() {
    LoopStore s = store();
    ControlContext c = ctx(LOOP, Intent.APPROVE, "trace-ref-1", Transport.LOCAL, "k-ref");
    var h = InvocationAuditTrail.of(s, VisibilityRules.reference()).begin(c);
    assertFalse(h.startedRowWritten());
    assertFalse(Files.exists(file(s, LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT)));
    h.complete(ControlFixtures.local(c, Logical.CONFIRMED));
    assertFalse(Files.exists(file(s, LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT)));
  }

  @Test
  void hardenedStartedRowThenCompletedMarker() throws IOException {
    LoopStore s = store();
    ControlContext c = ctx(LOOP, Intent.CANCEL, "trace-h5-1", Transport.SPRITE_SERVICE, "k-h5");
    var h = InvocationAuditTrail.of(s, VisibilityRules.hardened()).begin(c);
    assertTrue(h.startedRowWritten());
    // H5: {timestamp, loopId, intent, traceId, transport, requestedBy, idempotencyKey,
    // phase:"started"}
    assertEquals(
        List.of(
            "{\"timestamp\":\"2026-02-22T12:10:00Z\",\"loopId\":\"demo-loop\",\"intent\":\"cancel\","
                + "\"traceId\":\"trace-h5-1\",\"transport\":\"sprite_service\",\"requestedBy\":\"ops-user\","
                + "\"idempotencyKey\":\"k-h5\",\"phase\":\"started\"}"),
        lines(file(s, LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT)));
    assertFalse(Files.exists(file(s, LoopArtifact.INTENTS)), "nothing v1 before completion");
    h.complete(ControlFixtures.sprite(c, Logical.CONFIRMED, false));
    List<String> inflight = lines(file(s, LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT));
    assertEquals(2, inflight.size());
    assertEquals(
        "{\"timestamp\":\"2026-02-22T12:10:04Z\",\"loopId\":\"demo-loop\",\"intent\":\"cancel\","
            + "\"traceId\":\"trace-h5-1\",\"transport\":\"sprite_service\",\"requestedBy\":\"ops-user\","
            + "\"idempotencyKey\":\"k-h5\",\"phase\":\"completed\"}",
        inflight.get(1));
  }

  @Test
  void hardenedBeginWithoutCompleteIsInFlightAndCompleteEndsIt() {
    LoopStore s = store();
    VisibilityRules rules = VisibilityRules.hardened();
    ControlContext c = ctx(LOOP, Intent.CANCEL, "trace-h5-2", Transport.LOCAL, "k-h5-2");
    var h = InvocationAuditTrail.of(s, rules).begin(c);
    InvocationAuditSurface during =
        ControlFixtures.summary(s, rules).invocationAudit().orElseThrow();
    assertEquals(
        "{\"timestamp\":\"2026-02-22T12:10:00Z\",\"intent\":\"cancel\",\"transport\":\"local\","
            + "\"idempotencyKey\":\"k-h5-2\",\"traceId\":\"trace-h5-2\",\"inFlight\":true}",
        io.superloop.visibility.api.Codecs.INVOCATION_AUDIT_SURFACE.encode(during));
    h.complete(ControlFixtures.local(c, Logical.CONFIRMED));
    InvocationAuditSurface after =
        ControlFixtures.summary(s, rules).invocationAudit().orElseThrow();
    assertEquals(false, after.inFlight().orElseThrow());
    assertEquals("confirmed", after.outcomeStatus().orElseThrow());
  }

  /** H5 on the same input: reference shows nothing in flight; hardened shows it. */
  @Test
  void h5ReferenceVersusHardenedOnTheSameInput() {
    for (VisibilityRules rules : List.of(VisibilityRules.reference(), VisibilityRules.hardened())) {
      LoopStore s = new LoopStore(LoopLayout.of(tmp.resolve(rules.name()), LOOP), Durability.NONE);
      ControlContext first = ctx(LOOP, Intent.CANCEL, "trace-h5-3", Transport.LOCAL, "k-first");
      InvocationAuditTrail.of(s, rules)
          .begin(first)
          .complete(ControlFixtures.local(first, Logical.CONFIRMED));
      ControlContext second =
          ctx(
              LOOP,
              Intent.APPROVE,
              "trace-h5-4",
              Transport.LOCAL,
              "k-second",
              ControlFixtures.STARTED.plusSeconds(60),
              true);
      InvocationAuditTrail.of(s, rules)
          .begin(second); // the command is running (or the process died)
      InvocationAuditSurface a = ControlFixtures.summary(s, rules).invocationAudit().orElseThrow();
      // Both show the last completed invocation (contract 6.2: I = last invocation row).
      assertEquals("k-first", a.idempotencyKey().orElseThrow());
      if (rules.writeInFlightAuditRows()) {
        assertEquals(
            true, a.inFlight().orElseThrow(), "hardened: the started approve is in flight");
        assertEquals(false, a.replayed().orElseThrow(), "hardened: explicit booleans");
      } else {
        assertTrue(a.inFlight().isEmpty(), "reference: no inFlight field");
        assertTrue(a.replayed().isEmpty(), "reference: replayed only when true");
      }
    }
  }

  /**
   * A caller-given key used again: the earlier action's completion does not complete the new one.
   */
  @Test
  void reusedCallerKeyIsInFlightUntilItsOwnCompletion() {
    LoopStore s = store();
    VisibilityRules rules = VisibilityRules.hardened();
    ControlContext first =
        ctx(LOOP, Intent.CANCEL, "trace-r-1", Transport.SPRITE_SERVICE, "idem-1");
    InvocationAuditTrail.of(s, rules)
        .begin(first)
        .complete(ControlFixtures.sprite(first, Logical.CONFIRMED, false));
    ControlContext again =
        ctx(
            LOOP,
            Intent.CANCEL,
            "trace-r-1",
            Transport.SPRITE_SERVICE,
            "idem-1",
            ControlFixtures.STARTED.plusSeconds(30),
            true);
    var h = InvocationAuditTrail.of(s, rules).begin(again);
    assertFalse(StatusReader.read(s).lastStartedCompleted());
    h.complete(
        io.superloop.visibility.core.audit.ControlOutcomes.spriteAnswer(
            again,
            ControlFixtures.SPRITE_COMMAND,
            ControlFixtures.spriteResponse(again, Logical.CONFIRMED, true),
            ControlFixtures.STARTED.plusSeconds(31)));
    assertTrue(StatusReader.read(s).lastStartedCompleted());
  }

  /**
   * A crash after the v1 invocation row but before the completed marker: the invocation row counts
   * as the completion, found by the backward scan past later rows of other actions.
   */
  @Test
  void invocationRowWithoutMarkerCompletesTheStart() throws IOException {
    LoopStore s = store();
    ControlContext c = ctx(LOOP, Intent.CANCEL, "trace-m-1", Transport.LOCAL, "k-marker");
    InvocationAuditTrail.of(s, VisibilityRules.hardened()).begin(c);
    // v1 rows written by another path (a reference-mode writer): no marker in the in-flight file.
    InvocationAuditTrail.of(s, VisibilityRules.reference())
        .begin(c)
        .complete(ControlFixtures.local(c, Logical.CONFIRMED));
    for (int i = 0; i < 50; i++) {
      ControlContext other =
          ctx(LOOP, Intent.APPROVE, "trace-other", Transport.LOCAL, "k-other-" + i);
      InvocationAuditTrail.of(s, VisibilityRules.reference())
          .begin(other)
          .complete(ControlFixtures.local(other, Logical.CONFIRMED));
    }
    StatusInputs in = StatusReader.read(s);
    assertEquals("k-marker", in.lastStarted().orElseThrow().idempotencyKey());
    assertTrue(in.lastStartedCompleted());
  }

  /** The backward scan stops at rows completed long before the start (bounded cost). */
  @Test
  void completionScanIsBoundedByTheStartedRowsTime() throws IOException {
    LoopStore s = store();
    // An old completion of the same key, long before the start: ignored (and the scan stops there).
    ControlContext old =
        ctx(
            LOOP,
            Intent.CANCEL,
            "trace-b-1",
            Transport.LOCAL,
            "k-bound",
            Instant.parse("2026-01-01T00:00:00Z"),
            true);
    InvocationAuditTrail.of(s, VisibilityRules.reference())
        .begin(old)
        .complete(ControlFixtures.local(old, Logical.CONFIRMED));
    ControlContext now = ctx(LOOP, Intent.CANCEL, "trace-b-2", Transport.LOCAL, "k-bound");
    InvocationAuditTrail.of(s, VisibilityRules.hardened()).begin(now);
    assertFalse(StatusReader.read(s).lastStartedCompleted());
  }

  // ---- handle misuse ---------------------------------------------------------------------------

  @Test
  void completingTwiceIsAnError() {
    LoopStore s = store();
    ControlContext c = ctx(LOOP, Intent.REJECT, "trace-twice", Transport.LOCAL, "k-twice");
    var h = InvocationAuditTrail.of(s, VisibilityRules.hardened()).begin(c);
    ControlRecords rows = ControlFixtures.local(c, Logical.AMBIGUOUS);
    h.complete(rows);
    assertTrue(h.isCompleted());
    VisibilityException e = assertThrows(VisibilityException.class, () -> h.complete(rows));
    assertEquals(ErrorCode.INVALID_STATE, e.code());
    assertEquals(
        1,
        JsonlReader.readAll(
                file(s, LoopArtifact.CONTROL_INVOCATIONS),
                io.superloop.visibility.api.Codecs.CONTROL_INVOCATION)
            .records()
            .size());
  }

  @Test
  void rowsOfAnotherActionAreRejected() {
    LoopStore s = store();
    ControlContext c = ctx(LOOP, Intent.CANCEL, "trace-x", Transport.LOCAL, "k-x");
    ControlContext other = ctx(LOOP, Intent.CANCEL, "trace-x", Transport.LOCAL, "k-y");
    var h = InvocationAuditTrail.of(s, VisibilityRules.hardened()).begin(c);
    VisibilityException e =
        assertThrows(
            VisibilityException.class,
            () -> h.complete(ControlFixtures.local(other, Logical.CONFIRMED)));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertFalse(h.isCompleted(), "a rejected call does not spend the handle");
    assertFalse(Files.exists(file(s, LoopArtifact.INTENTS)));
  }

  @Test
  void contextOfAnotherLoopIsRejected() {
    LoopStore s = store();
    ControlContext c = ctx("other-loop", Intent.CANCEL, "trace-x", Transport.LOCAL, "k-x");
    VisibilityException e =
        assertThrows(
            VisibilityException.class,
            () -> InvocationAuditTrail.of(s, VisibilityRules.hardened()).begin(c));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
  }
}
