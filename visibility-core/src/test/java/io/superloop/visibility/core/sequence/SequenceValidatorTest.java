package io.superloop.visibility.core.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract section 3 and C1-C3, H12, H14, H15, each expectation taken from the spec text. */
class SequenceValidatorTest {
  private static final SequenceValidator REF = new SequenceValidator(VisibilityRules.reference());
  private static final SequenceValidator HARD = new SequenceValidator(VisibilityRules.hardened());

  private static SequenceVerdict run(SequenceValidator v, PreviousSequence prev, boolean replay, long snap, long... events) {
    SequenceValidator.Batch b = v.begin(prev, replay).snapshot(snap);
    for (long e : events) {
      b.event(e);
    }
    return b.finish();
  }

  private static PreviousSequence prev(long snap, long last, boolean drift) {
    return new PreviousSequence(
        snap < 0 ? OptionalLong.empty() : OptionalLong.of(snap),
        last < 0 ? OptionalLong.empty() : OptionalLong.of(last),
        drift,
        OptionalLong.empty(),
        OptionalLong.empty());
  }

  @Test
  void c2ComparesWithThePrecedingValidValueAndLastIsNotTheMax() {
    SequenceVerdict v = run(REF, PreviousSequence.NONE, false, 8, 6, 7, 8, 4, 3, 4, 5, 6);
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
        List.of(ViolationCode.EVENT_SEQUENCE_REGRESSION, ViolationCode.SNAPSHOT_SEQUENCE_REGRESSION),
        r.violations());
  }

  @Test
  void missingSnapshotAndMissingEventsAreViolationsThatKeepTheBaseline() {
    SequenceVerdict v = run(REF, PreviousSequence.NONE, false, SequenceValues.MISSING, 5, SequenceValues.MISSING, 4);
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

  /** Scenario 27: after drift, an empty batch recovers; a following replay is not flagged (reference). */
  @Test
  void scenario27WatermarkLostUnderReferenceButCaughtUnderHardened() {
    SequenceVerdict recovered = run(REF, prev(5, 5, true), false, 5);
    assertTrue(recovered.transition().recoveredFromDrift());
    PreviousSequence afterEmpty =
        new PreviousSequence(OptionalLong.of(5), OptionalLong.empty(), false, OptionalLong.empty(), OptionalLong.empty());
    assertEquals(List.of(), run(REF, afterEmpty, true, 5, 1, 2).violations());

    // hardened: an undeclared regression after an empty batch is still caught (high-water carried)
    SequenceVerdict h1 = run(HARD, PreviousSequence.NONE, false, 5, 1, 2, 3, 4, 5);
    SequenceVerdict h2 = run(HARD, fromVerdict(h1), false, 5);
    assertEquals(OptionalLong.of(5), h2.events().highWater());
    SequenceVerdict h3 = run(HARD, fromVerdict(h2), false, 5, 3);
    assertEquals(List.of(ViolationCode.EVENT_SEQUENCE_REGRESSION), h3.violations());
    // and a declared replay never drifts
    SequenceVerdict h4 = run(HARD, fromVerdict(h2), true, 2, 1, 2);
    assertEquals(List.of(), h4.violations());
    assertEquals(Optional.of(true), h4.transition().epochReset());
  }

  private static PreviousSequence fromVerdict(SequenceVerdict v) {
    return new PreviousSequence(
        v.snapshot().current(), v.events().last(), v.driftActive(), v.snapshot().highWater(), v.events().highWater());
  }

  @Test
  void h15ReplayFromStartIsARegressionUnderReferenceOnly() {
    PreviousSequence p = prev(2, 2, false);
    assertEquals(
        List.of(ViolationCode.EVENT_SEQUENCE_REGRESSION, ViolationCode.SNAPSHOT_SEQUENCE_REGRESSION),
        run(REF, p, true, 1, 1).violations());
    SequenceVerdict h = run(HARD, p, true, 1, 1);
    assertEquals(List.of(), h.violations());
    assertEquals(Optional.of(true), h.transition().epochReset());
    assertEquals(Optional.empty(), run(REF, p, true, 1, 1).transition().epochReset());
  }

  @Test
  void h14CountsGapsDuplicatesAndMaxInBothPresets() {
    for (SequenceValidator v : List.of(REF, HARD)) {
      SequenceVerdict r = run(v, PreviousSequence.NONE, false, 9, 1, 2, 2, 5, 9, 7);
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
