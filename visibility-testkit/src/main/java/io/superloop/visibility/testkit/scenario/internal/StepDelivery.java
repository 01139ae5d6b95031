package io.superloop.visibility.testkit.scenario.internal;

import io.superloop.visibility.api.Transport;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.testkit.scenario.Delivery;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Turns a {@link History} into reconcile steps of one transport and records what the loop directory
 * holds after each step: the machinery behind the public {@link Delivery}, which wraps one of
 * these. The library's own tests (and its Kafka Streams and OpenTelemetry modules' tests) use it
 * directly to read each step's {@link StepView}.
 */
public interface StepDelivery {

  /**
   * The local transport: writes the runtime files ({@code events.jsonl}, {@code heartbeat.v1.json})
   * into a repository under the work directory and reconciles with {@code
   * VisibilityPlane.reconcileLocal}.
   */
  StepDelivery LOCAL = new LocalDelivery();

  /**
   * The sprite_service transport: builds the {@code /ops/snapshot} and {@code /ops/events} answers
   * directly from the model with the testkit's own encoder of the v1 envelope shape (never through
   * the library's local source) and reconciles with {@code
   * VisibilityPlane.reconcile(SpriteServicePoll.ofBodies(...))}.
   */
  StepDelivery SPRITE_SERVICE = new SpriteServiceDelivery();

  /**
   * A sprite_service delivery whose answers come from an adapter under test: before each reconcile
   * the testkit writes the step's runtime files ({@code events.jsonl}, {@code heartbeat.v1.json})
   * into a runtime folder of the run's own, then asks {@code service} for the {@code /ops/snapshot}
   * and {@code /ops/events} answers with the manager's cursor; an exception of the service is a
   * failed request ({@code events_unavailable}). It carries the histories both transports carry
   * ({@link History#carriableByBoth()}); control actions are recorded as {@link #SPRITE_SERVICE}
   * records them.
   *
   * @param service the adapter
   * @return the delivery
   */
  static StepDelivery spriteService(Delivery.Service service) {
    return new SpriteServiceDelivery(Objects.requireNonNull(service, "service"));
  }

  /**
   * {@link #LOCAL} with each step's plane configured further, for example with a listener; the
   * control actions go through the plane's {@code control} (completed at the step's clock).
   *
   * @param configure applied to each plane's builder after the delivery's own settings; returns it
   * @return the delivery
   */
  static StepDelivery localWith(UnaryOperator<VisibilityPlane.Builder> configure) {
    return new LocalDelivery(Objects.requireNonNull(configure, "configure"), true);
  }

  /**
   * {@link #SPRITE_SERVICE} with each step's plane configured further, for example with a listener;
   * the control actions go through the plane's {@code control} (completed at the step's clock).
   *
   * @param configure applied to each plane's builder after the delivery's own settings; returns it
   * @return the delivery
   */
  static StepDelivery spriteServiceWith(UnaryOperator<VisibilityPlane.Builder> configure) {
    return new SpriteServiceDelivery(null, Objects.requireNonNull(configure, "configure"), true);
  }

  /** {@return the transport the loop's records name} */
  Transport transport();

  /**
   * Tells whether this delivery can carry a history.
   *
   * @param history the history
   * @return whether it holds no fault of the other transport
   */
  boolean canCarry(History history);

  /**
   * Runs every step of {@code history} against a fresh loop under {@code workDir} (which must be
   * empty or absent) and returns the loop's files after each step.
   *
   * @param history the history
   * @param workDir a directory of this run alone
   * @param rules the rules of every step
   * @return the run
   */
  DeliveryRun deliver(History history, Path workDir, VisibilityRules rules);

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
