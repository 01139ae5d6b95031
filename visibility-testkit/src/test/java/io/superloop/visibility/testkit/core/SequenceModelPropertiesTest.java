package io.superloop.visibility.testkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.sequence.SequenceValidator;
import io.superloop.visibility.core.sequence.SequenceVerdict;
import io.superloop.visibility.testkit.core.SequenceGens.Chain;
import io.superloop.visibility.testkit.core.SequenceModel.Outcome;
import io.superloop.visibility.testkit.core.SequenceModel.Prev;
import io.superloop.visibility.testkit.core.SequenceModel.Step;
import io.superloop.visibility.testkit.property.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The sequence validator against an independent model of contract 3.3-3.5 (reference) and H14/H15
 * (hardened), on random chains of steps whose previous state is carried from step to step.
 */
class SequenceModelPropertiesTest {

  /** Runs one step through the validator. */
  static SequenceVerdict run(
      SequenceValidator validator, Optional<SequenceState> previous, Step step) {
    SequenceValidator.Batch b = validator.begin(previous, step.declaredReplay());
    b.snapshot(step.snapshot().orElse(SequenceValidator.MISSING));
    for (Optional<Long> e : step.events()) {
      b.event(e.orElse(SequenceValidator.MISSING));
    }
    return b.finish();
  }

  /** The code's next previous state, built from its own verdict (what the store would persist). */
  static Optional<SequenceState> nextOf(SequenceVerdict v) {
    return Optional.of(
        v.toState(
            "2026-01-01T00:00:00Z",
            "loop-a",
            TraceId.of("4bf92f3577b34da6a3ce929d0e0e4736"),
            Transport.LOCAL));
  }

  private static void checkChain(Chain c, boolean hardened) {
    SequenceValidator validator =
        new SequenceValidator(hardened ? VisibilityRules.hardened() : VisibilityRules.reference());
    Prev modelPrev = c.start();
    Optional<SequenceState> codePrev = c.start().toCode();
    for (int i = 0; i < c.steps().size(); i++) {
      Step s = c.steps().get(i);
      Outcome expected = SequenceModel.model(modelPrev, s, hardened);
      SequenceVerdict verdict = run(validator, codePrev, s);
      assertEquals(expected, SequenceModel.observe(verdict), "step " + i);
      modelPrev = expected.next();
      codePrev = nextOf(verdict);
    }
  }

  @Test
  void referenceVerdictsEqualTheModel() {
    Property.forAll(SequenceGens.chains())
        .named("sequence: reference validator == model of contract 3.3-3.5")
        .tries(Math.max(Property.defaultTries(), 3000))
        .check(c -> checkChain(c, false));
  }

  @Test
  void hardenedVerdictsEqualTheModel() {
    Property.forAll(SequenceGens.chains())
        .named("sequence: hardened validator == model of H14/H15")
        .tries(Math.max(Property.defaultTries(), 3000))
        .check(c -> checkChain(c, true));
  }

  @Test
  void verdictsAreInternallyConsistent() {
    Property.forAll(SequenceGens.chains())
        .named("sequence: sorted unique violations, driftActive iff violations, transitions")
        .check(
            c -> {
              for (VisibilityRules rules :
                  List.of(VisibilityRules.reference(), VisibilityRules.hardened())) {
                SequenceValidator validator = new SequenceValidator(rules);
                Optional<SequenceState> prev = c.start().toCode();
                for (Step s : c.steps()) {
                  SequenceVerdict v = run(validator, prev, s);
                  boolean prevDrift = prev.isPresent() && prev.get().driftActive();
                  List<String> wires = new ArrayList<>();
                  for (ViolationCode code : v.violations()) {
                    wires.add(code.wire());
                  }
                  assertEquals(new ArrayList<>(new TreeSet<>(wires)), wires, "sorted and unique");
                  boolean drift = !wires.isEmpty();
                  assertEquals(drift, v.driftActive());
                  assertEquals(drift ? "ordering_drift_detected" : "ok", v.status().wire());
                  assertEquals(drift, v.reasonCode().isPresent());
                  assertEquals(prevDrift, v.transition().previousDriftActive());
                  assertEquals(!prevDrift && drift, v.transition().transitionedToDrift());
                  assertEquals(prevDrift && !drift, v.transition().recoveredFromDrift());
                  // each flag of the diagnostics shows in the violations and back
                  assertEquals(v.snapshot().missing(), wires.contains("snapshot_sequence_missing"));
                  assertEquals(
                      v.snapshot().regressed(), wires.contains("snapshot_sequence_regression"));
                  assertEquals(v.events().missing(), wires.contains("event_sequence_missing"));
                  assertEquals(
                      !v.events().monotonicWithinBatch(),
                      wires.contains("event_sequence_non_monotonic"));
                  assertEquals(
                      !v.events().monotonicAcrossBatches(),
                      wires.contains("event_sequence_regression"));
                  assertEquals(
                      v.events().regressed(),
                      !v.events().monotonicWithinBatch() || !v.events().monotonicAcrossBatches());
                  assertEquals(
                      v.snapshot().monotonic(),
                      !v.snapshot().missing() && !v.snapshot().regressed());
                  assertEquals(s.events().size(), v.events().ingestedCount());
                  prev = nextOf(v);
                }
              }
            });
  }
}
