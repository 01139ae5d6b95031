package io.superloop.visibility.core.sequence;

import java.util.OptionalLong;

/**
 * What the validator needs of the previous sequence state (contract 3.2): the previous snapshot value
 * and last event value, whether drift was active, and (hardened H15) the carried high-water marks.
 * {@link #NONE} when there is no readable previous state.
 *
 * @param snapshotCurrent previous {@code snapshot.current}
 * @param eventsLast previous {@code events.last}
 * @param driftActive previous {@code driftActive == true}
 * @param snapshotHighWater previous {@code snapshot.highWater} (additive)
 * @param eventsHighWater previous {@code events.highWater} (additive)
 */
public record PreviousSequence(
    OptionalLong snapshotCurrent,
    OptionalLong eventsLast,
    boolean driftActive,
    OptionalLong snapshotHighWater,
    OptionalLong eventsHighWater) {

  /** No previous state. */
  public static final PreviousSequence NONE =
      new PreviousSequence(
          OptionalLong.empty(), OptionalLong.empty(), false, OptionalLong.empty(), OptionalLong.empty());
}
