package io.superloop.visibility.testkit.gen.internal;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.sequence.EventDiagnostics;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.SequenceStatus;
import io.superloop.visibility.api.sequence.SequenceTransition;
import io.superloop.visibility.api.sequence.SnapshotDiagnostics;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.api.sequence.internal.ImmutableEventDiagnostics;
import io.superloop.visibility.api.sequence.internal.ImmutableSequenceObservation;
import io.superloop.visibility.api.sequence.internal.ImmutableSequenceState;
import io.superloop.visibility.api.sequence.internal.ImmutableSequenceTransition;
import io.superloop.visibility.api.sequence.internal.ImmutableSnapshotDiagnostics;
import io.superloop.visibility.testkit.gen.Gen;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Generators of the records of {@code api.sequence}, valid by construction. */
public final class SequenceGens {
  private SequenceGens() {}

  /**
   * Violation codes.
   *
   * @return the generator
   */
  public static Gen<ViolationCode> violationCodes() {
    return Gen.elements(ViolationCode.values());
  }

  /**
   * Sequence statuses.
   *
   * @return the generator
   */
  public static Gen<SequenceStatus> statuses() {
    return Gen.elements(SequenceStatus.values());
  }

  /**
   * Violation lists: sorted, unique subsets of the codes, empty about half the time.
   *
   * @return the generator
   */
  public static Gen<List<ViolationCode>> violationLists() {
    ViolationCode[] all = ViolationCode.values();
    Gen<List<ViolationCode>> some =
        Gen.listOf(Gen.booleans(), all.length, all.length)
            .map(
                picks -> {
                  List<ViolationCode> out = new ArrayList<>();
                  for (int i = 0; i < all.length; i++) {
                    if (picks.get(i)) {
                      out.add(all[i]);
                    }
                  }
                  return List.copyOf(out);
                });
    return Gen.frequency(
        Gen.weighted(1, Gen.constant(List.<ViolationCode>of())), Gen.weighted(1, some));
  }

  private static Gen<OptionalLong> sequenceValues() {
    return ValueGens.optionalLongs(ValueGens.nonNegativeLongs());
  }

