package io.superloop.visibility.core.reconcile;

import static io.superloop.visibility.core.reconcile.ScenarioLoop.LAX;
import static io.superloop.visibility.core.reconcile.ScenarioLoop.LAX_HB_1_HUGE;
import static io.superloop.visibility.core.reconcile.ScenarioLoop.STALE_HEARTBEAT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.health.HealthReason;
import io.superloop.visibility.api.health.HealthStatus;
import io.superloop.visibility.api.health.IngestStatus;
import io.superloop.visibility.api.health.Severity;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatObservationStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.SequenceStatus;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.api.status.HeartbeatSurface;
import io.superloop.visibility.api.status.SequenceSurface;
import io.superloop.visibility.api.status.TraceSurface;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.time.Timestamps;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-loop scenarios of contract section 8 in the library's terms, under {@code reference}
 * rules (notes-on-issues, issue 3), driven through {@link ReconcileStep}, {@link
 * io.superloop.visibility.core.store.LoopStore} and {@link
 * io.superloop.visibility.core.status.StatusProjector}. Scenarios 24-27 also assert the {@code
 * hardened} outcome. Skipped: 2 and 21 (control audit rows, another helper), 4's control parts,
 * 6-14 and 19-20, 22 (fleet, service HTTP, alerts: not one-loop core). Every expected value is
 * quoted from the spec.
 */
class Section8ScenariosTest {
  private static final VisibilityRules REF = VisibilityRules.reference();
  private static final VisibilityRules HARD = VisibilityRules.hardened();

  /** "TS=now": the fixed manager clock of these runs. */
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  private static final String TS = Timestamps.format(NOW);

  /**
   * Contract 2.2 step 6: lag = now_epoch - heartbeat_epoch, for the stale heartbeat of 2020-01-01.
   */
  private static long staleLag(Instant now) {
    return now.getEpochSecond() - Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
  }

  private static ScenarioLoop loop(Path dir, Transport transport, VisibilityRules rules) {
    return new ScenarioLoop(dir.resolve(transport.wire()), transport, rules);
  }

  private static TraceId trace(String s) {
    return TraceId.of(s);
  }

  // ---------------------------------------------------------------------------------------------
  // 1

  /**
   * Contract 8.1: "Reconcile --from-start --trace-id trace-vis-baseline-1 + lax ingest (exit 0).
   * Truncate events.jsonl to its first line. Reconcile --from-start --trace-id trace-vis-drift-1 +
   * lax ingest + Hb 1/huge (exit 0). Status: visibility.heartbeat.freshnessStatus == "degraded";
   * .reasonCode == "runtime_heartbeat_stale"; visibility.sequence.status ==
   * "ordering_drift_detected"; .driftActive == true; violations contain
   * snapshot_sequence_regression and event_sequence_regression; visibility.trace.reconcileTraceId,
   * .heartbeatTraceId, .sequenceTraceId, .sharedTraceId all == "trace-vis-drift-1"."
   */
  @Test
  void scenario01StaleHeartbeatAndOrderingDriftWithTraceLinkage(@TempDir Path dir) {
    ScenarioLoop loop =
        loop(dir, Transport.LOCAL, REF).writeRuntimeArtifacts(TS).writeHeartbeat(STALE_HEARTBEAT);
    StepResult baseline = loop.reconcile("trace-vis-baseline-1", true, NOW, LAX);
    assertEquals(IngestStatus.SUCCESS, baseline.reconcileRow().status());
    loop.truncateEventsToFirstLine();
    Instant now = NOW.plusSeconds(30);
    StepResult drift = loop.reconcile("trace-vis-drift-1", true, now, LAX_HB_1_HUGE);
    assertEquals(IngestStatus.SUCCESS, drift.reconcileRow().status());

    VisibilitySummary v = loop.status();
    HeartbeatSurface hb = v.heartbeat().orElseThrow();
    assertEquals(Optional.of(FreshnessStatus.DEGRADED), hb.freshnessStatus());
    assertEquals(Optional.of(ReasonCode.RUNTIME_HEARTBEAT_STALE), hb.reasonCode());
    // 6.3 observed example: "lastHeartbeatAt":"2020-01-01T00:00:00Z", lag = now - heartbeat (2.2
    // step 6)
    assertEquals(Optional.of("2020-01-01T00:00:00Z"), hb.lastHeartbeatAt());
    assertEquals(OptionalLong.of(staleLag(now)), hb.heartbeatLagSeconds());
    SequenceSurface seq = v.sequence().orElseThrow();
    assertEquals(Optional.of("ordering_drift_detected"), seq.status());
    assertEquals(Optional.of(ReasonCode.ORDERING_DRIFT_DETECTED), seq.reasonCode());
    assertEquals(Optional.of(true), seq.driftActive());
    // 6.3:
    // "violations":["event_sequence_regression","snapshot_sequence_regression"],"snapshotCurrent":1,"eventsLast":1
    assertEquals(
        Optional.of(List.of("event_sequence_regression", "snapshot_sequence_regression")),
        seq.violations());
    assertEquals(OptionalLong.of(1), seq.snapshotCurrent());
    assertEquals(OptionalLong.of(1), seq.eventsLast());
    TraceSurface t = v.trace();
    TraceId expected = trace("trace-vis-drift-1");
    assertEquals(Optional.of(expected), t.reconcileTraceId());
    assertEquals(Optional.of(expected), t.heartbeatTraceId());
    assertEquals(Optional.of(expected), t.sequenceTraceId());
    assertEquals(Optional.of(expected), t.sharedTraceId());
    // (reference also yields health reasonCodes divergence_detected, ordering_drift_detected,
    // runtime_heartbeat_stale; divergence is the projection's input, not modelled here)
    Health health = loop.health().orElseThrow();
    assertEquals(HealthStatus.DEGRADED, health.status());
    assertEquals(
        List.of(ReasonCode.ORDERING_DRIFT_DETECTED, ReasonCode.RUNTIME_HEARTBEAT_STALE),
        health.reasonCodes());
  }

