package io.superloop.visibility.api.sequence;

import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.sequence.internal.ImmutableSequenceTransition;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code transition} object of sequence diagnostics (contract 1.5, 3.5): drift before and the
 * change of this step. The additive {@link #epochReset()} (H15) is omitted when empty.
 */
@Value.Immutable
@VisibilityStyle
public abstract class SequenceTransition {

  /** Only the generated implementation extends this class (its package is not exported). */
  protected SequenceTransition() {}

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableSequenceTransition.Builder builder() {
    return ImmutableSequenceTransition.builder();
  }

  /**
   * {@return the previous state's {@code driftActive} (anything but {@code true} counts as false)}
   */
  public abstract boolean previousDriftActive();

  /** {@return whether drift began: no drift before, drift now} */
  public abstract boolean transitionedToDrift();

  /** {@return whether the drift ended: drift before, none now} */
  public abstract boolean recoveredFromDrift();

  /**
   * {@return whether this batch was declared a replay or rotation and started a new epoch; empty
   * (omitted) when not judged} Additive (H15).
   */
  public abstract Optional<Boolean> epochReset();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();
}
