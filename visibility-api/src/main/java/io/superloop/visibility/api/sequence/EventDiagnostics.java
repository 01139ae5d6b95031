package io.superloop.visibility.api.sequence;

import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.sequence.internal.ImmutableEventDiagnostics;
import java.util.Map;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The {@code events} object of sequence diagnostics (contract 1.5, 3.3, C2, C3, C9). Not
 * null-filtered: an empty {@link #previousLast()}, {@link #first()} or {@link #last()} is written
 * as an explicit {@code null}. The additive fields of H14/H15 ({@link #gaps()}, {@link
 * #duplicates()}, {@link #max()}, {@link #highWater()}) are omitted when empty. Counts and sequence
 * values are {@code >= 0}.
 */
@Value.Immutable
@VisibilityStyle
public abstract class EventDiagnostics {

  /** Only the generated implementation extends this class (its package is not exported). */
  protected EventDiagnostics() {}

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link io.superloop.visibility.api.ErrorCode#INVALID_SEQUENCE_VALUE} or {@link
   * io.superloop.visibility.api.ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the record's
   * contract checks.
   */
  public static ImmutableEventDiagnostics.Builder builder() {
    return ImmutableEventDiagnostics.builder();
  }

  /** {@return envelopes of the batch, malformed ones included (C9)} */
  public abstract long ingestedCount();

  /** {@return the previous state's {@code events.last}; empty (written {@code null}) when none} */
  public abstract OptionalLong previousLast();

  /** {@return the first valid value of the batch; empty (written {@code null}) when none} */
  public abstract OptionalLong first();

  /**
   * {@return the last valid value of the batch (not the maximum); empty (written {@code null}) when
   * none}
   */
  public abstract OptionalLong last();

  /**
   * {@return whether the batch is monotonic: false when a valid value is below the preceding valid
   * value of the batch}
   */
  public abstract boolean monotonicWithinBatch();

  /**
   * {@return whether the batch continues the previous one: false when {@link #first()} is below
   * {@link #previousLast()}}
   */
  public abstract boolean monotonicAcrossBatches();

  /** {@return whether the batch regressed within or across batches} */
  public abstract boolean regressed();

  /** {@return whether any envelope of the batch has no valid value} */
  public abstract boolean missing();

  /**
   * {@return the number of valid values that exceed the preceding valid value by more than 1; empty
   * (omitted) when not counted} Additive (H14).
   */
  public abstract OptionalLong gaps();

  /**
   * {@return the number of valid values equal to the preceding valid value; empty (omitted) when
   * not counted} Additive (H14).
   */
  public abstract OptionalLong duplicates();

  /**
   * {@return the largest valid value of the batch; empty (omitted) when none or not computed}
   * Additive (H14).
   */
  public abstract OptionalLong max();

  /**
   * {@return the largest valid event value seen since the epoch began, carried across steps; empty
   * (omitted) when none or not tracked} Additive (H15).
   */
  public abstract OptionalLong highWater();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    SequenceChecks.count("events.ingestedCount", ingestedCount());
    SequenceChecks.count("events.gaps", gaps());
    SequenceChecks.count("events.duplicates", duplicates());
    SequenceChecks.sequenceValue("events.previousLast", previousLast());
    SequenceChecks.sequenceValue("events.first", first());
    SequenceChecks.sequenceValue("events.last", last());
    SequenceChecks.sequenceValue("events.max", max());
    SequenceChecks.sequenceValue("events.highWater", highWater());
  }
}
