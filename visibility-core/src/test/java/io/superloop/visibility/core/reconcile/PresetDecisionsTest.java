package io.superloop.visibility.core.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.audit.Intent;
import io.superloop.visibility.api.health.HealthReason;
import io.superloop.visibility.api.health.HealthStatus;
import io.superloop.visibility.api.health.Severity;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatObservationStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.heartbeat.HeartbeatThresholds;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.reconcile.OrderingDriftEscalation;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.api.status.HeartbeatSurface;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.audit.IdempotencyKeys;
import io.superloop.visibility.core.heartbeat.FreshnessCalculator;
import io.superloop.visibility.core.heartbeat.HeartbeatEvaluation;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.status.StatusInputs;
import io.superloop.visibility.core.status.StatusProjector;
import io.superloop.visibility.core.status.StatusReader;
import io.superloop.visibility.core.time.Timestamps;
import io.superloop.visibility.core.trace.IdStyle;
import io.superloop.visibility.core.trace.TraceIds;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every preset-dependent decision of hardening.md that core owns (H6, H7 generation, H8-H12, H15,
 * H16, H19; H5 belongs to the audit trail), each with the {@code reference} and the {@code
 * hardened} outcome on the same input. Expected values are quoted from hardening.md and the
 * contract.
 */
class PresetDecisionsTest {
  private static final VisibilityRules REF = VisibilityRules.reference();
  private static final VisibilityRules HARD = VisibilityRules.hardened();
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final TraceId TRACE = TraceId.of("trace-preset-1");

  private static HeartbeatEvaluation evaluate(
      VisibilityRules rules, String heartbeatJson, Optional<HeartbeatState> previous, Instant now) {
    return new FreshnessCalculator(rules)
        .evaluate(
            HeartbeatInput.of(Json.parse(heartbeatJson)),
            previous,
            now,
            HeartbeatThresholds.DEFAULT,
            "demo-loop",
            TRACE,
            Transport.LOCAL);
  }

  // H6 ---------------------------------------------------------------------------------------

  /**
   * H6: "generated idempotency keys <intent>-<epochSeconds>-<pid> collide inside one JVM" ->
   * hardened "<intent>-<epochMillis>-<16 lowercase hex random>; caller-given keys are kept as
   * given".
   */
  @Test
  void h06IdempotencyKeys() {
    Instant at = Instant.parse("2026-11-24T12:00:00.250Z");
    String ref =
        IdempotencyKeys.resolve(
            Optional.empty(), Intent.CANCEL, at, 4242, IdStyle.of(REF), new SplittableRandom(1));
    assertEquals("cancel-" + at.getEpochSecond() + "-4242", ref);
    SplittableRandom random = new SplittableRandom(1);
    String h1 =
        IdempotencyKeys.resolve(
            Optional.empty(), Intent.CANCEL, at, 4242, IdStyle.of(HARD), random);
    String h2 =
        IdempotencyKeys.resolve(
            Optional.empty(), Intent.CANCEL, at, 4242, IdStyle.of(HARD), random);
    assertTrue(h1.matches("cancel-" + at.toEpochMilli() + "-[0-9a-f]{16}"), h1);
    assertNotEquals(h1, h2, "two keys of one JVM in the same millisecond must differ");
    // the reference form collides for the same second and pid
    assertEquals(
        ref,
        IdempotencyKeys.resolve(
            Optional.empty(), Intent.CANCEL, at, 4242, IdStyle.of(REF), new SplittableRandom(2)));
    for (VisibilityRules rules : List.of(REF, HARD)) {
      assertEquals(
          "vis-parity-cancel-1",
          IdempotencyKeys.resolve(
              Optional.of("vis-parity-cancel-1"), Intent.CANCEL, at, 1, IdStyle.of(rules), random));
    }
  }

  // H7 (generation) --------------------------------------------------------------------------

