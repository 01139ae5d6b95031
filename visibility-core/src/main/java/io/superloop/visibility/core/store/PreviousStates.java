package io.superloop.visibility.core.store;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.envelope.CursorState;
import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.health.TransportHealth;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.core.reconcile.internal.ImmutableStepInput;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A loop's state files before a reconcile step, as {@link LoopStore#loadPrevious()} read them. An
 * unreadable file counts as absent for the verdict, is renamed aside (H2) and adds the warning
 * {@code previous_state_unreadable}.
 *
 * @param sequence {@code sequence-state.json}
 * @param heartbeat {@code heartbeat.json}
 * @param health {@code health.json}
 * @param transportHealth {@code telemetry/transport-health.json}
 * @param cursor {@code cursor.json}
 * @param warnings {@code previous_state_unreadable} once if any file was unreadable
 * @param quarantined where unreadable files were renamed to
 */
public record PreviousStates(
    Optional<SequenceState> sequence,
    Optional<HeartbeatState> heartbeat,
    Optional<Health> health,
    Optional<TransportHealth> transportHealth,
    Optional<CursorState> cursor,
    List<ReasonCode> warnings,
    List<Path> quarantined) {

  /**
   * Copies the lists.
   *
   * @param sequence {@code sequence-state.json}
   * @param heartbeat {@code heartbeat.json}
   * @param health {@code health.json}
   * @param transportHealth {@code telemetry/transport-health.json}
   * @param cursor {@code cursor.json}
   * @param warnings {@code previous_state_unreadable} once if any file was unreadable
   * @param quarantined where unreadable files were renamed to
   */
  public PreviousStates {
    warnings = List.copyOf(warnings);
    quarantined = List.copyOf(quarantined);
  }

  /**
   * Sets the previous states and load warnings of a step input (the cursor is not part of it).
   *
   * @param step the step input being built
   * @return {@code step}
   */
  public ImmutableStepInput.Builder applyTo(ImmutableStepInput.Builder step) {
    return step.previousSequence(sequence)
        .previousHeartbeat(heartbeat)
        .previousHealth(health)
        .previousTransportHealth(transportHealth)
        .addAllLoadWarnings(warnings);
  }
}
