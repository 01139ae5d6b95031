package io.superloop.visibility.testkit.core;

import static io.superloop.visibility.testkit.gen.Gen.weighted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.sequence.SequenceValidator;
import io.superloop.visibility.core.sequence.SequenceVerdict;
import io.superloop.visibility.testkit.core.SequenceModel.Step;
import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.gen.internal.Zip;
import io.superloop.visibility.testkit.property.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Invariants of the sequence validator stated by contract 3.3-3.5 and hardening H15. */
class SequenceInvariantPropertiesTest {
  private static final List<VisibilityRules> PRESETS =
      List.of(VisibilityRules.reference(), VisibilityRules.hardened());

  private static List<String> codes(SequenceVerdict v) {
    List<String> out = new ArrayList<>();
    for (ViolationCode c : v.violations()) {
      out.add(c.wire());
    }
    return out;
  }

  private static List<Optional<Long>> present(List<Long> values) {
    List<Optional<Long>> out = new ArrayList<>(values.size());
    for (Long v : values) {
      out.add(Optional.of(v));
    }
    return out;
  }

  private static Gen<Long> start() {
    return Gen.frequency(
        weighted(2, Gen.constant(0L)),
        weighted(3, Gen.longs(0, 1000)),
        weighted(1, Gen.longs(0, Long.MAX_VALUE)),
        weighted(2, Gen.longs(Long.MAX_VALUE - 5000, Long.MAX_VALUE)));
  }

  // ------------------------------------------------------------ clean streams

  /** A strictly increasing stream cut into batches (some empty), with a non-decreasing snapshot. */
  record CleanStream(long start, List<Long> increments, List<Integer> batchSizes, int lag) {
    List<Long> values() {
      long sum = 0;
      for (Long i : increments) {
        sum += i;
      }
      long s = Math.min(start, Long.MAX_VALUE - sum);
      List<Long> out = new ArrayList<>();
      long cur = s;
      for (Long i : increments) {
        cur += i;
        out.add(cur);
      }
      return out;
    }
  }

  static Gen<CleanStream> cleanStreams() {
    Gen<Long> increment =
        Gen.frequency(weighted(8, Gen.constant(1L)), weighted(2, Gen.longs(2, 1000)));
    return Zip.zip(
        start(),
        Gen.listOf(increment, 0, 80),
        Gen.listOf(Gen.ints(0, 12), 1, 12),
        Gen.ints(0, 3),
        CleanStream::new);
  }

  @Test
  void aStrictlyIncreasingStreamNeverDrifts() {
    Property.forAll(cleanStreams())
        .named("sequence: strictly increasing stream in batches never drifts (both presets)")
        .check(
            cs -> {
              List<Long> values = cs.values();
              for (VisibilityRules rules : PRESETS) {
                SequenceValidator validator = new SequenceValidator(rules);
                Optional<SequenceState> prev = Optional.empty();
                int at = 0;
                long snapshot =
                    values.isEmpty() ? 0 : values.get(0) - 1 < 0 ? 0 : values.get(0) - 1;
                for (int b = 0; b <= cs.batchSizes().size(); b++) {
                  // the last batch takes whatever is left
                  int size =
                      b < cs.batchSizes().size()
                          ? Math.min(cs.batchSizes().get(b), values.size() - at)
                          : values.size() - at;
                  List<Long> batch = values.subList(at, at + size);
                  at += size;
                  // the snapshot counts what was written; it may lag the events by a few batches
                  if (!batch.isEmpty() && (b % (cs.lag() + 1)) == 0) {
                    snapshot = batch.get(batch.size() - 1);
                  }
                  SequenceVerdict v =
                      SequenceModelPropertiesTest.run(
                          validator, prev, new Step(false, Optional.of(snapshot), present(batch)));
                  assertEquals(List.of(), codes(v), rules.name() + " batch " + b);
                  assertTrue(
                      v.events().monotonicWithinBatch() && v.events().monotonicAcrossBatches());
                  prev = SequenceModelPropertiesTest.nextOf(v);
                }
              }
            });
  }

