package io.superloop.visibility.api.sequence;

import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.sequence.internal.ImmutableSnapshotDiagnostics;
import java.util.Map;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The {@code snapshot} object of sequence diagnostics (contract 1.5, 3.3). Not null-filtered: an
 * empty {@link #previous()} or {@link #current()} is written as an explicit {@code null}; the
 * additive {@link #highWater()} (H15) is omitted when empty. Sequence values are {@code >= 0}
 * ({@code invalid_sequence_value} otherwise).
 */
@Value.Immutable
@VisibilityStyle
public abstract class SnapshotDiagnostics {

  /** Only the generated implementation extends this class (its package is not exported). */
  protected SnapshotDiagnostics() {}

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link io.superloop.visibility.api.ErrorCode#INVALID_SEQUENCE_VALUE}) when a value breaks the
   * record's contract checks.
   */
  public static ImmutableSnapshotDiagnostics.Builder builder() {
    return ImmutableSnapshotDiagnostics.builder();
  }

  /**
   * {@return the previous state's {@code snapshot.current}; empty (written {@code null}) when none}
   */
  public abstract OptionalLong previous();

  /**
   * {@return this snapshot's sequence value; empty (written {@code null}) when missing or invalid}
   */
  public abstract OptionalLong current();

  /** {@return whether the snapshot value is monotonic: false when it is missing or regressed} */
  public abstract boolean monotonic();

  /** {@return whether the value is below the previous one} */
  public abstract boolean regressed();

  /** {@return whether the snapshot has no valid sequence value} */
  public abstract boolean missing();

  /**
   * {@return the largest valid snapshot value seen since the epoch began, carried across steps;
   * empty (omitted) when none or not tracked} Additive (H15).
   */
  public abstract OptionalLong highWater();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    SequenceChecks.sequenceValue("snapshot.previous", previous());
    SequenceChecks.sequenceValue("snapshot.current", current());
    SequenceChecks.sequenceValue("snapshot.highWater", highWater());
  }
}