  // ---------------------------------------------------------------------------------------------
  // 3

  /**
   * Contract 8.3 (without its control part, which needs audit rows): two repos, stale heartbeat in
   * both; baseline reconcile --from-start trace-vis-parity-baseline-1; truncate both events files
   * to one line; reconcile both --from-start trace-vis-parity-1 + lax ingest + Hb 1/huge. "Assert:
   * sorted health.reasonCodes equal; summary projection equal:
   * {heartbeat:{freshnessStatus,reasonCode}, sequence:{status,reasonCode,driftActive, violations
   * sorted}, ... trace:{...reconcileTraceId, heartbeatTraceId, sequenceTraceId,sharedTraceId}};
   * visibility.trace.sharedTraceId == "trace-vis-parity-1" in both. (Reference values: degraded;
   * [divergence_detected, ordering_drift_detected, runtime_heartbeat_stale] ...)".
   */
  @Test
  void scenario03LocalAndSpriteServiceParityForReasonSurfaces(@TempDir Path dir) {
    List<VisibilitySummary> summaries = new ArrayList<>();
    List<Health> healths = new ArrayList<>();
    for (Transport transport : List.of(Transport.LOCAL, Transport.SPRITE_SERVICE)) {
      ScenarioLoop loop =
          loop(dir, transport, REF).writeRuntimeArtifacts(TS).writeHeartbeat(STALE_HEARTBEAT);
      loop.reconcile("trace-vis-parity-baseline-1", true, NOW, LAX);
      loop.truncateEventsToFirstLine();
      loop.reconcile("trace-vis-parity-1", true, NOW.plusSeconds(5), LAX_HB_1_HUGE);
      summaries.add(loop.status());
      healths.add(loop.health().orElseThrow());
      assertEquals(
          Optional.of(trace("trace-vis-parity-1")),
          loop.status().trace().sharedTraceId(),
          transport.wire());
      // 7.3: every transport field differs
      assertEquals(Optional.of(transport), loop.status().heartbeat().orElseThrow().transport());
    }
    assertEquals(healths.get(0).status(), healths.get(1).status());
    assertEquals(HealthStatus.DEGRADED, healths.get(0).status());
    assertEquals(healths.get(0).reasonCodes(), healths.get(1).reasonCodes());
    assertEquals(
        List.of(ReasonCode.ORDERING_DRIFT_DETECTED, ReasonCode.RUNTIME_HEARTBEAT_STALE),
        healths.get(0).reasonCodes());
    assertEquals(projection(summaries.get(0)), projection(summaries.get(1)));
  }

  /** The parity projection of contract 8.3 / 7.2 (absent and null compare equal). */
  private static List<Object> projection(VisibilitySummary v) {
    HeartbeatSurface hb = v.heartbeat().orElseThrow();
    SequenceSurface seq = v.sequence().orElseThrow();
    TraceSurface t = v.trace();
    return List.of(
        hb.freshnessStatus(),
        hb.reasonCode(),
        seq.status(),
        seq.reasonCode(),
        seq.driftActive(),
        seq.violations().orElse(List.of()),
        t.controlTraceId(),
        t.controlInvocationTraceId(),
        t.reconcileTraceId(),
        t.heartbeatTraceId(),
        t.sequenceTraceId(),
        t.sharedTraceId());
  }

  // ---------------------------------------------------------------------------------------------
  // 4 (only its reconcile part: the control actions belong to the audit trail)

