package io.superloop.visibility.core.sequence;

import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.sequence.EventDiagnostics;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.SequenceTransition;
import io.superloop.visibility.api.sequence.SnapshotDiagnostics;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.api.sequence.internal.ImmutableEventDiagnostics;
import io.superloop.visibility.api.sequence.internal.ImmutableSequenceTransition;
import io.superloop.visibility.api.sequence.internal.ImmutableSnapshotDiagnostics;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Checks the sequence ids of one snapshot and one batch of event envelopes against the previous
 * state (contract 3.3-3.5, C1-C3, C9). Use {@link #begin} for a batch, feed the snapshot value and
 * each event's value in batch order, then {@link Batch#finish()}. A batch holds a fixed number of
 * counters, so a batch of any size needs constant memory, and feeding a value allocates nothing.
 *
 * <p>Under {@code reference} rules the verdicts equal the reference's. Always (H14) the additive
 * {@code gaps}, {@code duplicates} and {@code max} are counted. With {@link
 * VisibilityRules#replayAwareSequencing()} (H15) a declared replay or rotation starts a new epoch
 * that is not compared with the old watermarks, and high-water marks are carried across empty
 * batches and missing values: the snapshot value and the first event value are compared with the
 * carried high-water marks instead of the previous values alone.
 */
public final class SequenceValidator {
  /**
   * The judgement of a sequence value that is not valid (absent, null, negative, fractional, beyond
   * 2^63-1, ...): what {@link #judge} returns for it, and what {@link Batch#snapshot} and {@link
   * Batch#event} take for a missing value.
   */
  public static final long MISSING = -1;

  private final VisibilityRules rules;

  /**
   * A validator under {@code rules}.
   *
   * @param rules the rules (H12 value syntax, H14 counts, H15 replay-aware sequencing)
   */
  public SequenceValidator(VisibilityRules rules) {
    this.rules = rules;
  }

  /** {@return the rules in force} */
  public VisibilityRules rules() {
    return rules;
  }

  /**
   * Judges a raw sequence value under these rules' syntax (H12).
   *
   * @param value the raw {@code sequence.value}, or null when absent
   * @return the value, 0 to 2^63-1, or {@link #MISSING}
   */
  public long judge(@Nullable JsonValue value) {
    return SequenceValues.judge(value, SequenceValueSyntax.of(rules));
  }

  /**
   * Starts a batch.
   *
   * <p>Of the previous state the batch reads {@code snapshot.current}, {@code events.last} and
   * {@code driftActive} (contract 3.2) and, with replay-aware sequencing (H15), the carried {@code
   * snapshot.highWater} and {@code events.highWater}; the rest of the record is not consulted.
   *
   * @param previous the previous {@code sequence-state.json}; empty when absent or unreadable
   * @param declaredReplay the caller declares this batch a replay from the start or a rotated log
   *     (only changes the verdict with replay-aware sequencing, H15)
   * @return the batch, to be fed the snapshot value once and each event value in order
   */
  public Batch begin(Optional<SequenceState> previous, boolean declaredReplay) {
    return new Batch(
        PreviousSequence.of(previous), declaredReplay && rules.replayAwareSequencing());
  }

  /** One snapshot value and one batch of event values being checked. Not thread-safe. */
  public final class Batch {
    private final PreviousSequence previous;
    private final boolean hardened;
    private boolean epochReset;
    private long compareSnapshotWith;
    private long compareEventsWith;

    private boolean snapshotSeen;
    private long snapshotCurrent = SequenceValues.MISSING;
    private boolean snapshotRegressed;

    private long ingested;
    private long first = SequenceValues.MISSING;
    private long last = SequenceValues.MISSING;
    private long max = SequenceValues.MISSING;
    private boolean eventsMissing;
    private boolean nonMonotonic;
    private long gaps;
    private long duplicates;

    Batch(PreviousSequence previous, boolean epochReset) {
      this.previous = previous;
      this.hardened = rules.replayAwareSequencing();
      compare(epochReset);
    }

    private void compare(boolean epochReset) {
      this.epochReset = epochReset;
      if (epochReset) {
        compareSnapshotWith = SequenceValues.MISSING;
        compareEventsWith = SequenceValues.MISSING;
      } else if (hardened) {
        compareSnapshotWith = max(previous.snapshotCurrent(), previous.snapshotHighWater());
        compareEventsWith = max(previous.eventsLast(), previous.eventsHighWater());
      } else {
        compareSnapshotWith = previous.snapshotCurrent().orElse(SequenceValues.MISSING);
        compareEventsWith = previous.eventsLast().orElse(SequenceValues.MISSING);
      }
    }

    /**
     * Starts a new epoch for this batch, before any value is fed: the caller found that the log
     * restarted (a truncated or rotated log read from its first line, H20). Only with replay-aware
     * sequencing (H15); otherwise the batch is compared with the old watermarks as before.
     *
     * @return this batch
     * @throws IllegalStateException when a value was already fed
     */
    public Batch resetEpoch() {
      if (snapshotSeen || ingested > 0) {
        throw new IllegalStateException("an epoch starts before the batch's first value");
      }
      if (hardened) {
        compare(true);
      }
      return this;
    }

    private long max(OptionalLong a, OptionalLong b) {
      return Math.max(a.orElse(SequenceValues.MISSING), b.orElse(SequenceValues.MISSING));
    }

    /**
     * Feeds the snapshot's value.
     *
     * @param value the judged value ({@link #MISSING} when missing or invalid)
     * @return this batch
     */
    public Batch snapshot(long value) {
      snapshotSeen = true;
      snapshotCurrent = value;
      snapshotRegressed = value >= 0 && compareSnapshotWith >= 0 && value < compareSnapshotWith;
      return this;
    }

    /**
     * Feeds the next event's value.
     *
     * @param value the judged value ({@link #MISSING} when missing, invalid or malformed)
     * @return this batch
     */
    public Batch event(long value) {
      ingested++;
      if (value < 0) {
        eventsMissing = true;
        return this;
      }
      if (last >= 0) {
        if (value < last) {
          nonMonotonic = true;
        } else if (value == last) {
          duplicates++;
        } else if (value - last > 1) {
          gaps++;
        }
      } else {
        first = value;
      }
      last = value;
      if (value > max) {
        max = value;
      }
      return this;
    }

    /**
     * Whether what was fed so far already shows {@code code} (the snapshot codes only after {@link
     * #snapshot}). Lets a caller report the envelope at which a violation first shows.
     *
     * @param code a violation code
     * @return whether the values fed so far already have that violation
     */
    public boolean shows(ViolationCode code) {
      switch (code) {
        case EVENT_SEQUENCE_MISSING:
          return eventsMissing;
        case EVENT_SEQUENCE_NON_MONOTONIC:
          return nonMonotonic;
        case EVENT_SEQUENCE_REGRESSION:
          return first >= 0 && compareEventsWith >= 0 && first < compareEventsWith;
        case SNAPSHOT_SEQUENCE_MISSING:
          return snapshotSeen && snapshotCurrent < 0;
        case SNAPSHOT_SEQUENCE_REGRESSION:
          return snapshotRegressed;
        default:
          return false;
      }
    }

    /** {@return events fed so far ({@code events.ingestedCount})} */
    public long ingestedCount() {
      return ingested;
    }

    /** {@return the verdict of the snapshot and the batch} */
    public SequenceVerdict finish() {
      boolean snapshotMissing = snapshotCurrent < 0;
      boolean acrossRegressed = first >= 0 && compareEventsWith >= 0 && first < compareEventsWith;

      List<ViolationCode> violations = new ArrayList<>(5);
      if (eventsMissing) {
        violations.add(ViolationCode.EVENT_SEQUENCE_MISSING);
      }
      if (nonMonotonic) {
        violations.add(ViolationCode.EVENT_SEQUENCE_NON_MONOTONIC);
      }
      if (acrossRegressed) {
        violations.add(ViolationCode.EVENT_SEQUENCE_REGRESSION);
      }
      if (snapshotMissing) {
        violations.add(ViolationCode.SNAPSHOT_SEQUENCE_MISSING);
      }
      if (snapshotRegressed) {
        violations.add(ViolationCode.SNAPSHOT_SEQUENCE_REGRESSION);
      }
      boolean driftActive = !violations.isEmpty();

      ImmutableSnapshotDiagnostics.Builder snap =
          SnapshotDiagnostics.builder()
              .previous(previous.snapshotCurrent())
              .current(opt(snapshotCurrent))
              .monotonic(!snapshotMissing && !snapshotRegressed)
              .regressed(snapshotRegressed)
              .missing(snapshotMissing);
      ImmutableEventDiagnostics.Builder events =
          EventDiagnostics.builder()
              .ingestedCount(ingested)
              .previousLast(previous.eventsLast())
              .first(opt(first))
              .last(opt(last))
              .monotonicWithinBatch(!nonMonotonic)
              .monotonicAcrossBatches(!acrossRegressed)
              .regressed(nonMonotonic || acrossRegressed)
              .missing(eventsMissing)
              .gaps(gaps)
              .duplicates(duplicates)
              .max(opt(max));
      ImmutableSequenceTransition.Builder transition =
          SequenceTransition.builder()
              .previousDriftActive(previous.driftActive())
              .transitionedToDrift(!previous.driftActive() && driftActive)
              .recoveredFromDrift(previous.driftActive() && !driftActive);
      if (hardened) {
        long snapHw = epochReset ? snapshotCurrent : Math.max(compareSnapshotWith, snapshotCurrent);
        long evtHw = epochReset ? max : Math.max(compareEventsWith, max);
        snap.highWater(opt(snapHw));
        events.highWater(opt(evtHw));
        transition.epochReset(epochReset);
      }
      if (!snapshotSeen) {
        throw new IllegalStateException("snapshot(value) was not called for this batch");
      }
      return new SequenceVerdict(
          snap.build(), events.build(), transition.build(), List.copyOf(violations));
    }
  }

  private static OptionalLong opt(long v) {
    return v >= 0 ? OptionalLong.of(v) : OptionalLong.empty();
  }
}
