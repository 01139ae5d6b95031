package io.superloop.visibility.core.sequence;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.sequence.EventDiagnostics;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.SequenceStatus;
import io.superloop.visibility.api.sequence.SequenceTransition;
import io.superloop.visibility.api.sequence.SnapshotDiagnostics;
import io.superloop.visibility.api.sequence.ViolationCode;
import java.util.List;
import java.util.Optional;

/**
 * The validator's verdict on one snapshot and batch: the diagnostics objects of {@code
 * sequence-state.json} and the sorted, unique violation codes (contract 3.4, 3.5).
 *
 * @param snapshot snapshot diagnostics
 * @param events event diagnostics
 * @param transition drift transition
 * @param violations violation codes, sorted by wire string, unique
 */
public record SequenceVerdict(
    SnapshotDiagnostics snapshot,
    EventDiagnostics events,
    SequenceTransition transition,
    List<ViolationCode> violations) {

  /**
   * Copies the violations.
   *
   * @param snapshot snapshot diagnostics
   * @param events event diagnostics
   * @param transition drift transition
   * @param violations violation codes, sorted by wire string, unique
   */
  public SequenceVerdict {
    violations = List.copyOf(violations);
  }

  /** {@return whether drift is active: {@code violations} is non-empty} */
  public boolean driftActive() {
    return !violations.isEmpty();
  }

  /** {@return {@code ordering_drift_detected} when drift is active, else {@code ok}} */
  public SequenceStatus status() {
    return driftActive() ? SequenceStatus.ORDERING_DRIFT_DETECTED : SequenceStatus.OK;
  }

  /**
   * The {@code sequence-state.json} of this verdict, stamped with the step's identity.
   *
   * @param updatedAt the step's manager clock ({@code YYYY-MM-DDTHH:MM:SSZ})
   * @param loopId the loop
   * @param traceId the step's trace
   * @param transport the step's transport
   * @return the state
   */
  public SequenceState toState(
      String updatedAt, String loopId, TraceId traceId, Transport transport) {
    return SequenceState.builder()
        .updatedAt(updatedAt)
        .loopId(loopId)
        .traceId(traceId)
        .transport(transport)
        .status(status())
        .reasonCode(reasonCode())
        .driftActive(driftActive())
        .violations(violations)
        .snapshot(snapshot)
        .events(events)
        .transition(transition)
        .build();
  }

  /** {@return {@code ordering_drift_detected} when drift is active, else empty} */
  public Optional<ReasonCode> reasonCode() {
    return driftActive() ? Optional.of(ReasonCode.ORDERING_DRIFT_DETECTED) : Optional.empty();
  }
}
