package io.superloop.visibility.core.sequence;

import io.superloop.visibility.api.sequence.SequenceState;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the validator needs of the previous sequence state (contract 3.2): the previous snapshot
 * value and last event value, whether drift was active, and (hardened H15) the carried high-water
 * marks. {@link #NONE} when there is no readable previous state. Built by {@link
 * SequenceValidator#begin} from the {@link SequenceState} it is given.
 *
 * @param snapshotCurrent previous {@code snapshot.current}
 * @param eventsLast previous {@code events.last}
 * @param driftActive previous {@code driftActive == true}
 * @param snapshotHighWater previous {@code snapshot.highWater} (additive)
 * @param eventsHighWater previous {@code events.highWater} (additive)
 */
record PreviousSequence(
    OptionalLong snapshotCurrent,
    OptionalLong eventsLast,
    boolean driftActive,
    OptionalLong snapshotHighWater,
    OptionalLong eventsHighWater) {

  /**
   * The validator's view of a previous {@code sequence-state.json}.
   *
   * @param state the previous state, if readable
   * @return {@link #NONE} when absent, else its values
   */
  static PreviousSequence of(Optional<SequenceState> state) {
    if (state.isEmpty()) {
      return NONE;
    }
    SequenceState s = state.get();
    return new PreviousSequence(
        s.snapshot().current(),
        s.events().last(),
        s.driftActive(),
        s.snapshot().highWater(),
        s.events().highWater());
  }

  /** No previous state. */
  static final PreviousSequence NONE =
      new PreviousSequence(
          OptionalLong.empty(),
          OptionalLong.empty(),
          false,
          OptionalLong.empty(),
          OptionalLong.empty());
}
