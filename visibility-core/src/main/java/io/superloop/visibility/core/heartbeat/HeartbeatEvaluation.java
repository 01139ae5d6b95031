package io.superloop.visibility.core.heartbeat;

import io.superloop.visibility.api.health.HealthReason;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import java.util.List;
import java.util.Optional;

/**
 * What the {@link FreshnessCalculator} decided for one step.
 *
 * @param state the heartbeat state the loop holds after the step: newly written, or the previous
 *     one kept (contract C5), or none
 * @param stateWritten whether {@code state} is new and must be written to {@code heartbeat.json}
 * @param observation the {@code telemetry/heartbeat.jsonl} row to append, if any
 * @param healthReasons the heartbeat's reasons for {@code health.json} (contract 2.5; hardened H9,
 *     H10, H18 add their own)
 */
public record HeartbeatEvaluation(
    Optional<HeartbeatState> state,
    boolean stateWritten,
    Optional<HeartbeatObservation> observation,
    List<HealthReason> healthReasons) {

  /**
   * Copies the reasons.
   *
   * @param state the heartbeat state the loop holds after the step
   * @param stateWritten whether {@code state} is new and must be written
   * @param observation the telemetry row to append, if any
   * @param healthReasons the heartbeat's reasons for {@code health.json}
   */
  public HeartbeatEvaluation {
    healthReasons = List.copyOf(healthReasons);
  }
}
