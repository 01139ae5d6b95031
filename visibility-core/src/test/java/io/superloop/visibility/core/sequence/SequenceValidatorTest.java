package io.superloop.visibility.core.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.sequence.EventDiagnostics;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.SequenceStatus;
import io.superloop.visibility.api.sequence.SnapshotDiagnostics;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract section 3 and C1-C3, H12, H14, H15, each expectation taken from the spec text. */
class SequenceValidatorTest {
  private static final SequenceValidator REF = new SequenceValidator(VisibilityRules.reference());
  private static final SequenceValidator HARD = new SequenceValidator(VisibilityRules.hardened());

  private static SequenceVerdict run(
      SequenceValidator v,
      Optional<SequenceState> prev,
      boolean replay,
      long snap,
      long... events) {
    SequenceValidator.Batch b = v.begin(prev, replay).snapshot(snap);
    for (long e : events) {
      b.event(e);
    }
    return b.finish();
  }

  private static Optional<SequenceState> prev(long snap, long last, boolean drift) {
    return state(
        snap < 0 ? OptionalLong.empty() : OptionalLong.of(snap),
        last < 0 ? OptionalLong.empty() : OptionalLong.of(last),
        drift,
        OptionalLong.empty(),
        OptionalLong.empty());
  }

  /**
   * A previous {@code sequence-state.json} holding what the validator reads of it (contract 3.2,
   * H15): {@code snapshot.current}, {@code events.last}, {@code driftActive} (with one violation,
   * as the contract requires of a state in drift) and the carried high-water marks.
   */
  private static Optional<SequenceState> state(
      OptionalLong snapshotCurrent,
      OptionalLong eventsLast,
      boolean drift,
      OptionalLong snapshotHighWater,
      OptionalLong eventsHighWater) {
    return Optional.of(
        SequenceState.builder()
            .updatedAt("2026-01-01T00:00:00Z")
            .loopId("loop-a")
            .transport(Transport.LOCAL)
            .status(drift ? SequenceStatus.ORDERING_DRIFT_DETECTED : SequenceStatus.OK)
            .reasonCode(drift ? Optional.of(ReasonCode.ORDERING_DRIFT_DETECTED) : Optional.empty())
            .driftActive(drift)
            .violations(drift ? List.of(ViolationCode.SNAPSHOT_SEQUENCE_REGRESSION) : List.of())
            .snapshot(
                SnapshotDiagnostics.builder()
                    .current(snapshotCurrent)
                    .highWater(snapshotHighWater)
                    .monotonic(!drift)
                    .regressed(drift)
                    .missing(false)
                    .build())
            .events(
                EventDiagnostics.builder()
                    .ingestedCount(0)
                    .last(eventsLast)
                    .highWater(eventsHighWater)
                    .monotonicWithinBatch(true)
                    .monotonicAcrossBatches(true)
                    .regressed(false)
                    .missing(false)
                    .build())
            .build());
  }

  @Test
  void c2ComparesWithThePrecedingValidValueAndLastIsNotTheMax() {
    SequenceVerdict v = run(REF, Optional.empty(), false, 8, 6, 7, 8, 4, 3, 4, 5, 6);
    assertEquals(List.of(ViolationCode.EVENT_SEQUENCE_NON_MONOTONIC), v.violations());
    assertEquals(OptionalLong.of(6), v.events().last());
    assertEquals(OptionalLong.of(6), v.events().first());
    assertFalse(v.events().monotonicWithinBatch());
    assertTrue(v.events().regressed());
    assertTrue(v.events().monotonicAcrossBatches());
  }

  @Test
  void c3ZeroIsAWatermark() {
    SequenceVerdict v = run(REF, prev(0, 0, false), false, 0, 1);
    assertEquals(List.of(), v.violations());
    assertEquals(OptionalLong.of(0), v.snapshot().previous());
    assertEquals(OptionalLong.of(0), v.events().previousLast());
    SequenceVerdict r = run(REF, prev(1, 1, false), false, 0, 0);
    assertEquals(
        List.of(
            ViolationCode.EVENT_SEQUENCE_REGRESSION, ViolationCode.SNAPSHOT_SEQUENCE_REGRESSION),
        r.violations());
  }

  @Test
  void missingSnapshotAndMissingEventsAreViolationsThatKeepTheBaseline() {
    SequenceVerdict v =
        run(REF, Optional.empty(), false, SequenceValues.MISSING, 5, SequenceValues.MISSING, 4);
    assertEquals(
        List.of(
            ViolationCode.EVENT_SEQUENCE_MISSING,
            ViolationCode.EVENT_SEQUENCE_NON_MONOTONIC,
            ViolationCode.SNAPSHOT_SEQUENCE_MISSING),
        v.violations());
    assertEquals(OptionalLong.empty(), v.snapshot().current());
    assertFalse(v.snapshot().monotonic());
    assertTrue(v.snapshot().missing());
    assertEquals(3, v.events().ingestedCount());
    assertTrue(v.driftActive());
    assertTrue(v.transition().transitionedToDrift());
  }