  // ------------------------------------------------------------ single faults

  enum Fault {
    MISSING_VALUE("event_sequence_missing"),
    DIP_INSIDE_BATCH("event_sequence_non_monotonic"),
    FIRST_BELOW_PREVIOUS_LAST("event_sequence_regression"),
    SNAPSHOT_MISSING("snapshot_sequence_missing"),
    SNAPSHOT_BELOW_PREVIOUS("snapshot_sequence_regression");

    final String code;

    Fault(String code) {
      this.code = code;
    }
  }

  /**
   * A clean step after a clean previous state (last event L >= 1, snapshot S >= 1), then one fault.
   * index and depth are reduced modulo what the fault allows.
   */
  record FaultCase(
      long previousLast,
      long previousSnapshot,
      List<Long> increments,
      long snapshotAhead,
      boolean carryHighWater,
      Fault fault,
      int index,
      long depth) {

    Optional<SequenceState> previous() {
      OptionalLong s = OptionalLong.of(previousSnapshot);
      OptionalLong l = OptionalLong.of(previousLast);
      return carryHighWater
          ? SequenceModel.state(s, l, false, s, l)
          : SequenceModel.state(s, l, false, OptionalLong.empty(), OptionalLong.empty());
    }

    Step cleanStep() {
      List<Optional<Long>> events = new ArrayList<>();
      long cur = previousLast;
      for (Long i : increments) {
        cur = SequenceGens.add(cur, i);
        events.add(Optional.of(cur));
      }
      return new Step(
          false, Optional.of(SequenceGens.add(previousSnapshot, snapshotAhead)), events);
    }

    Step faulty() {
      Step c = cleanStep();
      List<Optional<Long>> ev = new ArrayList<>(c.events());
      Optional<Long> snap = c.snapshot();
      int n = ev.size();
      switch (fault) {
        case MISSING_VALUE:
          ev.set(Math.floorMod(index, n), Optional.empty());
          break;
        case DIP_INSIDE_BATCH:
          {
            int i = 1 + Math.floorMod(index, n - 1);
            long before = ev.get(i - 1).orElseThrow();
            ev.set(i, Optional.of(before - 1 - Math.floorMod(depth, before)));
            break;
          }
        case FIRST_BELOW_PREVIOUS_LAST:
          ev.set(0, Optional.of(previousLast - 1 - Math.floorMod(depth, previousLast)));
          break;
        case SNAPSHOT_MISSING:
          snap = Optional.empty();
          break;
        case SNAPSHOT_BELOW_PREVIOUS:
          snap = Optional.of(previousSnapshot - 1 - Math.floorMod(depth, previousSnapshot));
          break;
      }
      return new Step(false, snap, ev);
    }
  }

  static Gen<FaultCase> faultCases() {
    Gen<Long> positive =
        Gen.frequency(
            weighted(3, Gen.longs(1, 1000)),
            weighted(1, Gen.longs(1, Long.MAX_VALUE - 10_000)),
            weighted(1, Gen.longs(Long.MAX_VALUE - 20_000, Long.MAX_VALUE - 10_000)));
    Gen<Long> increment =
        Gen.frequency(
            weighted(6, Gen.constant(1L)),
            weighted(1, Gen.constant(0L)),
            weighted(2, Gen.longs(2, 50)));
    Gen<List<Long>> incs = Gen.listOf(increment, 2, 40);
    return Zip.zip(
        Zip.zip(positive, positive, incs, (a, b, c) -> List.<Object>of(a, b, c)),
        Zip.zip(
            Gen.longs(0, 50),
            Gen.booleans(),
            Gen.elements(Fault.values()),
            (a, b, c) -> List.<Object>of(a, b, c)),
        Gen.ints(0, 1_000_000),
        Gen.longs(0, Long.MAX_VALUE),
        (x, y, i, d) -> {
          @SuppressWarnings("unchecked")
          List<Long> is = (List<Long>) x.get(2);
          return new FaultCase(
              (Long) x.get(0),
              (Long) x.get(1),
              is,
              (Long) y.get(0),
              (Boolean) y.get(1),
              (Fault) y.get(2),
              i,
              d);
        });
  }