  /**
   * Contract 8.4's reconcile part: "two repos, TS=now, no heartbeat ... Reconcile both --trace-id
   * trace-vis-autonomous-1 + lax ingest." Before any control action the asserted projection
   * {trace:{controlInvocationTraceId, sharedTraceId}} is equal across transports; by 6.2
   * visibility.heartbeat is omitted when H and h are both null, invocationAudit when I is null; by
   * 6.4 sharedTraceId is the one distinct trace.
   */
  @Test
  void scenario04ReconcilePartWithoutControlActions(@TempDir Path dir) {
    List<List<Object>> projections = new ArrayList<>();
    for (Transport transport : List.of(Transport.LOCAL, Transport.SPRITE_SERVICE)) {
      ScenarioLoop loop = loop(dir, transport, REF).writeRuntimeArtifacts(TS);
      loop.reconcile("trace-vis-autonomous-1", false, NOW, LAX);
      VisibilitySummary v = loop.status();
      assertEquals(Optional.empty(), v.heartbeat());
      assertEquals(Optional.empty(), v.invocationAudit());
      assertEquals(Optional.of(trace("trace-vis-autonomous-1")), v.trace().sharedTraceId());
      projections.add(List.of(v.trace().controlInvocationTraceId(), v.trace().sharedTraceId()));
    }
    assertEquals(projections.get(0), projections.get(1));
  }

  // ---------------------------------------------------------------------------------------------
  // 5

  /**
   * Contract 8.5: "two EMPTY repos (no runtime artifacts) ... Reconcile local and sprite_service
   * with --trace-id trace-vis-failure-parity-1, both exit != 0. ... Assert health.status ==
   * "degraded" both; sorted reasonCodes equal and contain transport_unreachable;
   * reconcile.lastStatus=="failed" both;
   * visibility.trace.reconcileTraceId=="trace-vis-failure-parity-1" both." 7.3: failure codes
   * differ (local *_unavailable vs sprite service_request_failed), "both fold to the same health
   * reason transport_unreachable".
   */
  @Test
  void scenario05FailedReconcileParity(@TempDir Path dir) {
    List<Health> healths = new ArrayList<>();
    for (Transport transport : List.of(Transport.LOCAL, Transport.SPRITE_SERVICE)) {
      ScenarioLoop loop = loop(dir, transport, REF);
      StepResult r =
          loop.reconcile("trace-vis-failure-parity-1", false, NOW, StepInput.DEFAULT_THRESHOLDS);
      assertEquals(IngestStatus.FAILED, r.reconcileRow().status(), transport.wire());
      Health health = loop.health().orElseThrow();
      assertEquals(HealthStatus.DEGRADED, health.status());
      assertTrue(health.reasonCodes().contains(ReasonCode.TRANSPORT_UNREACHABLE));
      healths.add(health);
      assertEquals(IngestStatus.FAILED, loop.lastReconcileRow().orElseThrow().status());
      assertEquals(
          Optional.of(trace("trace-vis-failure-parity-1")),
          loop.status().trace().reconcileTraceId());
      // 1.12: sequenceStatus "skipped_ingest_failed" when the ingest failed
      assertEquals("skipped_ingest_failed", r.reconcileRow().sequenceStatus().wire());
    }
    assertEquals(healths.get(0).reasonCodes(), healths.get(1).reasonCodes());
  }

  // ---------------------------------------------------------------------------------------------
  // 15, 16

  /**
   * Contract 8.15: "baseline --from-start --trace-id trace-seq-baseline-1; rewrite events.jsonl to
   * one loop_start line; reconcile --from-start --trace-id trace-seq-drift-1:
   * health.status=="degraded", health.traceId=="trace-seq-drift-1", reasonCodes contain
   * ordering_drift_detected; sequence-state driftActive==true, traceId=="trace-seq-drift-1",
   * violations contain both regressions; status visibility.sequence.status/driftActive/traceId,
   * visibility.trace.sequenceTraceId as expected; last escalation category=="health_degraded",
   * traceId=="trace-seq-drift-1"."
   */
  @Test
  void scenario15OrderingDriftDegradesHealthWithSequenceDiagnostics(@TempDir Path dir) {
    ScenarioLoop loop = loop(dir, Transport.LOCAL, REF).writeRuntimeArtifacts(TS);
    loop.reconcile("trace-seq-baseline-1", true, NOW, StepInput.DEFAULT_THRESHOLDS);
    loop.writeEvents(ScenarioLoop.loopStart(TS));
    loop.reconcile("trace-seq-drift-1", true, NOW.plusSeconds(10), StepInput.DEFAULT_THRESHOLDS);
    TraceId t = trace("trace-seq-drift-1");

    Health health = loop.health().orElseThrow();
    assertEquals(HealthStatus.DEGRADED, health.status());
    assertEquals(Optional.of(t), health.traceId());
    assertTrue(health.reasonCodes().contains(ReasonCode.ORDERING_DRIFT_DETECTED));
    // 3.6: {code, severity:"degraded", metric:"sequence.status", observed:<status>, threshold:"ok"}
    HealthReason drift =
        health.reasons().stream()
            .filter(r -> r.code().equals(ReasonCode.ORDERING_DRIFT_DETECTED))
            .findFirst()
            .orElseThrow();
    assertEquals(Severity.DEGRADED, drift.severity());
    assertEquals(Optional.of("sequence.status"), drift.metric());
    assertEquals(Optional.of("ordering_drift_detected"), drift.observed());
    assertEquals(Optional.of("ok"), drift.threshold());

    SequenceState s = loop.sequenceState().orElseThrow();
    assertTrue(s.driftActive());
    assertEquals(Optional.of(t), s.traceId());
    assertTrue(
        s.violations()
            .containsAll(
                List.of(
                    ViolationCode.EVENT_SEQUENCE_REGRESSION,
                    ViolationCode.SNAPSHOT_SEQUENCE_REGRESSION)));

    VisibilitySummary v = loop.status();
    assertEquals(Optional.of("ordering_drift_detected"), v.sequence().orElseThrow().status());
    assertEquals(Optional.of(true), v.sequence().orElseThrow().driftActive());
    assertEquals(Optional.of(t), v.sequence().orElseThrow().traceId());
    assertEquals(Optional.of(t), v.trace().sequenceTraceId());

    List<EscalationRow> escalations = loop.escalations();
    EscalationRow last = escalations.get(escalations.size() - 1);
    assertEquals(ReasonCode.HEALTH_DEGRADED, last.category());
    assertEquals(Optional.of(t), last.traceId());
    // 1.14 order within one reconcile: ordering drift -> health; 3.6: escalation only on
    // transitionedToDrift
    EscalationRow beforeLast = escalations.get(escalations.size() - 2);
    assertEquals(ReasonCode.ORDERING_DRIFT_DETECTED, beforeLast.category());
    assertEquals(Optional.of(t), beforeLast.traceId());
  }