  @Test
  void equalValuesAreAllowedAndEmptyBatchIsClean() {
    SequenceVerdict v = run(REF, prev(3, 3, false), false, 3, 3, 3);
    assertEquals(List.of(), v.violations());
    assertEquals(OptionalLong.of(1), v.events().duplicates());
    SequenceVerdict e = run(REF, prev(3, 3, true), false, 3);
    assertEquals(List.of(), e.violations());
    assertEquals(OptionalLong.empty(), e.events().first());
    assertEquals(OptionalLong.empty(), e.events().last());
    assertTrue(e.transition().recoveredFromDrift());
    assertFalse(e.transition().transitionedToDrift());
  }

  /**
   * Scenario 27: after drift, an empty batch recovers; a following replay is not flagged
   * (reference).
   */
  @Test
  void scenario27WatermarkLostUnderReferenceButCaughtUnderHardened() {
    SequenceVerdict recovered = run(REF, prev(5, 5, true), false, 5);
    assertTrue(recovered.transition().recoveredFromDrift());
    Optional<SequenceState> afterEmpty =
        state(
            OptionalLong.of(5),
            OptionalLong.empty(),
            false,
            OptionalLong.empty(),
            OptionalLong.empty());
    assertEquals(List.of(), run(REF, afterEmpty, true, 5, 1, 2).violations());

    // hardened: an undeclared regression after an empty batch is still caught (high-water carried)
    SequenceVerdict h1 = run(HARD, Optional.empty(), false, 5, 1, 2, 3, 4, 5);
    SequenceVerdict h2 = run(HARD, fromVerdict(h1), false, 5);
    assertEquals(OptionalLong.of(5), h2.events().highWater());
    SequenceVerdict h3 = run(HARD, fromVerdict(h2), false, 5, 3);
    assertEquals(List.of(ViolationCode.EVENT_SEQUENCE_REGRESSION), h3.violations());
    // and a declared replay never drifts
    SequenceVerdict h4 = run(HARD, fromVerdict(h2), true, 2, 1, 2);
    assertEquals(List.of(), h4.violations());
    assertEquals(Optional.of(true), h4.transition().epochReset());
  }

  /** C3: 0 is a valid value like any other: it has a predecessor, regresses, duplicates. */
  @Test
  void zeroIsAValueInEveryComparison() {
    for (SequenceValidator v : List.of(REF, HARD)) {
      SequenceVerdict dup = run(v, Optional.empty(), false, 2, 0, 0, 2);
      assertEquals(OptionalLong.of(1), dup.events().duplicates(), "0 then 0 is a duplicate");
      assertEquals(OptionalLong.of(1), dup.events().gaps(), "0 then 2 is a gap");
      assertEquals(OptionalLong.of(0), dup.events().first());
      SequenceVerdict back = run(v, prev(5, 3, false), false, 0, 0);
      assertEquals(
          List.of(
              ViolationCode.EVENT_SEQUENCE_REGRESSION, ViolationCode.SNAPSHOT_SEQUENCE_REGRESSION),
          back.violations());
      assertTrue(back.snapshot().regressed());
      assertFalse(back.events().monotonicAcrossBatches());
    }
  }

  /** C2/3.6: transition flags against the previous drift. */
  @Test
  void transitionsIntoAndOutOfDrift() {
    SequenceVerdict stays = run(REF, prev(1, 1, true), false, 2, 0);
    assertTrue(stays.driftActive());
    assertFalse(stays.transition().transitionedToDrift(), "already in drift");
    assertFalse(stays.transition().recoveredFromDrift());
    assertTrue(stays.transition().previousDriftActive());
    SequenceVerdict recovers = run(REF, prev(1, 1, true), false, 2, 2);
    assertFalse(recovers.driftActive());
    assertTrue(recovers.transition().recoveredFromDrift());
    assertFalse(recovers.transition().transitionedToDrift());
    SequenceVerdict clean = run(REF, prev(1, 1, false), false, 2, 2);
    assertFalse(clean.transition().transitionedToDrift());
    assertFalse(clean.transition().recoveredFromDrift());
    assertTrue(clean.snapshot().monotonic());
  }

  /**
   * H15: a declared replay starts a new epoch: the high-water marks are this batch's own (not the
   * maximum with the old epoch's), and nothing is compared with the old watermarks.
   */
  @Test
  void h15AReplayStartsTheHighWaterMarksAfresh() {
    Optional<SequenceState> high =
        state(
            OptionalLong.of(50),
            OptionalLong.of(50),
            false,
            OptionalLong.of(60),
            OptionalLong.of(70));
    SequenceVerdict replay = run(HARD, high, true, 3, 1, 2, 3);
    assertEquals(OptionalLong.of(3), replay.snapshot().highWater());
    assertEquals(OptionalLong.of(3), replay.events().highWater());
    assertEquals(List.of(), replay.violations());
    SequenceVerdict next = run(HARD, high, false, 55, 71);
    assertEquals(
        OptionalLong.of(60), next.snapshot().highWater(), "max(previous high water 60, 55)");
    assertEquals(OptionalLong.of(71), next.events().highWater());
    assertEquals(
        List.of(ViolationCode.SNAPSHOT_SEQUENCE_REGRESSION),
        next.violations(),
        "55 is below the high water 60");
  }

