package io.superloop.visibility.core.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.envelope.CursorState;
import io.superloop.visibility.api.health.HealthReason;
import io.superloop.visibility.api.health.HealthStatus;
import io.superloop.visibility.api.health.IngestStatus;
import io.superloop.visibility.api.health.Severity;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatObservationStatus;
import io.superloop.visibility.api.sequence.EventDiagnostics;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.store.LoopArtifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "always" decisions of hardening.md that core owns, end to end through {@link ReconcileStep}
 * and the store, in both presets: H13 (malformed runtime log lines), H14 (gaps, duplicates, max),
 * H17 (byte-offset resume gives the same results), H18 (unusable heartbeat payloads). H7 is in
 * {@code core.trace.TraceIdRulesTest}; H13/H17 line-level cases in {@code
 * core.source.LocalEventSourceTest}.
 */
class AlwaysDecisionsTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final String TS = "2026-11-24T12:00:00Z";
  private static final List<VisibilityRules> BOTH =
      List.of(VisibilityRules.reference(), VisibilityRules.hardened());

  private static String event(String name) {
    return "{\"timestamp\":\"" + TS + "\",\"event\":\"" + name + "\"}\n";
  }

  /**
   * H13: "a non-empty line that is not a JSON object, lacks event/type or timestamp, or holds only
   * white space ... yields a malformed-line entry (its line number consumed; counted in
   * ingestedCount; reason code event_line_malformed in the step's warnings) that the validator
   * counts as event_sequence_missing"; an empty line "consumes a line number, is not emitted, not
   * counted in ingestedCount, and is no violation". The ingest succeeds (no events_unavailable).
   */
  @Test
  void h13MalformedLinesAreMissingValuesAndAWarning(@TempDir Path dir) {
    for (VisibilityRules rules : BOTH) {
      ScenarioLoop loop = new ScenarioLoop(dir.resolve(rules.name()), Transport.LOCAL, rules);
      loop.writeEvents(
          event("a")
              + "\n"
              + "  \n"
              + "\r\n"
              + "[1]\n"
              + "{\"event\":\"no-ts\"}\n"
              + "{oops\n"
              + event("b"));
      StepResult r = loop.reconcile("trace-h13", false, NOW, StepInput.DEFAULT_THRESHOLDS);
      assertEquals(IngestStatus.SUCCESS, r.reconcileRow().status(), rules.name());
      SequenceState s = r.sequenceState().orElseThrow();
      assertEquals(List.of(ViolationCode.EVENT_SEQUENCE_MISSING), s.violations());
      EventDiagnostics e = s.events();
      assertEquals(7, e.ingestedCount(), "2 events + 5 malformed; the empty line is not counted");
      assertEquals(OptionalLong.of(1), e.first());
      assertEquals(OptionalLong.of(8), e.last());
      assertTrue(e.missing());
      assertEquals(OptionalLong.of(8), s.snapshot().current(), "8 newline characters");
      assertEquals(List.of(ReasonCode.EVENT_LINE_MALFORMED), r.warnings());
      assertEquals(List.of(ReasonCode.EVENT_LINE_MALFORMED), r.reconcileRow().warnings());
      assertEquals(7, r.reconcileRow().eventsIngested());
    }
  }

  /** H13: only an empty line: no warning, no violation, but a gap in line numbers (H14). */
  @Test
  void h13EmptyLineIsNoViolationNorWarning(@TempDir Path dir) {
    for (VisibilityRules rules : BOTH) {
      ScenarioLoop loop = new ScenarioLoop(dir.resolve(rules.name()), Transport.LOCAL, rules);
      loop.writeEvents(event("a") + "\n" + event("b"));
      StepResult r = loop.reconcile("trace-h13", false, NOW, StepInput.DEFAULT_THRESHOLDS);
      SequenceState s = r.sequenceState().orElseThrow();
      assertEquals(List.of(), s.violations(), rules.name());
      assertEquals(List.of(), r.warnings());
      assertEquals(2, s.events().ingestedCount());
      assertEquals(OptionalLong.of(1), s.events().gaps());
    }
  }

  /**
   * H13: "an unterminated last line is an in-progress write: it is neither emitted nor counted
   * until its newline arrives" - across two reconcile steps with the stored cursor.
   */
  @Test
  void h13UnterminatedLastLineAcrossSteps(@TempDir Path dir) {
    for (VisibilityRules rules : BOTH) {
      ScenarioLoop loop = new ScenarioLoop(dir.resolve(rules.name()), Transport.LOCAL, rules);
      String b = event("b");
      loop.writeEvents(event("a") + b.substring(0, 12));
      SequenceState first =
          loop.reconcile("trace-1", false, NOW, StepInput.DEFAULT_THRESHOLDS)
              .sequenceState()
              .orElseThrow();
      assertEquals(1, first.events().ingestedCount());
      assertEquals(OptionalLong.of(1), first.snapshot().current());
      assertEquals(List.of(), first.violations());
      loop.appendEvents(b.substring(12));
      SequenceState second =
          loop.reconcile("trace-2", false, NOW, StepInput.DEFAULT_THRESHOLDS)
              .sequenceState()
              .orElseThrow();
      assertEquals(1, second.events().ingestedCount());
      assertEquals(OptionalLong.of(2), second.events().first());
      assertEquals(OptionalLong.of(2), second.snapshot().current());
      assertEquals(List.of(), second.violations(), rules.name());
    }
  }

  /**
   * H14: "events.gaps: valid values that exceed the preceding valid value by more than 1;
   * events.duplicates: valid values equal to the preceding valid value; events.max: largest valid
   * value of the batch"; "the v1 violation list is unchanged" (C2: last is not the max).
   */
  @Test
  void h14GapsDuplicatesAndMax() {
    for (VisibilityRules rules : BOTH) {
      ReconcileStep step = new ReconcileStep(rules);
      StepResult r =
          Section8ScenariosTest.envelopeStep(
              step, Optional.empty(), Optional.empty(), 9, false, 1, 3, 3, 4, 9, 8);
      EventDiagnostics e = r.sequenceState().orElseThrow().events();
      assertEquals(OptionalLong.of(2), e.gaps(), rules.name()); // 1->3, 4->9
      assertEquals(OptionalLong.of(1), e.duplicates()); // 3,3
      assertEquals(OptionalLong.of(9), e.max());
      assertEquals(OptionalLong.of(8), e.last());
      assertEquals(
          List.of(ViolationCode.EVENT_SEQUENCE_NON_MONOTONIC),
          r.sequenceState().orElseThrow().violations());
      StepResult empty =
          Section8ScenariosTest.envelopeStep(step, Optional.empty(), Optional.empty(), 9, false);
      assertEquals(OptionalLong.empty(), empty.sequenceState().orElseThrow().events().max());
      assertEquals(OptionalLong.of(0), empty.sequenceState().orElseThrow().events().gaps());
    }
  }

  /**
   * H17: "cursor.json gains the additive eventByteOffset; the local source resumes at that byte
   * when it is consistent ... and falls back to counting lines otherwise"; the verdicts are the
   * same. Two loops take the same steps, one with a damaged byte offset in its cursor.
   */
  @Test
  void h17SameStepResultsWithAndWithoutTheByteOffset(@TempDir Path dir) {
    for (VisibilityRules rules : BOTH) {
      ScenarioLoop resumed =
          new ScenarioLoop(dir.resolve(rules.name() + "-a"), Transport.LOCAL, rules);
      ScenarioLoop counted =
          new ScenarioLoop(dir.resolve(rules.name() + "-b"), Transport.LOCAL, rules);
      for (ScenarioLoop loop : List.of(resumed, counted)) {
        loop.writeEvents(event("a") + "\n" + event("b"));
        loop.reconcile("trace-1", false, NOW, StepInput.DEFAULT_THRESHOLDS);
        loop.appendEvents(event("c") + "not json\n" + event("d"));
      }
      CursorState c =
          resumed
              .layout
              .stateFile(LoopArtifact.CURSOR, Codecs.CURSOR_STATE)
              .read()
              .toOptional()
              .orElseThrow();
      assertEquals(3, c.eventLineOffset());
      assertEquals(
          OptionalLong.of((long) (event("a") + "\n" + event("b")).length()), c.eventByteOffset());
      counted
          .layout
          .stateFile(LoopArtifact.CURSOR, Codecs.CURSOR_STATE)
          .write(
              CursorState.builder().from(c).eventByteOffset(7).build()); // mid-line: inconsistent
      SequenceState a =
          resumed
              .reconcile("trace-2", false, NOW, StepInput.DEFAULT_THRESHOLDS)
              .sequenceState()
              .orElseThrow();
      SequenceState b =
          counted
              .reconcile("trace-2", false, NOW, StepInput.DEFAULT_THRESHOLDS)
              .sequenceState()
              .orElseThrow();
      assertEquals(a.violations(), b.violations());
      assertEquals(a.snapshot(), b.snapshot());
      assertEquals(a.events(), b.events());
      assertEquals(OptionalLong.of(4), a.events().first());
      assertEquals(OptionalLong.of(6), a.events().last());
      assertEquals(3, a.events().ingestedCount());
      // both cursors end consistent again
      assertEquals(
          resumed
              .layout
              .stateFile(LoopArtifact.CURSOR, Codecs.CURSOR_STATE)
              .read()
              .toOptional()
              .orElseThrow()
              .eventByteOffset(),
          counted
              .layout
              .stateFile(LoopArtifact.CURSOR, Codecs.CURSOR_STATE)
              .read()
              .toOptional()
              .orElseThrow()
              .eventByteOffset());
    }
  }

  /**
   * H18: "a heartbeat that is not a JSON object ... invalid JSON in heartbeat.v1.json ... both are
   * a failed heartbeat observation with reason code invalid_heartbeat_payload (telemetry row
   * status:"failed"; a degraded health reason under hardened); the rest of the step proceeds". The
   * warnings list of the reconcile row carries it ("non-fatal problems of the step (H2, H13,
   * H18)").
   */
  @Test
  void h18UnusableHeartbeatPayload(@TempDir Path dir) {
    List<String> payloads =
        List.of(
            "\"abc\"",
            "[1,2]",
            "42",
            "true",
            "{not json",
            "",
            "{\"timestamp\":\"" + TS + "\"} trailing");
    int i = 0;
    for (String payload : payloads) {
      i++;
      for (VisibilityRules rules : BOTH) {
        ScenarioLoop loop =
            new ScenarioLoop(dir.resolve(i + rules.name()), Transport.LOCAL, rules)
                .writeRuntimeArtifacts(TS)
                .writeHeartbeat(payload);
        StepResult r = loop.reconcile("trace-h18", false, NOW, StepInput.DEFAULT_THRESHOLDS);
        String what = payload + " " + rules.name();
        assertEquals(IngestStatus.SUCCESS, r.reconcileRow().status(), what);
        assertTrue(r.sequenceState().isPresent(), what);
        assertEquals(List.of(), r.sequenceState().get().violations(), what);
        HeartbeatObservation row = loop.lastHeartbeatRow().orElseThrow();
        assertEquals(HeartbeatObservationStatus.FAILED, row.status(), what);
        assertEquals(Optional.of(ReasonCode.INVALID_HEARTBEAT_PAYLOAD), row.reasonCode(), what);
        assertEquals(Optional.empty(), loop.heartbeatState(), what);
        assertTrue(
            r.reconcileRow().warnings().contains(ReasonCode.INVALID_HEARTBEAT_PAYLOAD), what);
        var health = loop.health().orElseThrow();
        if (rules.name().equals("reference")) {
          assertEquals(HealthStatus.HEALTHY, health.status(), what);
        } else {
          assertEquals(HealthStatus.DEGRADED, health.status(), what);
          assertEquals(List.of(ReasonCode.INVALID_HEARTBEAT_PAYLOAD), health.reasonCodes(), what);
          HealthReason reason = health.reasons().get(0);
          assertEquals(Severity.DEGRADED, reason.severity());
        }
      }
    }
  }

  /** H18 (always): a JSON null heartbeat is "no heartbeat" (2.2 step 1), no row, no warning. */
  @Test
  void h18NullHeartbeatIsAbsent(@TempDir Path dir) {
    for (VisibilityRules rules : BOTH) {
      ScenarioLoop loop =
          new ScenarioLoop(dir.resolve(rules.name()), Transport.LOCAL, rules)
              .writeRuntimeArtifacts(TS)
              .writeHeartbeat("null");
      StepResult r = loop.reconcile("trace-h18", false, NOW, StepInput.DEFAULT_THRESHOLDS);
      assertEquals(Optional.empty(), r.heartbeat().observation());
      assertFalse(r.reconcileRow().warnings().contains(ReasonCode.INVALID_HEARTBEAT_PAYLOAD));
      assertEquals(0, loop.heartbeatRowCount());
    }
  }

  /**
   * Contract 1.0 gives {@code sequence-state.json} {@code schemaVersion} {@code v1}, so the codec
   * requires it: a previous state without one is unreadable (H2): counted as absent, reported as
   * {@code previous_state_unreadable} and renamed aside, in both presets.
   */
  @Test
  void h2APreviousStateWithoutSchemaVersionIsUnreadable(@TempDir Path dir) throws Exception {
    for (VisibilityRules rules : BOTH) {
      ScenarioLoop loop = new ScenarioLoop(dir.resolve(rules.name()), Transport.LOCAL, rules);
      loop.writeEvents(event("a"));
      loop.reconcile("trace-h2-a", false, NOW, StepInput.DEFAULT_THRESHOLDS);
      Path state = loop.layout.path(LoopArtifact.SEQUENCE_STATE);
      String written = Files.readString(state);
      assertTrue(written.startsWith("{\"schemaVersion\":\"v1\","), written);
      Files.writeString(state, written.replace("\"schemaVersion\":\"v1\",", ""));
      loop.writeEvents(event("a") + event("b"));
      StepResult r =
          loop.reconcile("trace-h2-b", false, NOW.plusSeconds(1), StepInput.DEFAULT_THRESHOLDS);
      assertEquals(List.of(ReasonCode.PREVIOUS_STATE_UNREADABLE), r.warnings(), rules.name());
      assertEquals(
          OptionalLong.empty(),
          r.sequenceState().orElseThrow().snapshot().previous(),
          "counted as absent");
    }
  }
}