  /**
   * Contract 8.16: "same flow on two repos; health status + sorted reasonCodes equal;
   * sequence-state {status, driftActive, violations sorted} equal."
   */
  @Test
  void scenario16OrderingDriftParity(@TempDir Path dir) {
    List<List<Object>> projections = new ArrayList<>();
    for (Transport transport : List.of(Transport.LOCAL, Transport.SPRITE_SERVICE)) {
      ScenarioLoop loop = loop(dir, transport, REF).writeRuntimeArtifacts(TS);
      loop.reconcile("trace-seq-baseline-1", true, NOW, StepInput.DEFAULT_THRESHOLDS);
      loop.writeEvents(ScenarioLoop.loopStart(TS));
      loop.reconcile("trace-seq-drift-1", true, NOW.plusSeconds(10), StepInput.DEFAULT_THRESHOLDS);
      Health h = loop.health().orElseThrow();
      SequenceState s = loop.sequenceState().orElseThrow();
      assertEquals(transport, s.transport());
      projections.add(
          List.of(h.status(), h.reasonCodes(), s.status(), s.driftActive(), s.violations()));
    }
    assertEquals(projections.get(0), projections.get(1));
    assertEquals(SequenceStatus.ORDERING_DRIFT_DETECTED, projections.get(0).get(2));
  }

  // ---------------------------------------------------------------------------------------------
  // 17, 18

  /**
   * Contract 8.17: "stale heartbeat, lax ingest, Hb 1/huge: health.status=="degraded", reasonCodes
   * exactly ["runtime_heartbeat_stale"]; heartbeat.json freshnessStatus=="degraded"; last
   * heartbeat.jsonl status=="degraded"; status visibility.heartbeat.freshnessStatus=="degraded",
   * .reasonCode=="runtime_heartbeat_stale", .lastHeartbeatAt=="2020-01-01T00:00:00Z"."
   */
  @Test
  void scenario17HeartbeatTelemetryAndRuntimeHeartbeatStale(@TempDir Path dir) {
    ScenarioLoop loop =
        loop(dir, Transport.LOCAL, REF).writeRuntimeArtifacts(TS).writeHeartbeat(STALE_HEARTBEAT);
    loop.reconcile("trace-hb-1", false, NOW, LAX_HB_1_HUGE);
    Health health = loop.health().orElseThrow();
    assertEquals(HealthStatus.DEGRADED, health.status());
    assertEquals(List.of(ReasonCode.RUNTIME_HEARTBEAT_STALE), health.reasonCodes());
    // 2.5: observed "<lag>", threshold "<degraded>" as strings
    HealthReason r = health.reasons().get(0);
    assertEquals(Optional.of("heartbeatLagSeconds"), r.metric());
    assertEquals(Optional.of(Long.toString(staleLag(NOW))), r.observed());
    assertEquals(Optional.of("1"), r.threshold());
    HeartbeatState state = loop.heartbeatState().orElseThrow();
    assertEquals(FreshnessStatus.DEGRADED, state.freshnessStatus());
    assertEquals(Optional.of(ReasonCode.RUNTIME_HEARTBEAT_STALE), state.reasonCode());
    // 1.2: the runtime heartbeat passes through unchanged
    assertEquals(Json.parse(STALE_HEARTBEAT), state.heartbeat());
    HeartbeatObservation row = loop.lastHeartbeatRow().orElseThrow();
    assertEquals(HeartbeatObservationStatus.DEGRADED, row.status());
    // 1.4 (a): "timestamp here equals heartbeat.json.updatedAt of the same run"
    assertEquals(state.updatedAt(), row.timestamp());
    HeartbeatSurface hb = loop.status().heartbeat().orElseThrow();
    assertEquals(Optional.of(FreshnessStatus.DEGRADED), hb.freshnessStatus());
    assertEquals(Optional.of(ReasonCode.RUNTIME_HEARTBEAT_STALE), hb.reasonCode());
    assertEquals(Optional.of("2020-01-01T00:00:00Z"), hb.lastHeartbeatAt());
  }

