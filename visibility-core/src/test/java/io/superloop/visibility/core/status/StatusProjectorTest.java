package io.superloop.visibility.core.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.status.HeartbeatSurface;
import io.superloop.visibility.api.status.InvocationAuditSurface;
import io.superloop.visibility.api.status.SequenceSurface;
import io.superloop.visibility.api.status.TraceSurface;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.status.internal.ImmutableStatusInputs;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The {@code visibility} object of contract 6.2 and 6.4 (each field's {@code x // y} source) under
 * {@code reference} rules, and H16 under {@code hardened} rules (booleans always present, the
 * heartbeat from one record, a newer failed row as {@code lastObservation}, {@code alertTraceId}
 * the newer of row and dispatch state, {@code distinctTraceIds}). Inputs are the shapes of
 * docs/artifact-contract.md's examples.
 */
class StatusProjectorTest {
  private static final StatusProjector REF = new StatusProjector(VisibilityRules.reference());
  private static final StatusProjector HARD = new StatusProjector(VisibilityRules.hardened());

  /** heartbeat.json: degraded, lag 150, trace hb-state, updated 12:00:00. */
  private static final HeartbeatState H =
      Codecs.HEARTBEAT_STATE.decode(
          "{\"schemaVersion\":\"v1\",\"updatedAt\":\"2026-03-01T12:00:00Z\",\"loopId\":\"demo-loop\",\"traceId\":\"hb-state\","
              + "\"transport\":\"local\",\"lastHeartbeatAt\":\"2026-03-01T11:57:30Z\",\"heartbeatLagSeconds\":150,"
              + "\"freshnessStatus\":\"degraded\",\"reasonCode\":\"runtime_heartbeat_stale\",\"thresholds\":"
              + "{\"degradedHeartbeatLagSeconds\":120,\"criticalHeartbeatLagSeconds\":300},\"heartbeat\":{}}");

  /** A fresh heartbeat.json (no reasonCode), updated 12:00:00. */
  private static final HeartbeatState H_FRESH =
      Codecs.HEARTBEAT_STATE.decode(
          "{\"schemaVersion\":\"v1\",\"updatedAt\":\"2026-03-01T12:00:00Z\",\"loopId\":\"demo-loop\",\"traceId\":\"hb-state\","
              + "\"transport\":\"local\",\"lastHeartbeatAt\":\"2026-03-01T11:59:30Z\",\"heartbeatLagSeconds\":30,"
              + "\"freshnessStatus\":\"fresh\",\"thresholds\":"
              + "{\"degradedHeartbeatLagSeconds\":120,\"criticalHeartbeatLagSeconds\":300},\"heartbeat\":{}}");

  /**
   * A failed heartbeat row at {@code at}: invalid_heartbeat_timestamp, trace hb-row,
   * sprite_service.
   */
  private static HeartbeatObservation failedRow(String at) {
    return Codecs.HEARTBEAT_OBSERVATION.decode(
        "{\"timestamp\":\""
            + at
            + "\",\"loopId\":\"demo-loop\",\"traceId\":\"hb-row\",\"transport\":\"sprite_service\","
            + "\"category\":\"runtime_heartbeat\",\"status\":\"failed\",\"reasonCode\":\"invalid_heartbeat_timestamp\","
            + "\"heartbeatAt\":\"1700000000\",\"heartbeat\":{\"timestamp\":1700000000}}");
  }

  /** A parsed (fresh) heartbeat row at 12:00:05 with lag 40. */
  private static final HeartbeatObservation FRESH_ROW =
      Codecs.HEARTBEAT_OBSERVATION.decode(
          "{\"timestamp\":\"2026-03-01T12:00:05Z\",\"loopId\":\"demo-loop\",\"traceId\":\"hb-row\",\"transport\":\"local\","
              + "\"category\":\"runtime_heartbeat\",\"status\":\"fresh\",\"heartbeatAt\":\"2026-03-01T11:59:25Z\","
              + "\"heartbeatLagSeconds\":40,\"heartbeat\":{}}");

  private static SequenceState seqState(boolean drift, String violations, String current) {
    return Codecs.SEQUENCE_STATE.decode(
        "{\"schemaVersion\":\"v1\",\"updatedAt\":\"2026-03-01T12:00:00Z\",\"loopId\":\"demo-loop\",\"traceId\":\"seq-state\","
            + "\"transport\":\"local\",\"status\":\""
            + (drift ? "ordering_drift_detected" : "ok")
            + "\","
            + (drift ? "\"reasonCode\":\"ordering_drift_detected\"," : "")
            + "\"driftActive\":"
            + drift
            + ",\"violations\":"
            + violations
            + ","
            + "\"snapshot\":{\"previous\":null,\"current\":"
            + current
            + ",\"monotonic\":true,\"regressed\":false,\"missing\":false},"
            + "\"events\":{\"ingestedCount\":0,\"previousLast\":null,\"first\":null,\"last\":null,\"monotonicWithinBatch\":true,"
            + "\"monotonicAcrossBatches\":true,\"regressed\":false,\"missing\":false},"
            + "\"transition\":{\"previousDriftActive\":false,\"transitionedToDrift\":false,\"recoveredFromDrift\":false}}");
  }

  private static SequenceObservation seqRow(boolean drift) {
    return Codecs.SEQUENCE_OBSERVATION.decode(
        "{\"timestamp\":\"2026-03-01T12:00:05Z\",\"loopId\":\"demo-loop\",\"traceId\":\"seq-row\",\"transport\":\"sprite_service\","
            + "\"category\":\"envelope_sequence\",\"status\":\""
            + (drift ? "ordering_drift_detected" : "ok")
            + "\","
            + (drift ? "\"reasonCode\":\"ordering_drift_detected\"," : "")
            + "\"driftActive\":"
            + drift
            + ",\"violations\":"
            + (drift ? "[\"event_sequence_missing\"]" : "[]")
            + ","
            + "\"snapshot\":{\"previous\":null,\"current\":9,\"monotonic\":true,\"regressed\":false,\"missing\":false},"
            + "\"events\":{\"ingestedCount\":2,\"previousLast\":null,\"first\":3,\"last\":4,\"monotonicWithinBatch\":true,"
            + "\"monotonicAcrossBatches\":true,\"regressed\":false,\"missing\":"
            + drift
            + "},"
            + "\"transition\":{\"previousDriftActive\":false,\"transitionedToDrift\":"
            + drift
            + ",\"recoveredFromDrift\":false}}");
  }

  private static ImmutableStatusInputs.Builder in() {
    return StatusInputs.builder();
  }

  private static HeartbeatSurface heartbeat(StatusProjector p, StatusInputs in) {
    return p.project(in).heartbeat().orElseThrow();
  }

  private static SequenceSurface sequence(StatusProjector p, StatusInputs in) {
    return p.project(in).sequence().orElseThrow();
  }

  // ------------------------------------------------------------------ 6.2 heartbeat

  @Test
  void noHeartbeatNoSequenceNoInvocationLeavesOnlyTheTrace() {
    for (StatusProjector p : List.of(REF, HARD)) {
      VisibilitySummary v = p.project(in().build());
      assertEquals(Optional.empty(), v.heartbeat());
      assertEquals(Optional.empty(), v.sequence());
      assertEquals(Optional.empty(), v.invocationAudit());
    }
  }

  /**
   * Only h: every field from the row (lag: a failed row has none); hardened adds lastObservation.
   */
  @Test
  void heartbeatFromTheRowAloneWhenThereIsNoState() {
    HeartbeatObservation h = failedRow("2026-03-01T12:00:05Z");
    for (StatusProjector p : List.of(REF, HARD)) {
      HeartbeatSurface s = heartbeat(p, in().lastHeartbeatRow(h).build());
      assertEquals(Optional.empty(), s.freshnessStatus());
      assertEquals(Optional.of(ReasonCode.INVALID_HEARTBEAT_TIMESTAMP), s.reasonCode());
      assertEquals(Optional.of("1700000000"), s.lastHeartbeatAt());
      assertEquals(OptionalLong.empty(), s.heartbeatLagSeconds());
      assertEquals(Optional.of("2026-03-01T12:00:05Z"), s.updatedAt());
      assertEquals(Optional.of(Transport.SPRITE_SERVICE), s.transport());
      assertEquals(Optional.of(TraceId.of("hb-row")), s.traceId());
      assertEquals(p == HARD, s.lastObservation().isPresent());
    }
    HeartbeatSurface fresh = heartbeat(REF, in().lastHeartbeatRow(FRESH_ROW).build());
    assertEquals(
        OptionalLong.of(40), fresh.heartbeatLagSeconds(), "h.heartbeatLagSeconds when H is null");
    assertFalse(
        heartbeat(HARD, in().lastHeartbeatRow(FRESH_ROW).build()).lastObservation().isPresent(),
        "only a failed row");
  }

  /**
   * H and a newer failed h: reference mixes (6.2 [verified]: H fresh + h
   * invalid_heartbeat_timestamp gives that reasonCode), hardened takes every field from H and shows
   * h as lastObservation.
   */
  @Test
  void aStateAndANewerFailedRow() {
    StatusInputs in =
        in().heartbeatState(H_FRESH).lastHeartbeatRow(failedRow("2026-03-01T12:00:05Z")).build();
    HeartbeatSurface ref = heartbeat(REF, in);
    assertEquals(Optional.of(FreshnessStatus.FRESH), ref.freshnessStatus());
    assertEquals(Optional.of(ReasonCode.INVALID_HEARTBEAT_TIMESTAMP), ref.reasonCode());
    assertEquals(OptionalLong.of(30), ref.heartbeatLagSeconds());
    assertEquals(Optional.of("2026-03-01T11:59:30Z"), ref.lastHeartbeatAt());
    assertEquals(Optional.of(TraceId.of("hb-state")), ref.traceId());
    assertEquals(Optional.empty(), ref.lastObservation());

    HeartbeatSurface hard = heartbeat(HARD, in);
    assertEquals(
        Optional.empty(),
        hard.reasonCode(),
        "H16: the reason code from the same record as the freshness");
    assertEquals(OptionalLong.of(30), hard.heartbeatLagSeconds());
    assertEquals(Optional.of("failed"), hard.lastObservation().orElseThrow().status());
    assertEquals(
        Optional.of(ReasonCode.INVALID_HEARTBEAT_TIMESTAMP),
        hard.lastObservation().orElseThrow().reasonCode());
    assertEquals(Optional.of("2026-03-01T12:00:05Z"), hard.lastObservation().orElseThrow().at());
  }

  /**
   * H16: only a failed row as new as the state or newer is shown; an older one, or a parsed one,
   * not.
   */
  @Test
  void hardenedShowsOnlyANewerFailedRow() {
    assertTrue(
        heartbeat(
                HARD,
                in().heartbeatState(H).lastHeartbeatRow(failedRow("2026-03-01T12:00:00Z")).build())
            .lastObservation()
            .isPresent());
    assertFalse(
        heartbeat(
                HARD,
                in().heartbeatState(H).lastHeartbeatRow(failedRow("2026-03-01T11:59:59Z")).build())
            .lastObservation()
            .isPresent());
    assertFalse(
        heartbeat(HARD, in().heartbeatState(H).lastHeartbeatRow(FRESH_ROW).build())
            .lastObservation()
            .isPresent());
    // by instant, not by text: 13:00:00+01:00 is 12:00:00Z, as new as the state
    assertTrue(
        heartbeat(
                HARD,
                in().heartbeatState(H)
                    .lastHeartbeatRow(failedRow("2026-03-01T13:00:00+01:00"))
                    .build())
            .lastObservation()
            .isPresent());
  }

  // ------------------------------------------------------------------ 6.2 sequence

  /**
   * S present: its violations even when empty (6.2: "S.violations if non-null ... empty array
   * kept").
   */
  @Test
  void sequenceFromTheStateFirst() {
    StatusInputs in =
        in().sequenceState(seqState(false, "[]", "null")).lastSequenceRow(seqRow(true)).build();
    for (StatusProjector p : List.of(REF, HARD)) {
      SequenceSurface s = sequence(p, in);
      assertEquals(Optional.of("ok"), s.status());
      assertEquals(Optional.of(List.of()), s.violations());
      assertEquals(
          OptionalLong.of(9), s.snapshotCurrent(), "S.snapshot.current // s.snapshot.current");
      assertEquals(OptionalLong.of(4), s.eventsLast(), "S.events.last // s.events.last");
      assertEquals(
          Optional.of(ReasonCode.ORDERING_DRIFT_DETECTED),
          s.reasonCode(),
          "S.reasonCode // s.reasonCode");
      assertEquals(Optional.of(TraceId.of("seq-state")), s.traceId());
    }
    // reference: "S.driftActive if truthy else s.driftActive if truthy": the row's true shows
    assertEquals(Optional.of(true), sequence(REF, in).driftActive());
    // hardened: from the state, false included
    assertEquals(Optional.of(false), sequence(HARD, in).driftActive());
  }

  @Test
  void sequenceFromTheRowAloneWhenThereIsNoState() {
    StatusInputs drift = in().lastSequenceRow(seqRow(true)).build();
    for (StatusProjector p : List.of(REF, HARD)) {
      SequenceSurface s = sequence(p, drift);
      assertEquals(Optional.of("ordering_drift_detected"), s.status());
      assertEquals(Optional.of(List.of("event_sequence_missing")), s.violations());
      assertEquals(OptionalLong.of(9), s.snapshotCurrent());
      assertEquals(Optional.of("2026-03-01T12:00:05Z"), s.updatedAt());
      assertEquals(Optional.of(Transport.SPRITE_SERVICE), s.transport());
      assertEquals(Optional.of(true), s.driftActive());
    }
    StatusInputs ok = in().lastSequenceRow(seqRow(false)).build();
    assertEquals(
        Optional.empty(), sequence(REF, ok).driftActive(), "reference: present only when true");
    assertEquals(Optional.of(false), sequence(HARD, ok).driftActive(), "H16: always present");
    StatusInputs state =
        in().sequenceState(seqState(true, "[\"event_sequence_missing\"]", "7")).build();
    assertEquals(Optional.of(true), sequence(REF, state).driftActive());
    assertEquals(OptionalLong.of(7), sequence(REF, state).snapshotCurrent());
  }

  // ------------------------------------------------------------------ 6.2 invocation audit

  @Test
  void invocationAuditAndInFlight() {
    var invocation =
        Codecs.CONTROL_INVOCATION.decode(
            "{\"schemaVersion\":\"v1\",\"timestamp\":\"2026-03-01T12:00:00Z\",\"startedAt\":\"2026-03-01T11:59:58Z\",\"loopId\":\"demo-loop\","
                + "\"intent\":\"cancel\",\"traceId\":\"inv\",\"transport\":\"local\",\"requestedBy\":\"ops-user\",\"idempotencyKey\":\"k1\","
                + "\"request\":{\"doConfirm\":true,\"timeoutSeconds\":30,\"intervalSeconds\":2,\"retryAttempts\":3,\"retryBackoffSeconds\":1},"
                + "\"execution\":{\"status\":\"succeeded\",\"exitCode\":0,\"command\":\"c\",\"replayed\":false},"
                + "\"confirmation\":{\"attempted\":true,\"status\":\"confirmed\",\"exitCode\":0},"
                + "\"outcome\":{\"status\":\"confirmed\",\"confirmed\":true,\"durationSeconds\":2}}");
    var started =
        Codecs.IN_FLIGHT_ROW.decode(
            "{\"timestamp\":\"2026-03-01T12:01:00Z\",\"loopId\":\"demo-loop\",\"intent\":\"approve\",\"traceId\":\"fl\","
                + "\"transport\":\"local\",\"requestedBy\":\"ops-user\",\"idempotencyKey\":\"k2\",\"phase\":\"started\"}");
    InvocationAuditSurface ref =
        REF.project(in().lastInvocation(invocation).lastStarted(started).build())
            .invocationAudit()
            .orElseThrow();
    assertEquals(Optional.empty(), ref.replayed(), "reference: replayed present only when true");
    assertEquals(Optional.empty(), ref.inFlight());
    InvocationAuditSurface hard =
        HARD.project(in().lastInvocation(invocation).lastStarted(started).build())
            .invocationAudit()
            .orElseThrow();
    assertEquals(Optional.of(false), hard.replayed());
    assertEquals(
        Optional.of(true),
        hard.inFlight(),
        "a started row with no known completion is in flight (H5)");
    assertEquals(
        Optional.of(false),
        HARD.project(
                in().lastInvocation(invocation)
                    .lastStarted(started)
                    .lastStartedCompleted(true)
                    .build())
            .invocationAudit()
            .orElseThrow()
            .inFlight());
    // only a started row: the surface shows it, in flight
    InvocationAuditSurface only =
        HARD.project(in().lastStarted(started).build()).invocationAudit().orElseThrow();
    assertEquals(Optional.of("approve"), only.intent());
    assertEquals(Optional.of(true), only.inFlight());
    assertEquals(
        Optional.empty(), REF.project(in().lastStarted(started).build()).invocationAudit());
  }

  // ------------------------------------------------------------------ 6.4 trace

  private static final TraceId A = TraceId.of("trace-a");
  private static final TraceId B = TraceId.of("trace-b");

  @Test
  void controlTraceIsTheIntentsRowsElseTheControlRows() {
    var intent =
        Codecs.INTENT_ROW.decode(
            "{\"timestamp\":\"t\",\"loopId\":\"l\",\"intent\":\"cancel\",\"traceId\":\"trace-a\",\"status\":\"confirmed\"}");
    var intentNoTrace =
        Codecs.INTENT_ROW.decode(
            "{\"timestamp\":\"t\",\"loopId\":\"l\",\"intent\":\"cancel\",\"status\":\"confirmed\"}");
    var control =
        Codecs.CONTROL_ROW.decode(
            "{\"timestamp\":\"t\",\"startedAt\":\"t\",\"loopId\":\"l\",\"intent\":\"cancel\",\"traceId\":\"trace-b\","
                + "\"transport\":\"local\",\"status\":\"confirmed\",\"idempotencyKey\":\"k\",\"requestedBy\":\"u\",\"exitCode\":0,"
                + "\"confirmExitCode\":0,\"confirmed\":true,\"durationSeconds\":0,\"retryAttempts\":0,\"retryBackoffSeconds\":0}");
    assertEquals(
        Optional.of(A),
        REF.project(in().lastIntent(intent).lastControlRow(control).build())
            .trace()
            .controlTraceId());
    assertEquals(
        Optional.of(B),
        REF.project(in().lastIntent(intentNoTrace).lastControlRow(control).build())
            .trace()
            .controlTraceId());
    assertEquals(
        Optional.of(B), REF.project(in().lastControlRow(control).build()).trace().controlTraceId());
  }

  /** sharedTraceId: one distinct value among control, reconcile, alert, heartbeat, sequence. */
  @Test
  void sharedAndDistinctTraceIds() {
    TraceSurface one = HARD.project(in().reconcileTraceId(A).alertRowTraceId(A).build()).trace();
    assertEquals(Optional.of(A), one.sharedTraceId());
    assertEquals(OptionalLong.of(1), one.distinctTraceIds());
    TraceSurface two = HARD.project(in().reconcileTraceId(A).alertRowTraceId(B).build()).trace();
    assertEquals(Optional.empty(), two.sharedTraceId());
    assertEquals(OptionalLong.of(2), two.distinctTraceIds());
    assertEquals(
        Optional.empty(),
        HARD.project(in().build()).trace().sharedTraceId(),
        "none present: none shared");
    // the invocation's trace is not in sharedTraceId's set (6.4) but is one of the distinct ids
    // (H16)
    var invocation =
        Codecs.CONTROL_INVOCATION.decode(
            "{\"schemaVersion\":\"v1\",\"timestamp\":\"t\",\"startedAt\":\"t\",\"loopId\":\"l\",\"intent\":\"cancel\","
                + "\"traceId\":\"trace-c\",\"transport\":\"local\",\"requestedBy\":\"u\",\"idempotencyKey\":\"k\","
                + "\"request\":{\"doConfirm\":true,\"timeoutSeconds\":30,\"intervalSeconds\":2,\"retryAttempts\":3,\"retryBackoffSeconds\":1},"
                + "\"execution\":{\"status\":\"succeeded\",\"exitCode\":0,\"command\":\"c\",\"replayed\":false},"
                + "\"confirmation\":{\"attempted\":true,\"status\":\"confirmed\",\"exitCode\":0},"
                + "\"outcome\":{\"status\":\"confirmed\",\"confirmed\":true,\"durationSeconds\":0}}");
    TraceSurface withInvocation =
        HARD.project(in().reconcileTraceId(A).lastInvocation(invocation).build()).trace();
    assertEquals(Optional.of(A), withInvocation.sharedTraceId());
    assertEquals(OptionalLong.of(2), withInvocation.distinctTraceIds());
    assertEquals(
        OptionalLong.empty(),
        REF.project(in().reconcileTraceId(A).build()).trace().distinctTraceIds());
  }

  /**
   * 6.4: alertTraceId = A.traceId // D.traceId; H16: the newer of the two, the dispatch state on a
   * tie.
   */
  @Test
  void alertTraceIsTheRowsUnderReferenceAndTheNewerUnderHardened() {
    ImmutableStatusInputs.Builder older =
        in().alertRowTraceId(A).alertRowTimestamp("2026-03-01T12:00:00Z").dispatchTraceId(B);
    assertEquals(
        Optional.of(A),
        REF.project(older.dispatchUpdatedAt("2026-03-01T12:00:05Z").build())
            .trace()
            .alertTraceId());
    assertEquals(
        Optional.of(B),
        HARD.project(older.dispatchUpdatedAt("2026-03-01T12:00:05Z").build())
            .trace()
            .alertTraceId());
    assertEquals(
        Optional.of(B),
        HARD.project(older.dispatchUpdatedAt("2026-03-01T12:00:00Z").build())
            .trace()
            .alertTraceId(),
        "tie");
    assertEquals(
        Optional.of(A),
        HARD.project(older.dispatchUpdatedAt("2026-03-01T11:59:59Z").build())
            .trace()
            .alertTraceId());
    // compared as instants: 12:30:00+01:00 is 11:30:00Z, older than the row
    assertEquals(
        Optional.of(A),
        HARD.project(older.dispatchUpdatedAt("2026-03-01T12:30:00+01:00").build())
            .trace()
            .alertTraceId());
    // unparseable: compared as text
    assertEquals(
        Optional.of(B),
        HARD.project(older.dispatchUpdatedAt("zzz").build()).trace().alertTraceId());
    assertEquals(
        Optional.of(A),
        HARD.project(older.dispatchUpdatedAt("000").build()).trace().alertTraceId());
    assertEquals(
        Optional.of(B),
        HARD.project(
                in().alertRowTraceId(A)
                    .alertRowTimestamp("x")
                    .dispatchTraceId(B)
                    .dispatchUpdatedAt("x")
                    .build())
            .trace()
            .alertTraceId(),
        "a tie of unparseable times: the dispatch state");
    assertEquals(
        Optional.of(B), HARD.project(in().dispatchTraceId(B).build()).trace().alertTraceId());
  }
}