  @Test
  void eachSingleFaultGivesExactlyItsViolation() {
    Property.forAll(faultCases())
        .named("sequence: one injected fault -> exactly its violation code (both presets)")
        .tries(Math.max(Property.defaultTries(), 3000))
        .check(
            fc -> {
              for (VisibilityRules rules : PRESETS) {
                SequenceValidator validator = new SequenceValidator(rules);
                SequenceVerdict clean =
                    SequenceModelPropertiesTest.run(validator, fc.previous(), fc.cleanStep());
                assertEquals(List.of(), codes(clean), rules.name() + " clean step");
                SequenceVerdict v =
                    SequenceModelPropertiesTest.run(validator, fc.previous(), fc.faulty());
                assertEquals(List.of(fc.fault().code), codes(v), rules.name() + " " + fc.fault());
                assertTrue(v.transition().transitionedToDrift());
              }
            });
  }

  // ------------------------------------------------------------ hardened: replay and carried marks

  record ReplayCase(
      Optional<Long> prevSnapshot,
      Optional<Long> prevLast,
      boolean prevDrift,
      Optional<Long> prevHighWater,
      long replayStart,
      List<Long> increments,
      long snapshot) {}

  static Gen<ReplayCase> replayCases() {
    Gen<Optional<Long>> big = Gen.optionals(start());
    Gen<Long> increment =
        Gen.frequency(weighted(8, Gen.constant(1L)), weighted(1, Gen.longs(2, 9)));
    return Zip.zip(
        Zip.zip(big, big, Gen.booleans(), (a, b, c) -> List.<Object>of(a, b, c)),
        big,
        Zip.zip(
            Gen.longs(0, 1),
            Gen.listOf(increment, 0, 40),
            Gen.longs(0, 100),
            (a, b, c) -> List.<Object>of(a, b, c)),
        Gen.constant(0),
        (x, hw, y, unused) -> {
          @SuppressWarnings("unchecked")
          Optional<Long> ps = (Optional<Long>) x.get(0);
          @SuppressWarnings("unchecked")
          Optional<Long> pl = (Optional<Long>) x.get(1);
          @SuppressWarnings("unchecked")
          List<Long> incs = (List<Long>) y.get(1);
          return new ReplayCase(
              ps, pl, (Boolean) x.get(2), hw, (Long) y.get(0), incs, (Long) y.get(2));
        });
  }

  @Test
  void hardenedDeclaredReplayNeverDrifts() {
    Property.forAll(replayCases())
        .named("sequence: hardened declared replay starts a new epoch and never drifts")
        .check(
            rc -> {
              List<Long> values = new ArrayList<>();
              long cur = rc.replayStart();
              for (Long i : rc.increments()) {
                values.add(cur);
                cur += i;
              }
              Optional<SequenceState> prev =
                  SequenceModel.state(
                      SequenceModel.ol(rc.prevSnapshot()),
                      SequenceModel.ol(rc.prevLast()),
                      rc.prevDrift(),
                      SequenceModel.ol(rc.prevHighWater()),
                      SequenceModel.ol(rc.prevHighWater()));
              Step replay = new Step(true, Optional.of(rc.snapshot()), present(values));
              SequenceVerdict h =
                  SequenceModelPropertiesTest.run(
                      new SequenceValidator(VisibilityRules.hardened()), prev, replay);
              assertEquals(List.of(), codes(h));
              assertEquals(Optional.of(true), h.transition().epochReset());
              assertEquals(rc.prevDrift(), h.transition().recoveredFromDrift());
              // the new epoch's high-water marks are its own values
              assertEquals(OptionalLong.of(rc.snapshot()), h.snapshot().highWater());
              assertEquals(
                  values.isEmpty()
                      ? OptionalLong.empty()
                      : OptionalLong.of(values.get(values.size() - 1)),
                  h.events().highWater());
              // contract 3.5: the reference flags the same replay as a regression
              SequenceVerdict r =
                  SequenceModelPropertiesTest.run(
                      new SequenceValidator(VisibilityRules.reference()), prev, replay);
              boolean evReg =
                  !values.isEmpty()
                      && rc.prevLast().isPresent()
                      && values.get(0) < rc.prevLast().get();
              boolean snReg =
                  rc.prevSnapshot().isPresent() && rc.snapshot() < rc.prevSnapshot().get();
              assertEquals(evReg, codes(r).contains("event_sequence_regression"));
              assertEquals(snReg, codes(r).contains("snapshot_sequence_regression"));
            });
  }