  /**
   * Contract 8.18: "both transports: health status/reasonCodes equal; heartbeat.json
   * {freshnessStatus, reasonCode} equal."
   */
  @Test
  void scenario18HeartbeatStaleParity(@TempDir Path dir) {
    List<List<Object>> projections = new ArrayList<>();
    for (Transport transport : List.of(Transport.LOCAL, Transport.SPRITE_SERVICE)) {
      ScenarioLoop loop =
          loop(dir, transport, REF).writeRuntimeArtifacts(TS).writeHeartbeat(STALE_HEARTBEAT);
      loop.reconcile("trace-hb-parity-1", false, NOW, LAX_HB_1_HUGE);
      Health h = loop.health().orElseThrow();
      HeartbeatState s = loop.heartbeatState().orElseThrow();
      // 2.1: "the heartbeat object is byte-identical pass-through"
      assertEquals(Json.parse(STALE_HEARTBEAT), s.heartbeat());
      projections.add(List.of(h.status(), h.reasonCodes(), s.freshnessStatus(), s.reasonCode()));
    }
    assertEquals(projections.get(0), projections.get(1));
    assertEquals(
        List.of(
            HealthStatus.DEGRADED,
            List.of(ReasonCode.RUNTIME_HEARTBEAT_STALE),
            FreshnessStatus.DEGRADED,
            Optional.of(ReasonCode.RUNTIME_HEARTBEAT_STALE)),
        projections.get(0));
  }

  // ---------------------------------------------------------------------------------------------
  // 23-26 (heartbeat variants), reference and hardened

  /**
   * Contract 8.23: "Heartbeat {"updatedAt":"2020-01-01T00:00:00Z"} only -> used as timestamp
   * (fallback)." 2.2 step 3: timestamp, else updatedAt. Default thresholds 120/300 (2.3): critical.
   * The same under both presets.
   */
  @Test
  void scenario23UpdatedAtFallback(@TempDir Path dir) {
    for (VisibilityRules rules : List.of(REF, HARD)) {
      ScenarioLoop loop =
          loop(dir.resolve(rules.name()), Transport.LOCAL, rules)
              .writeRuntimeArtifacts(TS)
              .writeHeartbeat("{\"updatedAt\":\"2020-01-01T00:00:00Z\"}");
      StepResult r = loop.reconcile("trace-23", false, NOW, StepInput.DEFAULT_THRESHOLDS);
      HeartbeatState s = loop.heartbeatState().orElseThrow();
      assertEquals("2020-01-01T00:00:00Z", s.lastHeartbeatAt(), rules.name());
      assertEquals(staleLag(NOW), s.heartbeatLagSeconds());
      assertEquals(FreshnessStatus.CRITICAL, s.freshnessStatus());
      assertEquals(
          HeartbeatObservationStatus.CRITICAL, r.heartbeat().observation().orElseThrow().status());
      assertEquals(HealthStatus.CRITICAL, loop.health().orElseThrow().status());
    }
  }

