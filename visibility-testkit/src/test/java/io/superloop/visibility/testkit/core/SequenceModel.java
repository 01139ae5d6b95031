package io.superloop.visibility.testkit.core;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.sequence.EventDiagnostics;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.SequenceStatus;
import io.superloop.visibility.api.sequence.SequenceTransition;
import io.superloop.visibility.api.sequence.SnapshotDiagnostics;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.core.sequence.SequenceVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * A small model of contract 3.3-3.5 (reference) and hardening H14/H15 (hardened), written from the
 * spec text alone, and the same view of the validator's verdict so the two can be compared with
 * {@code equals}. Values are {@code Optional<Long>}: empty means "no valid value".
 */
final class SequenceModel {
  private SequenceModel() {}

  /** The previous state as contract 3.2 reads it (plus the additive high-water marks). */
  record Prev(
      Optional<Long> snapshotCurrent,
      Optional<Long> eventsLast,
      boolean driftActive,
      Optional<Long> snapshotHighWater,
      Optional<Long> eventsHighWater) {
    static final Prev NONE =
        new Prev(Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty());

    /** {@return the previous state the validator is given: none for {@link #NONE}} */
    Optional<SequenceState> toCode() {
      return equals(NONE)
          ? Optional.empty()
          : state(
              ol(snapshotCurrent),
              ol(eventsLast),
              driftActive,
              ol(snapshotHighWater),
              ol(eventsHighWater));
    }
  }