  /**
   * H7: "hardened generates 32 lowercase hex characters, never all zeros (a W3C trace-id);
   * reference generates a lowercase UUID with dashes". Resolution order (contract 5.1): explicit,
   * environment, generated, in both presets.
   */
  @Test
  void h07TraceIdGeneration() {
    for (int i = 0; i < 200; i++) {
      SplittableRandom r = new SplittableRandom(i);
      String ref = TraceIds.generate(IdStyle.of(REF), r).value();
      assertTrue(ref.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), ref);
      String hard = TraceIds.generate(IdStyle.of(HARD), r).value();
      assertTrue(hard.matches("[0-9a-f]{32}"), hard);
      assertFalse(hard.matches("0{32}"));
      // H7 conversion: a 32-hex id is itself, a UUID drops its dashes
      assertEquals(Optional.of(hard), TraceId.of(hard).toW3c());
      assertEquals(Optional.of(ref.replace("-", "")), TraceId.of(ref).toW3c());
    }
    // "never all zeros": a source that first yields zeros
    long[] seq = {0, 0, 0, 5};
    int[] at = {0};
    RandomGenerator zeros = () -> seq[Math.min(at[0]++, seq.length - 1)];
    assertEquals(
        "0000000000000000" + "0000000000000005",
        TraceIds.generate(IdStyle.of(HARD), zeros).value());
    for (VisibilityRules rules : List.of(REF, HARD)) {
      SplittableRandom r = new SplittableRandom(3);
      assertEquals(
          TraceId.of("trace-vis-1"),
          TraceIds.resolve(
              Optional.of("trace-vis-1"), Optional.of("env-trace"), IdStyle.of(rules), r));
      assertEquals(
          TraceId.of("env-trace"),
          TraceIds.resolve(Optional.of(""), Optional.of("env-trace"), IdStyle.of(rules), r));
    }
  }

  // H8 ---------------------------------------------------------------------------------------

  /**
   * H8: hardened "full RFC 3339 (fractions, +hh:mm offsets, t/z in either case) parses"; reference
   * "exactly YYYY-MM-DDTHH:MM:SSZ, zero-padded, valid date" (C10), anything else is row variant (c)
   * invalid_heartbeat_timestamp (2.2 step 5). Each of these names 11:59:00Z, 60 s before now.
   */
  @Test
  void h08TimestampSyntax() {
    for (String ts :
        List.of(
            "2026-11-24T12:59:00+01:00",
            "2026-11-24T06:29:00-05:30",
            "2026-11-24t11:59:00z",
            "2026-11-24T11:59:00.000Z",
            "2026-11-24T11:59:00+00:00")) {
      String hb = "{\"timestamp\":\"" + ts + "\"}";
      HeartbeatEvaluation ref = evaluate(REF, hb, Optional.empty(), NOW);
      assertEquals(HeartbeatObservationStatus.FAILED, ref.observation().orElseThrow().status(), ts);
      assertEquals(
          Optional.of(ReasonCode.INVALID_HEARTBEAT_TIMESTAMP),
          ref.observation().orElseThrow().reasonCode());
      assertEquals(Optional.empty(), ref.state());
      HeartbeatEvaluation hard = evaluate(HARD, hb, Optional.empty(), NOW);
      HeartbeatState s = hard.state().orElseThrow();
      assertEquals(60, s.heartbeatLagSeconds(), ts);
      assertEquals(ts, s.lastHeartbeatAt(), "1.3: the raw timestamp string as read");
      assertEquals(FreshnessStatus.FRESH, s.freshnessStatus());
    }
    // the v1 form parses in both
    for (VisibilityRules rules : List.of(REF, HARD)) {
      assertEquals(
          60,
          evaluate(rules, "{\"timestamp\":\"2026-11-24T11:59:00Z\"}", Optional.empty(), NOW)
              .state()
              .orElseThrow()
              .heartbeatLagSeconds());
    }
  }

  // H9 ---------------------------------------------------------------------------------------

  /**
   * H9: "a heartbeat more than clockSkewToleranceSeconds (default 30) in the future adds
   * clockSkewSeconds ... and a degraded health reason runtime_heartbeat_clock_skew (metric
   * clockSkewSeconds)"; reference: 2.2 step 6, "future timestamps are fresh; no skew flag".
   */
  @Test
  void h09ClockSkew() {
    String at30 = "{\"timestamp\":\"" + Timestamps.format(NOW.plusSeconds(30)) + "\"}";
    String at31 = "{\"timestamp\":\"" + Timestamps.format(NOW.plusSeconds(31)) + "\"}";
    for (String hb : List.of(at30, at31)) {
      HeartbeatEvaluation ref = evaluate(REF, hb, Optional.empty(), NOW);
      assertEquals(0, ref.state().orElseThrow().heartbeatLagSeconds());
      assertEquals(OptionalLong.empty(), ref.state().orElseThrow().clockSkewSeconds());
      assertEquals(List.of(), ref.healthReasons());
    }
    HeartbeatEvaluation within = evaluate(HARD, at30, Optional.empty(), NOW);
    assertEquals(
        OptionalLong.empty(),
        within.state().orElseThrow().clockSkewSeconds(),
        "30 s is not more than 30");
    assertEquals(List.of(), within.healthReasons());
    HeartbeatEvaluation beyond = evaluate(HARD, at31, Optional.empty(), NOW);
    assertEquals(
        0, beyond.state().orElseThrow().heartbeatLagSeconds(), "lag is still clamped at 0");
    assertEquals(FreshnessStatus.FRESH, beyond.state().orElseThrow().freshnessStatus());
    assertEquals(OptionalLong.of(31), beyond.state().orElseThrow().clockSkewSeconds());
    assertEquals(OptionalLong.of(31), beyond.observation().orElseThrow().clockSkewSeconds());
    HealthReason r = beyond.healthReasons().get(0);
    assertEquals(ReasonCode.RUNTIME_HEARTBEAT_CLOCK_SKEW, r.code());
    assertEquals(Severity.DEGRADED, r.severity());
    assertEquals(Optional.of("clockSkewSeconds"), r.metric());
  }

  // H10 --------------------------------------------------------------------------------------

  private static HeartbeatState previousState(String lastHeartbeatAt, long storedLag) {
    return HeartbeatState.builder()
        .updatedAt("2026-11-24T11:58:00Z")
        .loopId("demo-loop")
        .traceId(TraceId.of("trace-old"))
        .transport(Transport.LOCAL)
        .lastHeartbeatAt(lastHeartbeatAt)
        .heartbeatLagSeconds(storedLag)
        .freshnessStatus(FreshnessStatus.FRESH)
        .thresholds(HeartbeatThresholds.DEFAULT)
        .heartbeat(Json.parse("{\"timestamp\":\"" + lastHeartbeatAt + "\"}"))
        .build();
  }

  /**
   * H10: hardened "freshness is computed at evaluation time from lastHeartbeatAt, also when the
   * snapshot carries no heartbeat or an unusable one, and heartbeat.json is rewritten with the new
   * lag"; "with requireHeartbeat (default false) a loop that never sent one is degraded
   * (runtime_heartbeat_missing)". Reference (2.5, C5): "the lag that reaches health is the one
   * frozen at the last successful heartbeat ingestion"; "health judges its stored
   * heartbeatLagSeconds against this step's thresholds (a stored 122 against 120/121 is critical)".
   */
  @Test
  void h10FreshnessAtEvaluationTime() {
    HeartbeatState prev = previousState("2026-11-24T11:58:00Z", 0);
    FreshnessCalculator ref = new FreshnessCalculator(REF);
    FreshnessCalculator hard = new FreshnessCalculator(HARD);
    Instant later = NOW.plusSeconds(600); // 12:10:00, 720 s after the heartbeat
    HeartbeatEvaluation r =
        ref.evaluate(
            HeartbeatInput.ABSENT,
            Optional.of(prev),
            later,
            HeartbeatThresholds.DEFAULT,
            "demo-loop",
            TRACE,
            Transport.LOCAL);
    assertFalse(r.stateWritten());
    assertEquals(Optional.of(prev), r.state());
    assertEquals(List.of(), r.healthReasons());
    assertEquals(Optional.empty(), r.observation(), "2.2 step 1: no heartbeat -> do nothing");
    HeartbeatEvaluation h =
        hard.evaluate(
            HeartbeatInput.ABSENT,
            Optional.of(prev),
            later,
            HeartbeatThresholds.DEFAULT,
            "demo-loop",
            TRACE,
            Transport.LOCAL);
    assertTrue(h.stateWritten());
    assertEquals(720, h.state().orElseThrow().heartbeatLagSeconds());
    assertEquals(FreshnessStatus.CRITICAL, h.state().orElseThrow().freshnessStatus());
    assertEquals("2026-11-24T11:58:00Z", h.state().orElseThrow().lastHeartbeatAt());
    assertEquals(Optional.of(TRACE), h.state().orElseThrow().traceId());
    assertEquals(ReasonCode.RUNTIME_HEARTBEAT_STALE, h.healthReasons().get(0).code());
    assertEquals(Severity.CRITICAL, h.healthReasons().get(0).severity());

    // C5: a stored 122 against 120/121 is critical (reference)
    HeartbeatEvaluation c5 =
        ref.evaluate(
            HeartbeatInput.ABSENT,
            Optional.of(previousState("2026-11-24T11:58:00Z", 122)),
            NOW,
            HeartbeatThresholds.of(120, 121),
            "demo-loop",
            TRACE,
            Transport.LOCAL);
    assertEquals(Severity.CRITICAL, c5.healthReasons().get(0).severity());
    assertEquals(Optional.of("122"), c5.healthReasons().get(0).observed());

    // requireHeartbeat: only effective with hardened freshness
    VisibilityRules hardRequire = HARD.withRequireHeartbeat(true);
    VisibilityRules refRequire = REF.withRequireHeartbeat(true);
    assertEquals(
        List.of(ReasonCode.RUNTIME_HEARTBEAT_MISSING),
        codes(
            new FreshnessCalculator(hardRequire)
                .evaluate(
                    HeartbeatInput.ABSENT,
                    Optional.empty(),
                    NOW,
                    HeartbeatThresholds.DEFAULT,
                    "demo-loop",
                    TRACE,
                    Transport.LOCAL)
                .healthReasons()));
    assertEquals(
        List.of(),
        new FreshnessCalculator(refRequire)
            .evaluate(
                HeartbeatInput.ABSENT,
                Optional.empty(),
                NOW,
                HeartbeatThresholds.DEFAULT,
                "demo-loop",
                TRACE,
                Transport.LOCAL)
            .healthReasons());
    assertEquals(
        List.of(),
        hard.evaluate(
                HeartbeatInput.ABSENT,
                Optional.empty(),
                NOW,
                HeartbeatThresholds.DEFAULT,
                "demo-loop",
                TRACE,
                Transport.LOCAL)
            .healthReasons(),
        "requireHeartbeat defaults to false");

    // an unusable heartbeat: reference keeps the state and stays silent; hardened re-evaluates and
    // reports
    String invalid = "{\"timestamp\":\"not a time\"}";
    HeartbeatEvaluation ri = evaluate(REF, invalid, Optional.of(prev), later);
    assertEquals(List.of(), ri.healthReasons());
    assertFalse(ri.stateWritten());
    HeartbeatEvaluation hi = evaluate(HARD, invalid, Optional.of(prev), later);
    assertTrue(hi.stateWritten());
    assertEquals(
        List.of(ReasonCode.RUNTIME_HEARTBEAT_STALE, ReasonCode.INVALID_HEARTBEAT_TIMESTAMP),
        codes(hi.healthReasons()));
  }

  private static List<ReasonCode> codes(List<HealthReason> reasons) {
    List<ReasonCode> out = new ArrayList<>();
    for (HealthReason r : reasons) {
      out.add(r.code());
    }
    return out;
  }

  // H11 --------------------------------------------------------------------------------------

  /**
   * H11: hardened "a blank timestamp falls back to updatedAt"; reference 2.2 step 3: "an empty
   * string "" in timestamp is taken, then treated as missing" (step 4); a blank but non-empty
   * string is taken and fails to parse (step 5).
   */
  @Test
  void h11BlankTimestampFallsBack() {
    String empty = "{\"timestamp\":\"\",\"updatedAt\":\"2026-11-24T11:59:00Z\"}";
    String blank = "{\"timestamp\":\"  \",\"updatedAt\":\"2026-11-24T11:59:00Z\"}";
    assertEquals(
        Optional.of(ReasonCode.MISSING_HEARTBEAT_TIMESTAMP),
        evaluate(REF, empty, Optional.empty(), NOW).observation().orElseThrow().reasonCode());
    assertEquals(
        Optional.of(ReasonCode.INVALID_HEARTBEAT_TIMESTAMP),
        evaluate(REF, blank, Optional.empty(), NOW).observation().orElseThrow().reasonCode());
    for (String hb : List.of(empty, blank)) {
      HeartbeatEvaluation h = evaluate(HARD, hb, Optional.empty(), NOW);
      assertEquals("2026-11-24T11:59:00Z", h.state().orElseThrow().lastHeartbeatAt(), hb);
      assertEquals(60, h.state().orElseThrow().heartbeatLagSeconds());
    }
    // only null/false/absent fall through under both (jq //)
    for (VisibilityRules rules : List.of(REF, HARD)) {
      for (String t : List.of("null", "false")) {
        HeartbeatEvaluation e =
            evaluate(
                rules,
                "{\"timestamp\":" + t + ",\"updatedAt\":\"2026-11-24T11:59:00Z\"}",
                Optional.empty(),
                NOW);
        assertEquals("2026-11-24T11:59:00Z", e.state().orElseThrow().lastHeartbeatAt());
      }
    }
  }

  // H12 --------------------------------------------------------------------------------------

  /**
   * H12 end to end: reference "valid when the value is a whole number from 0 to 2^63-1 ... whatever
   * its literal form (7, 3.0, 1e2, 0.0), or a string of ASCII digits ("08" is 8)"; hardened "only a
   * JSON integer literal from 0 to 2^63-1 is valid"; an invalid value is event_sequence_missing
   * (3.3).
   */
  @Test
  void h12SequenceValuesThroughTheStep() {
    List<String> values = List.of("\"08\"", "3.0", "1e2", "0.0");
    long[] expected = {8, 3, 100, 0};
    for (int i = 0; i < values.size(); i++) {
      EnvelopeFeed feed =
          EnvelopeFeed.ofEnvelopes(
              Json.parse("5"),
              List.of(Json.parse(Section8ScenariosTest.eventEnvelope(values.get(i)))),
              5);
      SequenceState ref = step(REF, feed).sequenceState().orElseThrow();
      assertEquals(List.of(), ref.violations(), values.get(i));
      assertEquals(OptionalLong.of(expected[i]), ref.events().last());
      SequenceState hard = step(HARD, feed).sequenceState().orElseThrow();
      assertEquals(List.of(ViolationCode.EVENT_SEQUENCE_MISSING), hard.violations(), values.get(i));
      assertEquals(OptionalLong.empty(), hard.events().last());
      assertEquals(1, hard.events().ingestedCount());
    }
    // the snapshot value too: "5" is valid under reference, missing under hardened
    EnvelopeFeed snap = EnvelopeFeed.ofEnvelopes(JsonValue.of("5"), List.of(), 5);
    assertEquals(
        OptionalLong.of(5), step(REF, snap).sequenceState().orElseThrow().snapshot().current());
    assertEquals(
        List.of(ViolationCode.SNAPSHOT_SEQUENCE_MISSING),
        step(HARD, snap).sequenceState().orElseThrow().violations());
  }

  private static StepResult step(VisibilityRules rules, EnvelopeFeed feed) {
    return new ReconcileStep(rules)
        .run(
            StepInput.builder()
                .loopId("demo-loop")
                .traceId(TRACE)
                .transport(Transport.SPRITE_SERVICE)
                .now(NOW)
                .ingest(new Ingest.Succeeded(HeartbeatInput.ABSENT, feed, false))
                .paths(Section8ScenariosTest.PATHS)
                .build());
  }

  // H15 --------------------------------------------------------------------------------------

  /**
   * H15 on contract 8.1's flow (baseline, truncate to one line, --from-start): reference 3.5
   * "Replay with --from-start after a non-empty previous batch yields event_sequence_regression ...
   * and truncating events.jsonl yields snapshot_sequence_regression"; hardened "the caller marks a
   * batch as a declared replay (fromStart) or rotation: it starts a new epoch and is not compared
   * with the old watermarks (transition.epochReset: true)".
   */
  @Test
  void h15DeclaredReplayStartsANewEpoch(@TempDir Path dir) {
    for (VisibilityRules rules : List.of(REF, HARD)) {
      ScenarioLoop loop =
          new ScenarioLoop(dir.resolve(rules.name()), Transport.LOCAL, rules)
              .writeRuntimeArtifacts("2026-11-24T12:00:00Z");
      loop.reconcile("trace-a", true, NOW, StepInput.DEFAULT_THRESHOLDS);
      loop.truncateEventsToFirstLine();
      SequenceState s =
          loop.reconcile("trace-b", true, NOW, StepInput.DEFAULT_THRESHOLDS)
              .sequenceState()
              .orElseThrow();
      if (rules == REF) {
        assertEquals(
            List.of(
                ViolationCode.EVENT_SEQUENCE_REGRESSION,
                ViolationCode.SNAPSHOT_SEQUENCE_REGRESSION),
            s.violations());
        assertEquals(Optional.empty(), s.transition().orElseThrow().epochReset());
        assertEquals(OptionalLong.empty(), s.events().highWater());
      } else {
        assertEquals(List.of(), s.violations());
        assertEquals(Optional.of(true), s.transition().orElseThrow().epochReset());
        // the new epoch's high-water marks start from this batch
        assertEquals(OptionalLong.of(1), s.events().highWater());
        assertEquals(OptionalLong.of(1), s.snapshot().highWater());
      }
    }
  }

  // H16 --------------------------------------------------------------------------------------

  /**
   * H16: hardened "booleans are always present; the heartbeat reason code comes from the same
   * record as its freshness, and a newer failed observation is shown separately as lastObservation;
   * alertTraceId takes the newer (by timestamp) of the last alert row and the dispatch state;
   * sharedTraceId keeps its v1 rule and distinctTraceIds counts the distinct ids". Reference (6.2):
   * "reasonCode <- H.reasonCode // h.reasonCode (can mix: H fresh + h invalid_heartbeat_timestamp
   * [verified])"; driftActive "present only when true"; 6.4 alertTraceId "A.traceId // D.traceId".
   */
  @Test
  void h16StatusSurface(@TempDir Path dir) {
    // one store: a fresh heartbeat, then an invalid one (reference keeps heartbeat.json), no drift
    ScenarioLoop loop =
        new ScenarioLoop(dir, Transport.LOCAL, REF)
            .writeRuntimeArtifacts("2026-11-24T12:00:00Z")
            .writeHeartbeat("{\"timestamp\":\"2026-11-24T12:00:00Z\"}");
    loop.reconcile("trace-h16-a", false, NOW, StepInput.DEFAULT_THRESHOLDS);
    loop.writeHeartbeat("{\"timestamp\":1700000000}");
    loop.reconcile("trace-h16-b", false, NOW.plusSeconds(10), StepInput.DEFAULT_THRESHOLDS);
    StatusInputs in = StatusReader.read(loop.store);

    VisibilitySummary ref = new StatusProjector(REF).project(in);
    HeartbeatSurface rh = ref.heartbeat().orElseThrow();
    assertEquals(Optional.of(FreshnessStatus.FRESH), rh.freshnessStatus());
    assertEquals(Optional.of(ReasonCode.INVALID_HEARTBEAT_TIMESTAMP), rh.reasonCode());
    assertEquals(Optional.empty(), rh.lastObservation());
    assertEquals(Optional.empty(), ref.sequence().orElseThrow().driftActive());
    assertEquals(OptionalLong.empty(), ref.trace().distinctTraceIds());

    VisibilitySummary hard = new StatusProjector(HARD).project(in);
    HeartbeatSurface hh = hard.heartbeat().orElseThrow();
    assertEquals(Optional.of(FreshnessStatus.FRESH), hh.freshnessStatus());
    assertEquals(Optional.empty(), hh.reasonCode());
    assertEquals(Optional.of("failed"), hh.lastObservation().orElseThrow().status());
    assertEquals(
        Optional.of(ReasonCode.INVALID_HEARTBEAT_TIMESTAMP),
        hh.lastObservation().orElseThrow().reasonCode());
    assertEquals(Optional.of(false), hard.sequence().orElseThrow().driftActive());
    // heartbeat trace trace-h16-a (kept state), sequence and reconcile trace-h16-b: two distinct,
    // none shared
    assertEquals(OptionalLong.of(2), hard.trace().distinctTraceIds());
    assertEquals(Optional.empty(), hard.trace().sharedTraceId());
    assertEquals(Optional.empty(), ref.trace().sharedTraceId());

    // alertTraceId: an older alert row against a newer dispatch state
    StatusInputs alerts =
        StatusInputs.builder()
            .alertRowTraceId(TraceId.of("trace-alert-row"))
            .alertRowTimestamp("2026-11-24T11:00:00Z")
            .dispatchTraceId(TraceId.of("trace-dispatch"))
            .dispatchUpdatedAt("2026-11-24T12:00:00Z")
            .build();
    assertEquals(
        Optional.of(TraceId.of("trace-alert-row")),
        new StatusProjector(REF).project(alerts).trace().alertTraceId());
    assertEquals(
        Optional.of(TraceId.of("trace-dispatch")),
        new StatusProjector(HARD).project(alerts).trace().alertTraceId());
  }

  // H19 --------------------------------------------------------------------------------------

  /**
   * H19: hardened "a transition out of drift appends an escalation row of category
   * ordering_drift_recovered (same fields as ordering_drift_detected)"; reference 3.6: "No
   * escalation on recovery".
   */
  @Test
  void h19DriftRecoveryEscalation() {
    for (VisibilityRules rules : List.of(REF, HARD)) {
      ReconcileStep step = new ReconcileStep(rules);
      StepResult drift =
          Section8ScenariosTest.envelopeStep(
              step, Optional.empty(), Optional.empty(), 3, false, 3, 2);
      assertEquals(
          List.of("ordering_drift_detected", "health_degraded"),
          drift.escalations().stream().map(e -> e.category().wire()).toList());
      OrderingDriftEscalation detected = (OrderingDriftEscalation) drift.escalations().get(0);
      StepResult clean =
          Section8ScenariosTest.envelopeStep(
              step, drift.sequenceState(), Optional.of(drift.health()), 3, false, 3);
      assertEquals(HealthStatus.HEALTHY, clean.health().status());
      List<EscalationRow> rows = clean.escalations();
      if (rules == REF) {
        assertEquals(List.of(), rows);
      } else {
        assertEquals(1, rows.size());
        OrderingDriftEscalation recovered = (OrderingDriftEscalation) rows.get(0);
        assertEquals(ReasonCode.ORDERING_DRIFT_RECOVERED, recovered.category());
        assertEquals(detected.stateFile(), recovered.stateFile());
        assertEquals(detected.sequenceStateFile(), recovered.sequenceStateFile());
        assertEquals(detected.sequenceTelemetryFile(), recovered.sequenceTelemetryFile());
        assertEquals(
            detected.sequence().members().keySet(), recovered.sequence().members().keySet());
        assertEquals(detected.traceId(), recovered.traceId());
        assertEquals(JsonValue.of(false), recovered.sequence().members().get("driftActive"));
      }
    }
  }
}