  /**
   * Contract 8.24: "Heartbeat timestamp with millis / +00:00 / number -> row
   * failed/invalid_heartbeat_timestamp; heartbeat.json unchanged." (1.4 (c): heartbeatAt is "the
   * raw value rendered as text, e.g. "1700000000" for a number".) Hardened: H8 parses millis and
   * offsets; a number stays invalid, and H10 rewrites heartbeat.json with the lag at evaluation
   * time and adds the degraded health reason invalid_heartbeat_timestamp.
   */
  @Test
  void scenario24InvalidHeartbeatTimestamps(@TempDir Path dir) {
    String[][] cases = {
      // heartbeat JSON, heartbeatAt text, valid under hardened
      {"{\"timestamp\":\"2026-11-24T12:00:50.123Z\"}", "2026-11-24T12:00:50.123Z", "true"},
      {"{\"timestamp\":\"2026-11-24T12:00:50+00:00\"}", "2026-11-24T12:00:50+00:00", "true"},
      {"{\"timestamp\":1700000000}", "1700000000", "false"},
    };
    Instant later = NOW.plusSeconds(100);
    int i = 0;
    for (String[] c : cases) {
      i++;
      for (VisibilityRules rules : List.of(REF, HARD)) {
        ScenarioLoop loop =
            loop(dir.resolve(i + rules.name()), Transport.LOCAL, rules)
                .writeRuntimeArtifacts(TS)
                .writeHeartbeat("{\"timestamp\":\"" + TS + "\"}");
        loop.reconcile("trace-24-a", false, NOW, StepInput.DEFAULT_THRESHOLDS);
        byte[] before = loop.heartbeatStateBytes();
        loop.writeHeartbeat(c[0]);
        StepResult r = loop.reconcile("trace-24-b", false, later, StepInput.DEFAULT_THRESHOLDS);
        HeartbeatObservation row = loop.lastHeartbeatRow().orElseThrow();
        Health health = loop.health().orElseThrow();
        String what = c[0] + " " + rules.name();
        if (rules == REF || c[2].equals("false")) {
          assertEquals(HeartbeatObservationStatus.FAILED, row.status(), what);
          assertEquals(Optional.of(ReasonCode.INVALID_HEARTBEAT_TIMESTAMP), row.reasonCode(), what);
          assertEquals(Optional.of(c[1]), row.heartbeatAt(), what);
        }
        if (rules == REF) {
          assertArrayEquals(before, loop.heartbeatStateBytes(), what);
          assertFalse(r.heartbeat().stateWritten(), what);
          // 2.4: invalid_heartbeat_timestamp is "telemetry only - never in health.json"
          assertEquals(HealthStatus.HEALTHY, health.status(), what);
        } else if (c[2].equals("true")) {
          // H8: parsed; 50 s ahead of the first step's clock, so 50 s before `later`: fresh
          HeartbeatState s = loop.heartbeatState().orElseThrow();
          assertEquals(c[1], s.lastHeartbeatAt(), what);
          assertEquals(FreshnessStatus.FRESH, s.freshnessStatus(), what);
          assertEquals(HeartbeatObservationStatus.FRESH, row.status(), what);
          assertEquals(HealthStatus.HEALTHY, health.status(), what);
        } else {
          // H10: heartbeat.json rewritten from lastHeartbeatAt with the lag at evaluation time (100
          // s)
          assertTrue(r.heartbeat().stateWritten(), what);
          HeartbeatState s = loop.heartbeatState().orElseThrow();
          assertEquals(TS, s.lastHeartbeatAt(), what);
          assertEquals(100, s.heartbeatLagSeconds(), what);
          assertEquals(Timestamps.format(later), s.updatedAt(), what);
          assertNotEquals(
              new String(before, java.nio.charset.StandardCharsets.UTF_8),
              ScenarioLoop.read(
                  loop.layout.path(
                      io.superloop.visibility.core.store.LoopArtifact.HEARTBEAT_STATE)),
              what);
          assertEquals(HealthStatus.DEGRADED, health.status(), what);
          assertEquals(List.of(ReasonCode.INVALID_HEARTBEAT_TIMESTAMP), health.reasonCodes(), what);
        }
      }
    }
  }

  /**
   * Contract 8.25: "Heartbeat without timestamp, or "timestamp":"" even with valid updatedAt ->
   * missing_heartbeat_timestamp." Hardened: H11 "a blank timestamp falls back to updatedAt"; H10 "a
   * heartbeat whose timestamp is missing ... adds a degraded health reason
   * (missing_heartbeat_timestamp)".
   */
  @Test
  void scenario25MissingHeartbeatTimestamp(@TempDir Path dir) {
    // no timestamp at all: both presets give the failed row; only hardened degrades health
    for (VisibilityRules rules : List.of(REF, HARD)) {
      ScenarioLoop loop =
          loop(dir.resolve("none-" + rules.name()), Transport.LOCAL, rules)
              .writeRuntimeArtifacts(TS)
              .writeHeartbeat(
                  "{\"schemaVersion\":\"v1\",\"source\":\"runtime\",\"status\":\"running\"}");
      StepResult r = loop.reconcile("trace-25", false, NOW, StepInput.DEFAULT_THRESHOLDS);
      HeartbeatObservation row = r.heartbeat().observation().orElseThrow();
      assertEquals(HeartbeatObservationStatus.FAILED, row.status());
      assertEquals(Optional.of(ReasonCode.MISSING_HEARTBEAT_TIMESTAMP), row.reasonCode());
      assertEquals(
          Optional.empty(), loop.heartbeatState(), "1.3: written only with a parseable timestamp");
      Health health = loop.health().orElseThrow();
      if (rules == REF) {
        assertEquals(HealthStatus.HEALTHY, health.status());
      } else {
        assertEquals(List.of(ReasonCode.MISSING_HEARTBEAT_TIMESTAMP), health.reasonCodes());
        assertEquals(HealthStatus.DEGRADED, health.status());
      }
    }
    // "timestamp":"" with a valid updatedAt
    for (VisibilityRules rules : List.of(REF, HARD)) {
      ScenarioLoop loop =
          loop(dir.resolve("empty-" + rules.name()), Transport.LOCAL, rules)
              .writeRuntimeArtifacts(TS)
              .writeHeartbeat("{\"timestamp\":\"\",\"updatedAt\":\"" + TS + "\"}");
      StepResult r =
          loop.reconcile("trace-25", false, NOW.plusSeconds(7), StepInput.DEFAULT_THRESHOLDS);
      HeartbeatObservation row = r.heartbeat().observation().orElseThrow();
      if (rules == REF) {
        assertEquals(HeartbeatObservationStatus.FAILED, row.status());
        assertEquals(Optional.of(ReasonCode.MISSING_HEARTBEAT_TIMESTAMP), row.reasonCode());
        assertEquals(Optional.empty(), loop.heartbeatState());
      } else {
        assertEquals(HeartbeatObservationStatus.FRESH, row.status());
        HeartbeatState s = loop.heartbeatState().orElseThrow();
        assertEquals(TS, s.lastHeartbeatAt());
        assertEquals(7, s.heartbeatLagSeconds());
        assertEquals(HealthStatus.HEALTHY, loop.health().orElseThrow().status());
      }
    }
  }