  /**
   * A previous {@code sequence-state.json} holding what the validator reads of it (contract 3.2,
   * H15): {@code snapshot.current}, {@code events.last}, {@code driftActive} (with one violation,
   * as the contract requires of a state in drift) and the carried high-water marks.
   */
  static Optional<SequenceState> state(
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

  /** One reconcile's input: declared replay flag, snapshot value, event values in batch order. */
  record Step(boolean declaredReplay, Optional<Long> snapshot, List<Optional<Long>> events) {}

  /** Everything a verdict says, flattened. */
  record Outcome(
      List<String> violations,
      boolean driftActive,
      String status,
      Optional<String> reasonCode,
      Optional<Long> snapPrevious,
      Optional<Long> snapCurrent,
      boolean snapMonotonic,
      boolean snapRegressed,
      boolean snapMissing,
      Optional<Long> snapHighWater,
      long ingestedCount,
      Optional<Long> previousLast,
      Optional<Long> first,
      Optional<Long> last,
      boolean monotonicWithinBatch,
      boolean monotonicAcrossBatches,
      boolean eventsRegressed,
      boolean eventsMissing,
      Optional<Long> gaps,
      Optional<Long> duplicates,
      Optional<Long> max,
      Optional<Long> eventsHighWater,
      boolean previousDriftActive,
      boolean transitionedToDrift,
      boolean recoveredFromDrift,
      Optional<Boolean> epochReset) {

    /** The previous state the next step reads from this outcome (contract 3.2, H15). */
    Prev next() {
      return new Prev(snapCurrent, last, driftActive, snapHighWater, eventsHighWater);
    }
  }

  /** The model. {@code hardened} = replay-aware sequencing (H15); H14 counters are always there. */
  static Outcome model(Prev p, Step s, boolean hardened) {
    boolean epochReset = hardened && s.declaredReplay();
    // What the snapshot value and the first event value are compared with.
    Optional<Long> snapBaseline;
    Optional<Long> eventBaseline;
    if (epochReset) {
      snapBaseline = Optional.empty(); // a new epoch is not compared with the old watermarks
      eventBaseline = Optional.empty();
    } else if (hardened) {
      snapBaseline = larger(p.snapshotCurrent(), p.snapshotHighWater()); // carried high-water mark
      eventBaseline = larger(p.eventsLast(), p.eventsHighWater());
    } else {
      snapBaseline = p.snapshotCurrent(); // 3.2: prevSnap = .snapshot.current
      eventBaseline = p.eventsLast(); //      prevEvt = .events.last
    }

    // Snapshot (3.3)
    boolean snapMissing = s.snapshot().isEmpty();
    boolean snapRegressed =
        !snapMissing && snapBaseline.isPresent() && s.snapshot().get() < snapBaseline.get();

    // Events (3.3, C2, C9, H14)
    long count = 0;
    Long first = null;
    Long last = null;
    Long max = null;
    boolean missing = false;
    boolean nonMonotonic = false;
    long gaps = 0;
    long duplicates = 0;
    for (Optional<Long> e : s.events()) {
      count++;
      if (e.isEmpty()) {
        missing = true;
        continue;
      }
      long v = e.get();
      if (last == null) {
        first = v;
      } else {
        if (v < last) {
          nonMonotonic = true;
        } else if (v == last) {
          duplicates++;
        } else if (v - last > 1) {
          gaps++;
        }
      }
      last = v;
      max = max == null ? v : Math.max(max, v);
    }
    boolean across = first != null && eventBaseline.isPresent() && first < eventBaseline.get();

    // 3.4: de-duplicated, sorted by byte order
    TreeSet<String> violations = new TreeSet<>();
    if (snapMissing) {
      violations.add("snapshot_sequence_missing");
    }
    if (snapRegressed) {
      violations.add("snapshot_sequence_regression");
    }
    if (missing) {
      violations.add("event_sequence_missing");
    }
    if (nonMonotonic) {
      violations.add("event_sequence_non_monotonic");
    }
    if (across) {
      violations.add("event_sequence_regression");
    }
    boolean drift = !violations.isEmpty();

    Optional<Long> snapHw = Optional.empty();
    Optional<Long> evtHw = Optional.empty();
    if (hardened) {
      snapHw = epochReset ? s.snapshot() : larger(snapBaseline, s.snapshot());
      evtHw =
          epochReset ? Optional.ofNullable(max) : larger(eventBaseline, Optional.ofNullable(max));
    }
    return new Outcome(
        new ArrayList<>(violations),
        drift,
        drift ? "ordering_drift_detected" : "ok",
        drift ? Optional.of("ordering_drift_detected") : Optional.empty(),
        p.snapshotCurrent(),
        s.snapshot(),
        !snapMissing && !snapRegressed,
        snapRegressed,
        snapMissing,
        snapHw,
        count,
        p.eventsLast(),
        Optional.ofNullable(first),
        Optional.ofNullable(last),
        !nonMonotonic,
        !across,
        nonMonotonic || across,
        missing,
        Optional.of(gaps),
        Optional.of(duplicates),
        Optional.ofNullable(max),
        evtHw,
        p.driftActive(),
        !p.driftActive() && drift,
        p.driftActive() && !drift,
        hardened ? Optional.of(epochReset) : Optional.empty());
  }

  /** The validator's verdict in the model's terms. */
  static Outcome observe(SequenceVerdict v) {
    SnapshotDiagnostics sn = v.snapshot();
    EventDiagnostics ev = v.events();
    SequenceTransition t = v.transition();
    List<String> codes = new ArrayList<>();
    for (ViolationCode c : v.violations()) {
      codes.add(c.wire());
    }
    return new Outcome(
        codes,
        v.driftActive(),
        v.status().wire(),
        v.reasonCode().map(r -> r.wire()),
        o(sn.previous()),
        o(sn.current()),
        sn.monotonic(),
        sn.regressed(),
        sn.missing(),
        o(sn.highWater()),
        ev.ingestedCount(),
        o(ev.previousLast()),
        o(ev.first()),
        o(ev.last()),
        ev.monotonicWithinBatch(),
        ev.monotonicAcrossBatches(),
        ev.regressed(),
        ev.missing(),
        o(ev.gaps()),
        o(ev.duplicates()),
        o(ev.max()),
        o(ev.highWater()),
        t.previousDriftActive(),
        t.transitionedToDrift(),
        t.recoveredFromDrift(),
        t.epochReset());
  }

  static Optional<Long> larger(Optional<Long> a, Optional<Long> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(Math.max(a.get(), b.get()));
  }

  static Optional<Long> o(OptionalLong v) {
    return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
  }

  static OptionalLong ol(Optional<Long> v) {
    return v.isPresent() ? OptionalLong.of(v.get()) : OptionalLong.empty();
  }
}