  /**
   * Snapshot diagnostics: values {@code >= 0} or empty, any flags, unknown fields.
   *
   * @return the generator
   */
  public static Gen<SnapshotDiagnostics> snapshotDiagnostics() {
    return BuilderGen.of(
            SnapshotDiagnostics.class,
            ImmutableSnapshotDiagnostics::builder,
            ImmutableSnapshotDiagnostics.Builder::build)
        .with(sequenceValues(), ImmutableSnapshotDiagnostics.Builder::previous)
        .with(sequenceValues(), ImmutableSnapshotDiagnostics.Builder::current)
        .with(Gen.booleans(), ImmutableSnapshotDiagnostics.Builder::monotonic)
        .with(Gen.booleans(), ImmutableSnapshotDiagnostics.Builder::regressed)
        .with(Gen.booleans(), ImmutableSnapshotDiagnostics.Builder::missing)
        .with(sequenceValues(), ImmutableSnapshotDiagnostics.Builder::highWater)
        .with(ValueGens.unknownFields(), ImmutableSnapshotDiagnostics.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Event diagnostics: counts and values {@code >= 0} or empty, any flags, unknown fields.
   *
   * @return the generator
   */
  public static Gen<EventDiagnostics> eventDiagnostics() {
    return BuilderGen.of(
            EventDiagnostics.class,
            ImmutableEventDiagnostics::builder,
            ImmutableEventDiagnostics.Builder::build)
        .with(ValueGens.nonNegativeLongs(), ImmutableEventDiagnostics.Builder::ingestedCount)
        .with(sequenceValues(), ImmutableEventDiagnostics.Builder::previousLast)
        .with(sequenceValues(), ImmutableEventDiagnostics.Builder::first)
        .with(sequenceValues(), ImmutableEventDiagnostics.Builder::last)
        .with(Gen.booleans(), ImmutableEventDiagnostics.Builder::monotonicWithinBatch)
        .with(Gen.booleans(), ImmutableEventDiagnostics.Builder::monotonicAcrossBatches)
        .with(Gen.booleans(), ImmutableEventDiagnostics.Builder::regressed)
        .with(Gen.booleans(), ImmutableEventDiagnostics.Builder::missing)
        .with(sequenceValues(), ImmutableEventDiagnostics.Builder::gaps)
        .with(sequenceValues(), ImmutableEventDiagnostics.Builder::duplicates)
        .with(sequenceValues(), ImmutableEventDiagnostics.Builder::max)
        .with(sequenceValues(), ImmutableEventDiagnostics.Builder::highWater)
        .with(ValueGens.unknownFields(), ImmutableEventDiagnostics.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Drift transitions, {@code epochReset} present or empty, unknown fields.
   *
   * @return the generator
   */
  public static Gen<SequenceTransition> transitions() {
    return BuilderGen.of(
            SequenceTransition.class,
            ImmutableSequenceTransition::builder,
            ImmutableSequenceTransition.Builder::build)
        .with(Gen.booleans(), ImmutableSequenceTransition.Builder::previousDriftActive)
        .with(Gen.booleans(), ImmutableSequenceTransition.Builder::transitionedToDrift)
        .with(Gen.booleans(), ImmutableSequenceTransition.Builder::recoveredFromDrift)
        .with(Gen.optionals(Gen.booleans()), ImmutableSequenceTransition.Builder::epochReset)
        .with(ValueGens.unknownFields(), ImmutableSequenceTransition.Builder::putAllUnknownFields)
        .gen();
  }

  private static Optional<ReasonCode> reasonOf(List<ViolationCode> violations) {
    return violations.isEmpty()
        ? Optional.empty()
        : Optional.of(ReasonCode.ORDERING_DRIFT_DETECTED);
  }

  private static SequenceStatus statusOf(List<ViolationCode> violations) {
    return violations.isEmpty() ? SequenceStatus.OK : SequenceStatus.ORDERING_DRIFT_DETECTED;
  }

  /**
   * {@code sequence-state.json} states: the verdict (status, reason code, drift flag) derived from
   * the violations, transition present or empty, unknown fields.
   *
   * @return the generator
   */
  public static Gen<SequenceState> states() {
    return BuilderGen.of(
            SequenceState.class,
            ImmutableSequenceState::builder,
            ImmutableSequenceState.Builder::build)
        .with(ValueGens.timestamps(), ImmutableSequenceState.Builder::updatedAt)
        .with(ValueGens.loopIds(), ImmutableSequenceState.Builder::loopId)
        .with(ValueGens.optionalTraceIds(), ImmutableSequenceState.Builder::traceId)
        .with(ValueGens.transports(), ImmutableSequenceState.Builder::transport)
        .with(
            violationLists(),
            (b, v) ->
                b.status(statusOf(v))
                    .reasonCode(reasonOf(v))
                    .driftActive(!v.isEmpty())
                    .addAllViolations(v))
        .with(snapshotDiagnostics(), ImmutableSequenceState.Builder::snapshot)
        .with(eventDiagnostics(), ImmutableSequenceState.Builder::events)
        .with(Gen.optionals(transitions()), ImmutableSequenceState.Builder::transition)
        .with(ValueGens.unknownFields(), ImmutableSequenceState.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * {@code telemetry/sequence.jsonl} rows, with the verdict rules of {@link #states()}.
   *
   * @return the generator
   */
  public static Gen<SequenceObservation> observations() {
    return BuilderGen.of(
            SequenceObservation.class,
            ImmutableSequenceObservation::builder,
            ImmutableSequenceObservation.Builder::build)
        .with(ValueGens.timestamps(), ImmutableSequenceObservation.Builder::timestamp)
        .with(ValueGens.loopIds(), ImmutableSequenceObservation.Builder::loopId)
        .with(ValueGens.optionalTraceIds(), ImmutableSequenceObservation.Builder::traceId)
        .with(ValueGens.transports(), ImmutableSequenceObservation.Builder::transport)
        .with(
            violationLists(),
            (b, v) ->
                b.status(statusOf(v))
                    .reasonCode(reasonOf(v))
                    .driftActive(!v.isEmpty())
                    .addAllViolations(v))
        .with(snapshotDiagnostics(), ImmutableSequenceObservation.Builder::snapshot)
        .with(eventDiagnostics(), ImmutableSequenceObservation.Builder::events)
        .with(Gen.optionals(transitions()), ImmutableSequenceObservation.Builder::transition)
        .with(ValueGens.unknownFields(), ImmutableSequenceObservation.Builder::putAllUnknownFields)
        .gen();
  }
}