  /**
   * Contract 8.26: "Future heartbeat (2099-...) -> lag 0, fresh, reasonCode omitted." Hardened H9:
   * "lag is still clamped at 0, but a heartbeat more than clockSkewToleranceSeconds (default 30) in
   * the future adds clockSkewSeconds to the heartbeat state and row and a degraded health reason
   * runtime_heartbeat_clock_skew (metric clockSkewSeconds)".
   */
  @Test
  void scenario26FutureHeartbeat(@TempDir Path dir) {
    String future = "2099-01-01T00:00:00Z";
    long skew = Instant.parse(future).getEpochSecond() - NOW.getEpochSecond();
    for (VisibilityRules rules : List.of(REF, HARD)) {
      ScenarioLoop loop =
          loop(dir.resolve(rules.name()), Transport.LOCAL, rules)
              .writeRuntimeArtifacts(TS)
              .writeHeartbeat("{\"timestamp\":\"" + future + "\"}");
      StepResult r = loop.reconcile("trace-26", false, NOW, StepInput.DEFAULT_THRESHOLDS);
      HeartbeatState s = loop.heartbeatState().orElseThrow();
      assertEquals(0, s.heartbeatLagSeconds());
      assertEquals(FreshnessStatus.FRESH, s.freshnessStatus());
      assertEquals(Optional.empty(), s.reasonCode());
      HeartbeatObservation row = r.heartbeat().observation().orElseThrow();
      assertEquals(Optional.empty(), row.reasonCode());
      Health health = loop.health().orElseThrow();
      if (rules == REF) {
        assertEquals(OptionalLong.empty(), s.clockSkewSeconds());
        assertEquals(OptionalLong.empty(), row.clockSkewSeconds());
        assertEquals(HealthStatus.HEALTHY, health.status());
      } else {
        assertEquals(OptionalLong.of(skew), s.clockSkewSeconds());
        assertEquals(OptionalLong.of(skew), row.clockSkewSeconds());
        assertEquals(HealthStatus.DEGRADED, health.status());
        assertEquals(List.of(ReasonCode.RUNTIME_HEARTBEAT_CLOCK_SKEW), health.reasonCodes());
        assertEquals(Optional.of("clockSkewSeconds"), health.reasons().get(0).metric());
        assertEquals(Severity.DEGRADED, health.reasons().get(0).severity());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // 27

  /**
   * Contract 8.27 under reference rules, local transport: "After drift, a reconcile with an empty
   * batch -> status:"ok", recoveredFromDrift:true, events.last:null; a following --from-start
   * replay is NOT flagged (watermark lost)." 3.5: "Drift is recomputed from scratch each run";
   * 2.7/3.6: no escalation on recovery.
   */
  @Test
  void scenario27RecoveryAfterEmptyBatchLocalReference(@TempDir Path dir) {
    ScenarioLoop loop = loop(dir, Transport.LOCAL, REF).writeRuntimeArtifacts(TS);
    loop.reconcile("trace-27-a", true, NOW, StepInput.DEFAULT_THRESHOLDS);
    loop.truncateEventsToFirstLine();
    StepResult drift =
        loop.reconcile("trace-27-b", true, NOW.plusSeconds(1), StepInput.DEFAULT_THRESHOLDS);
    assertTrue(drift.sequenceState().orElseThrow().driftActive());
    int escalationsBefore = loop.escalations().size();

    StepResult empty =
        loop.reconcile("trace-27-c", false, NOW.plusSeconds(2), StepInput.DEFAULT_THRESHOLDS);
    SequenceState s = empty.sequenceState().orElseThrow();
    assertEquals(SequenceStatus.OK, s.status());
    assertTrue(s.transition().orElseThrow().recoveredFromDrift());
    assertEquals(OptionalLong.empty(), s.events().last());
    assertEquals(0, s.events().ingestedCount());
    assertTrue(
        loop.escalations().stream()
            .skip(escalationsBefore)
            .noneMatch(e -> e.category().wire().startsWith("ordering_drift")),
        "no escalation on recovery (3.6)");
    // 6.3 "After recovery with empty batch": no driftActive, no eventsLast
    SequenceSurface seq = loop.status().sequence().orElseThrow();
    assertEquals(Optional.empty(), seq.driftActive());
    assertEquals(OptionalLong.empty(), seq.eventsLast());
    assertEquals(Optional.of(List.of()), seq.violations());

    StepResult replay =
        loop.reconcile("trace-27-d", true, NOW.plusSeconds(3), StepInput.DEFAULT_THRESHOLDS);
    assertEquals(List.of(), replay.sequenceState().orElseThrow().violations());
  }

  /**
   * Contract 8.27 on the same envelopes under both presets (sprite_service feed): drift from a
   * non-monotonic batch, then an empty batch, then a declared replay and an undeclared one.
   * Reference: recovery, events.last null, neither replay flagged, no recovery escalation.
   * Hardened: H19 "a transition out of drift appends an escalation row of category
   * ordering_drift_recovered (same fields as ordering_drift_detected)"; H15 "high-water marks are
   * carried forward across empty batches ..., so a regression after an empty poll is still caught"
   * and a declared replay "is not compared with the old watermarks (transition.epochReset: true)".
   */
  @Test
  void scenario27RecoveryAfterEmptyBatchBothPresets() {
    for (VisibilityRules rules : List.of(REF, HARD)) {
      ReconcileStep step = new ReconcileStep(rules);
      StepResult a = envelopeStep(step, Optional.empty(), Optional.empty(), 2, false, 1, 2);
      StepResult drift =
          envelopeStep(step, a.sequenceState(), Optional.of(a.health()), 2, false, 2, 1);
      assertEquals(
          List.of(ViolationCode.EVENT_SEQUENCE_NON_MONOTONIC),
          drift.sequenceState().orElseThrow().violations());
      StepResult empty =
          envelopeStep(step, drift.sequenceState(), Optional.of(drift.health()), 2, false);
      SequenceState s = empty.sequenceState().orElseThrow();
      assertEquals(SequenceStatus.OK, s.status(), rules.name());
      assertTrue(s.transition().orElseThrow().recoveredFromDrift());
      assertEquals(OptionalLong.empty(), s.events().last());
      List<String> categories = empty.escalations().stream().map(e -> e.category().wire()).toList();

      StepResult declared =
          envelopeStep(step, empty.sequenceState(), Optional.of(empty.health()), 2, true, 1, 2);
      assertEquals(List.of(), declared.sequenceState().orElseThrow().violations(), rules.name());
      StepResult undeclared =
          envelopeStep(step, empty.sequenceState(), Optional.of(empty.health()), 2, false, 1, 2);
      if (rules == REF) {
        assertEquals(List.of(), categories);
        assertEquals(
            Optional.empty(),
            declared.sequenceState().orElseThrow().transition().orElseThrow().epochReset());
        assertEquals(List.of(), undeclared.sequenceState().orElseThrow().violations());
      } else {
        assertEquals(List.of("ordering_drift_recovered"), categories);
        assertEquals(
            Optional.of(true),
            declared.sequenceState().orElseThrow().transition().orElseThrow().epochReset());
        assertEquals(OptionalLong.of(2), s.events().highWater());
        assertEquals(
            List.of(ViolationCode.EVENT_SEQUENCE_REGRESSION),
            undeclared.sequenceState().orElseThrow().violations());
      }
    }
  }

  /** One sprite_service step over envelopes rendered as contract 1.1 JSON text. */
  static StepResult envelopeStep(
      ReconcileStep step,
      Optional<SequenceState> previous,
      Optional<Health> previousHealth,
      long snapshotValue,
      boolean fromStart,
      long... eventValues) {
    List<JsonValue> events = new ArrayList<>();
    for (long v : eventValues) {
      events.add(Json.parse(eventEnvelope(Long.toString(v))));
    }
    EnvelopeFeed feed =
        EnvelopeFeed.ofEnvelopes(JsonValue.of(snapshotValue), events, snapshotValue);
    return step.run(
        StepInput.builder()
            .loopId(ScenarioLoop.LOOP)
            .traceId(TraceId.of("trace-27"))
            .transport(Transport.SPRITE_SERVICE)
            .now(NOW)
            .ingest(new Ingest.Succeeded(HeartbeatInput.ABSENT, feed, fromStart))
            .previousSequence(previous)
            .previousHealth(previousHealth)
            .paths(PATHS)
            .build());
  }

  static final ArtifactPaths PATHS =
      new ArtifactPaths(
          "/r/state.json",
          "/r/cursor.json",
          "/r/health.json",
          "/r/sequence-state.json",
          "/r/telemetry/sequence.jsonl");

  /** An event envelope of contract 1.1 whose sequence.value is the JSON text {@code value}. */
  static String eventEnvelope(String value) {
    return "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\",\"emittedAt\":\"2026-11-24T12:00:00Z\","
        + "\"traceId\":\"trace-27\",\"source\":{\"repoPath\":\"/r\",\"loopId\":\"demo-loop\"},"
        + "\"sequence\":{\"source\":\"cursor_event_line_offset\",\"value\":"
        + value
        + "},"
        + "\"cursor\":{\"eventLineOffset\":1,\"eventLineCount\":2},\"run\":{\"runId\":\"run-123\",\"iteration\":1},"
        + "\"event\":{\"timestamp\":\"2026-11-24T12:00:00Z\",\"name\":\"loop_start\",\"role\":null,\"status\":null,"
        + "\"message\":null,\"payload\":null,\"raw\":{}}}";
  }
}
