package io.superloop.visibility.testkit.scenario;

import io.superloop.visibility.api.Transport;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Turns a {@link RuntimeHistory} into reconcile steps of one transport and records what the loop
 * directory holds after each step. To run the {@link ParityProperties} on a sprite service adapter,
 * wrap it with {@link #spriteService}: the testkit writes each step's runtime files, asks the
 * adapter for its answers, and reconciles them:
 *
 * <pre>{@code
 * Delivery mine = Delivery.spriteService(new Delivery.Service() {
 *   public String snapshot(Path runtimeDir, Instant now, Optional<String> traceId) {
 *     return myService.snapshot(runtimeDir, now, traceId);
 *   }
 *   public String events(Path runtimeDir, long cursor, Instant now, Optional<String> traceId) {
 *     return myService.events(runtimeDir, cursor, now, traceId);
 *   }
 * });
 * ParityProperties.in(tempDir).transportParity(
 *     Scenarios.carriableHistories(), Delivery.LOCAL, mine, VisibilityRules.hardened());
 * }</pre>
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
   * the library's local source) and reconciles with {@code
   * VisibilityPlane.reconcile(SpriteServicePoll.ofBodies(...))}.
   */
  Delivery SPRITE_SERVICE = new SpriteServiceDelivery();

  /**
   * A sprite_service delivery whose answers come from an adapter under test: before each reconcile
   * the testkit writes the step's runtime files ({@code events.jsonl}, {@code heartbeat.v1.json})
   * into a runtime folder of the run's own, then asks {@code service} for the {@code /ops/snapshot}
   * and {@code /ops/events} answers with the manager's cursor; an exception of the service is a
   * failed request ({@code events_unavailable}). It carries the histories both transports carry
   * ({@link RuntimeHistory#carriableByBoth()}); control actions are recorded as {@link
   * #SPRITE_SERVICE} records them.
   *
   * @param service the adapter
   * @return the delivery
   */
  static Delivery spriteService(Service service) {
    return new SpriteServiceDelivery(Objects.requireNonNull(service, "service"));
  }

  /**
   * {@link #LOCAL} with each step's plane configured further, for example with a listener; the
   * control actions go through the plane's {@code control} (completed at the step's clock).
   *
   * @param configure applied to each plane's builder after the delivery's own settings; returns it
   * @return the delivery
   */
  static Delivery localWith(UnaryOperator<VisibilityPlane.Builder> configure) {
    return new LocalDelivery(Objects.requireNonNull(configure, "configure"), true);
  }

  /**
   * {@link #SPRITE_SERVICE} with each step's plane configured further, for example with a listener;
   * the control actions go through the plane's {@code control} (completed at the step's clock).
   *
   * @param configure applied to each plane's builder after the delivery's own settings; returns it
   * @return the delivery
   */
  static Delivery spriteServiceWith(UnaryOperator<VisibilityPlane.Builder> configure) {
    return new SpriteServiceDelivery(null, Objects.requireNonNull(configure, "configure"), true);
  }

  /**
   * A sprite service under test: its answers to the manager's two polls, read from a runtime folder
   * (contract 1.1, 1.18, 3.1). {@link SpriteServiceAnswers} gives the reference answers.
   */
  interface Service {
    /**
     * The {@code GET /ops/snapshot} answer.
     *
     * @param runtimeDir the runtime folder {@code .superloop/loops/<loopId>}; its name is the loop
     * @param now the service's clock
     * @param traceId the request's trace id, if any
     * @return the body
     * @throws Exception when the service fails (the manager sees a failed request)
     */
    String snapshot(Path runtimeDir, Instant now, Optional<String> traceId) throws Exception;

    /**
     * The {@code GET /ops/events?cursor=<cursor>&maxEvents=0} answer.
     *
     * @param runtimeDir the runtime folder {@code .superloop/loops/<loopId>}; its name is the loop
     * @param cursor the manager's cursor (0 on a first poll and with {@code fromStart})
     * @param now the service's clock
     * @param traceId the request's trace id, if any
     * @return the body
     * @throws Exception when the service fails, for example a cursor beyond the log (the manager
     *     sees a failed request)
     */
    String events(Path runtimeDir, long cursor, Instant now, Optional<String> traceId)
        throws Exception;
  }

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
