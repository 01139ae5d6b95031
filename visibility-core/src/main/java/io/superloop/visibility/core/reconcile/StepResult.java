package io.superloop.visibility.core.reconcile;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.health.TransportHealth;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.core.heartbeat.HeartbeatEvaluation;
import java.util.List;
import java.util.Optional;

/**
 * What one reconcile step produced, in the order the store persists it (contract 1.14): heartbeat
 * state and row, sequence state and row, transport health, health, escalation rows, the reconcile
 * row. Every record carries the step's trace.
 *
 * @param heartbeat the heartbeat decision (state to write, row to append)
 * @param sequenceState the new {@code sequence-state.json} (only when the ingest succeeded)
 * @param sequenceRow the {@code telemetry/sequence.jsonl} row (only when the ingest succeeded)
 * @param transportHealth the new {@code telemetry/transport-health.json}
 * @param health the new {@code health.json}
 * @param escalations rows for {@code escalations.jsonl}, in order
 * @param reconcileRow the {@code telemetry/reconcile.jsonl} row
 * @param warnings non-fatal problems of the step (also in the reconcile row)
 */
public record StepResult(
    HeartbeatEvaluation heartbeat,
    Optional<SequenceState> sequenceState,
    Optional<SequenceObservation> sequenceRow,
    TransportHealth transportHealth,
    Health health,
    List<EscalationRow> escalations,
    ReconcileRow reconcileRow,
    List<ReasonCode> warnings) {

  /**
   * Copies the lists.
   *
   * @param heartbeat the heartbeat decision
   * @param sequenceState the new {@code sequence-state.json}, if any
   * @param sequenceRow the {@code telemetry/sequence.jsonl} row, if any
   * @param transportHealth the new {@code telemetry/transport-health.json}
   * @param health the new {@code health.json}
   * @param escalations rows for {@code escalations.jsonl}, in order
   * @param reconcileRow the {@code telemetry/reconcile.jsonl} row
   * @param warnings non-fatal problems of the step
   */
  public StepResult {
    escalations = List.copyOf(escalations);
    warnings = List.copyOf(warnings);
  }

  /**
   * {@return the {@code heartbeat.json} the step writes: the heartbeat decision's state when it
   * writes one, else empty}
   */
  public Optional<HeartbeatState> heartbeatStateToWrite() {
    return heartbeat.stateWritten() ? heartbeat.state() : Optional.empty();
  }

  /** {@return the {@code telemetry/heartbeat.jsonl} row the step appends, if any} */
  public Optional<HeartbeatObservation> heartbeatRow() {
    return heartbeat.observation();
  }
}