  /**
   * {@code shows(code)} after each value fed is what {@code finish()} of a batch holding just those
   * values reports: checked on seeded random batches (values, missing values, previous states,
   * replays) in both presets, every prefix, every code.
   */
  @Test
  void showsAgreesWithTheVerdictOfEveryPrefix() {
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < 2000; i++) {
      SequenceValidator v = r.nextBoolean() ? REF : HARD;
      Optional<SequenceState> p =
          r.nextInt(4) == 0
              ? Optional.empty()
              : prev(r.nextInt(-1, 8), r.nextInt(-1, 8), r.nextBoolean());
      boolean replay = r.nextInt(5) == 0;
      long snap = r.nextInt(6) == 0 ? SequenceValues.MISSING : r.nextInt(0, 9);
      long[] events = new long[r.nextInt(0, 7)];
      for (int k = 0; k < events.length; k++) {
        events[k] = r.nextInt(8) == 0 ? SequenceValues.MISSING : r.nextInt(0, 9);
      }
      SequenceValidator.Batch b = v.begin(p, replay);
      for (ViolationCode c : ViolationCode.values()) {
        if (c == ViolationCode.EVENT_SEQUENCE_MISSING
            || c == ViolationCode.EVENT_SEQUENCE_NON_MONOTONIC
            || c == ViolationCode.EVENT_SEQUENCE_REGRESSION) {
          assertFalse(b.shows(c), "nothing fed yet: " + c);
        }
      }
      b.snapshot(snap);
      for (int n = 0; n <= events.length; n++) {
        if (n > 0) {
          b.event(events[n - 1]);
        }
        SequenceVerdict prefix = run(v, p, replay, snap, Arrays.copyOf(events, n));
        for (ViolationCode c : ViolationCode.values()) {
          assertEquals(
              prefix.violations().contains(c),
              b.shows(c),
              c + " after " + n + " of " + Arrays.toString(events));
        }
      }
    }
  }

  /** The state a step writes of this verdict, as the next batch's previous state. */
  private static Optional<SequenceState> fromVerdict(SequenceVerdict v) {
    return Optional.of(
        v.toState(
            "2026-01-01T00:00:00Z",
            "loop-a",
            TraceId.of("4bf92f3577b34da6a3ce929d0e0e4736"),
            Transport.LOCAL));
  }

  @Test
  void h15ReplayFromStartIsARegressionUnderReferenceOnly() {
    Optional<SequenceState> p = prev(2, 2, false);
    assertEquals(
        List.of(
            ViolationCode.EVENT_SEQUENCE_REGRESSION, ViolationCode.SNAPSHOT_SEQUENCE_REGRESSION),
        run(REF, p, true, 1, 1).violations());
    SequenceVerdict h = run(HARD, p, true, 1, 1);
    assertEquals(List.of(), h.violations());
    assertEquals(Optional.of(true), h.transition().epochReset());
    assertEquals(Optional.empty(), run(REF, p, true, 1, 1).transition().epochReset());
  }

  @Test
  void h14CountsGapsDuplicatesAndMaxInBothPresets() {
    for (SequenceValidator v : List.of(REF, HARD)) {
      SequenceVerdict r = run(v, Optional.empty(), false, 9, 1, 2, 2, 5, 9, 7);
      assertEquals(OptionalLong.of(2), r.events().gaps()); // 2->5, 5->9
      assertEquals(OptionalLong.of(1), r.events().duplicates());
      assertEquals(OptionalLong.of(9), r.events().max());
      assertEquals(OptionalLong.of(7), r.events().last());
    }
  }

  @ParameterizedTest(name = "{0}: reference={1} hardened={2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "7|7|7",
        "0|0|0",
        "3.0|3|-1",
        "1e2|100|-1",
        "0.0|0|-1",
        "\"1\"|1|-1",
        "\"08\"|8|-1",
        "-0|-1|-1",
        "-1|-1|-1",
        "8.5|-1|-1",
        "true|-1|-1",
        "null|-1|-1",
        "\"1e2\"|-1|-1",
        "\" 7\"|-1|-1",
        "\"\"|-1|-1",
        "9223372036854775807|9223372036854775807|9223372036854775807",
        "9223372036854775808|-1|-1",
        "9007199254740993|9007199254740993|9007199254740993",
        "1e400|-1|-1",
        "{\"a\":1}|-1|-1"
      })
  void h12JudgesValuesPerPreset(String json, long reference, long hardened) {
    JsonValue v = Json.parse(json);
    assertEquals(reference, REF.judge(v));
    assertEquals(hardened, HARD.judge(v));
  }
}
