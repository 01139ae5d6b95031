package io.superloop.visibility.testkit.scenario;

import io.superloop.visibility.api.Transport;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a {@link RuntimeHistory} into reconcile steps of one transport and records what the loop
 * directory holds after each step. Implement it to run the {@link ParityProperties} on another
 * adapter.
 */
public interface Delivery {

  /**
   * The local transport: writes the runtime files ({@code events.jsonl}, {@code heartbeat.v1.json})
   * into a repository under the work directory and reconciles with {@code
   * VisibilityPlane.reconcileLocal}.
   */
  Delivery LOCAL = new LocalDelivery();

  /**
   * The sprite_service transport: builds the {@code /ops/snapshot} and {@code /ops/events} answers
   * directly from the model with the testkit's own encoder of the v1 envelope shape (never through
   * the library's local source) and reconciles with {@code VisibilityPlane.reconcile(new
   * SpriteServiceIngest().ofBodies(...))}.
   */
  Delivery SPRITE_SERVICE = new SpriteServiceDelivery();

  /** {@return the transport the loop's records name} */
  Transport transport();

  /**
   * Tells whether this delivery can carry a history.
   *
   * @param history the history
   * @return whether it holds no fault of the other transport
   */
  boolean canCarry(RuntimeHistory history);

  /**
   * Runs every step of {@code history} against a fresh loop under {@code workDir} (which must be
   * empty or absent) and returns the loop's files after each step.
   *
   * @param history the history
   * @param workDir a directory of this run alone
   * @param rules the rules of every step
   * @return the run
   */
  DeliveryRun deliver(RuntimeHistory history, Path workDir, VisibilityRules rules);

  /**
   * What a delivery did.
   *
   * @param transport the transport
   * @param repoRoot the manager-side repository (its path is normalized away when comparing)
   * @param steps one view per step, in order
   */
  record DeliveryRun(Transport transport, Path repoRoot, List<StepView> steps) {
    /**
     * A compact constructor keeping the steps unmodifiable.
     *
     * @param transport the transport
     * @param repoRoot the manager-side repository
     * @param steps one view per step, in order
     */
    public DeliveryRun {
      steps = List.copyOf(steps);
    }

    /** {@return the view after the last step} */
    public StepView last() {
      return steps.get(steps.size() - 1);
    }
  }
}