  /** Step 1 ends at L with snapshot S; step 2 is empty or all-missing; step 3 starts below both. */
  record AfterEmptyCase(
      long last,
      long snapshot,
      boolean allMissing,
      int missingCount,
      boolean snapshotMissing,
      long below,
      long snapBelow) {}

  static Gen<AfterEmptyCase> afterEmptyCases() {
    Gen<Long> positive =
        Gen.frequency(weighted(3, Gen.longs(1, 1000)), weighted(1, Gen.longs(1, Long.MAX_VALUE)));
    return Zip.zip(
        Zip.zip(positive, positive, Gen.booleans(), (a, b, c) -> List.<Object>of(a, b, c)),
        Zip.zip(
            Gen.ints(1, 5),
            Gen.booleans(),
            Gen.longs(0, Long.MAX_VALUE),
            (a, b, c) -> List.<Object>of(a, b, c)),
        Gen.longs(0, Long.MAX_VALUE),
        Gen.constant(0),
        (x, y, sb, unused) ->
            new AfterEmptyCase(
                (Long) x.get(0),
                (Long) x.get(1),
                (Boolean) x.get(2),
                (Integer) y.get(0),
                (Boolean) y.get(1),
                (Long) y.get(2),
                sb));
  }

  @Test
  void hardenedCatchesARegressionAfterAnEmptyBatch() {
    Property.forAll(afterEmptyCases())
        .named("sequence: high-water marks carried across empty batches and missing values (H15)")
        .check(
            c -> {
              long first = c.last() - 1 - Math.floorMod(c.below(), c.last());
              long snap3 = c.snapshot() - 1 - Math.floorMod(c.snapBelow(), c.snapshot());
              Step s1 = new Step(false, Optional.of(c.snapshot()), List.of(Optional.of(c.last())));
              List<Optional<Long>> middle = new ArrayList<>();
              if (c.allMissing()) {
                for (int i = 0; i < c.missingCount(); i++) {
                  middle.add(Optional.empty());
                }
              }
              Step s2 =
                  new Step(
                      false,
                      c.snapshotMissing() ? Optional.empty() : Optional.of(c.snapshot()),
                      middle);
              Step s3 =
                  new Step(
                      false,
                      Optional.of(snap3),
                      List.of(Optional.of(first), Optional.of(c.last())));
              for (VisibilityRules rules : PRESETS) {
                SequenceValidator validator = new SequenceValidator(rules);
                SequenceVerdict v1 =
                    SequenceModelPropertiesTest.run(validator, Optional.empty(), s1);
                SequenceVerdict v2 =
                    SequenceModelPropertiesTest.run(
                        validator, SequenceModelPropertiesTest.nextOf(v1), s2);
                SequenceVerdict v3 =
                    SequenceModelPropertiesTest.run(
                        validator, SequenceModelPropertiesTest.nextOf(v2), s3);
                List<String> expected = new ArrayList<>();
                boolean hardened = rules.replayAwareSequencing();
                if (hardened) {
                  expected.add("event_sequence_regression");
                  expected.add("snapshot_sequence_regression");
                } else if (!c.snapshotMissing()) {
                  // reference (3.5): watermarks are not carried; only a valid middle snapshot
                  // compares
                  expected.add("snapshot_sequence_regression");
                }
                assertEquals(expected, codes(v3), rules.name());
              }
            });
  }
}
