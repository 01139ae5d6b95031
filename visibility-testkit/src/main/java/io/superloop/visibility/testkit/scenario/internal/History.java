package io.superloop.visibility.testkit.scenario.internal;

import io.superloop.visibility.api.health.HealthThresholds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A transport-neutral model of one loop's runtime history: what the runtime writes, what the
 * manager's clock says, and which control actions run, step by step. A {@link StepDelivery} turns
 * it into reconcile steps of one transport.
 *
 * @param loopId the loop
 * @param start the manager clock before the first step
 * @param thresholds the heartbeat (and other) thresholds of every step
 * @param seed the seed of generated trace ids (both deliveries use it identically)
 * @param steps the steps, at least one
 */
public record History(
    String loopId, Instant start, HealthThresholds thresholds, long seed, List<HistoryStep> steps) {

  /**
   * A compact constructor keeping the steps unmodifiable.
   *
   * @param loopId the loop
   * @param start the manager clock before the first step
   * @param thresholds the heartbeat (and other) thresholds of every step
   * @param seed the seed of generated trace ids (both deliveries use it identically)
   * @param steps the steps, at least one
   */
  public History {
    steps = List.copyOf(steps);
  }

  /**
   * {@return whether every step can be carried by both transports (no local-only, no sprite-only
   * fault)}
   */
  public boolean carriableByBoth() {
    return steps.stream().noneMatch(s -> s.hasLocalOnlyFault() || s.hasSpriteOnlyFault());
  }

  /** {@return whether the local transport can carry the history (no sprite-only fault)} */
  public boolean carriableByLocal() {
    return steps.stream().noneMatch(HistoryStep::hasSpriteOnlyFault);
  }

  /** {@return whether the sprite_service transport can carry the history (no local-only fault)} */
  public boolean carriableBySprite() {
    return steps.stream().noneMatch(HistoryStep::hasLocalOnlyFault);
  }

  /**
   * The manager clock at a step.
   *
   * @param index the 0-based step
   * @return the start plus the advances of steps 0 to {@code index}
   */
  public Instant clockAt(int index) {
    Instant t = start;
    for (int i = 0; i <= index; i++) {
      t = t.plusSeconds(steps.get(i).advanceSeconds());
    }
    return t;
  }

  /**
   * This history with one more step.
   *
   * @param step the step appended
   * @return the copy
   */
  public History plus(HistoryStep step) {
    List<HistoryStep> s = new ArrayList<>(steps);
    s.add(step);
    return new History(loopId, start, thresholds, seed, s);
  }

  /**
   * This history with its last step replaced.
   *
   * @param step the new last step
   * @return the copy
   */
  public History withLastStep(HistoryStep step) {
    List<HistoryStep> s = new ArrayList<>(steps);
    s.set(s.size() - 1, step);
    return new History(loopId, start, thresholds, seed, s);
  }
}
