package io.superloop.visibility.testkit.scenario.internal;

/**
 * A fault only a sprite_service answer can carry: a sequence value of the answer that is not what
 * the service's poll adapter assigns (contract 3.1).
 *
 * @param kind the fault
 * @param index for event faults: the index in the batch's envelope list (taken modulo its size)
 * @param valueJson for {@link Kind#EVENT_MISTYPED} and {@link Kind#SNAPSHOT_MISTYPED}: the JSON
 *     text written as {@code sequence.value} (invalid under both presets)
 */
public record SpriteFault(Kind kind, int index, String valueJson) {

  /** The kinds of sprite_service faults. */
  public enum Kind {
    /**
     * An event envelope's {@code sequence.value} is not a valid value: {@code
     * event_sequence_missing}.
     */
    EVENT_MISTYPED,
    /** An event envelope has no {@code sequence.value}: {@code event_sequence_missing}. */
    EVENT_MISSING,
    /** An event envelope is delivered twice in a row (same value): no violation, one duplicate. */
    EVENT_DUPLICATE,
    /**
     * An event envelope (not the first of the batch) carries a value below the preceding one:
     * {@code event_sequence_non_monotonic}.
     */
    EVENT_REGRESSING,
    /**
     * The first event envelope of the batch carries {@code 0}, below every earlier value: {@code
     * event_sequence_regression} when the previous watermark exists.
     */
    EVENT_REGRESSING_ACROSS,
    /**
     * The snapshot's {@code sequence.value} is not a valid value: {@code
     * snapshot_sequence_missing}.
     */
    SNAPSHOT_MISTYPED,
    /** The snapshot has no {@code sequence.value}: {@code snapshot_sequence_missing}. */
    SNAPSHOT_MISSING,
    /**
     * The snapshot's value is one below the previous snapshot value: {@code
     * snapshot_sequence_regression} when the previous watermark exists.
     */
    SNAPSHOT_REGRESSING
  }
}
