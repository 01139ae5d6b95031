package io.superloop.visibility.testkit.scenario;

import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.testkit.scenario.internal.StepDelivery;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One transport's way of turning a {@link RuntimeHistory} into reconcile steps: the testkit writes
 * each step's runtime files, reconciles them over the transport and records what the loop directory
 * holds after each step, for {@link ParityProperties} to compare. To run the parity properties on a
 * sprite service adapter, wrap it with {@link #spriteService}: the testkit asks the adapter for its
 * answers and reconciles them:
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
public final class Delivery {
  /**
   * The local transport: writes the runtime files ({@code events.jsonl}, {@code heartbeat.v1.json})
   * into a repository under the work directory and reconciles with {@code
   * VisibilityPlane.reconcileLocal}.
   */
  public static final Delivery LOCAL = new Delivery(StepDelivery.LOCAL);

  /**
   * The sprite_service transport: builds the {@code /ops/snapshot} and {@code /ops/events} answers
   * directly from the history with the testkit's own encoder of the v1 envelope shape (never
   * through the library's local source) and reconciles them with {@code VisibilityPlane.reconcile}.
   */
  public static final Delivery SPRITE_SERVICE = new Delivery(StepDelivery.SPRITE_SERVICE);

  private final StepDelivery steps;

  private Delivery(StepDelivery steps) {
    this.steps = steps;
  }

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
  public static Delivery spriteService(Service service) {
    return new Delivery(StepDelivery.spriteService(Objects.requireNonNull(service, "service")));
  }

  /**
   * {@link #LOCAL} with each step's plane configured further, for example with a listener; the
   * control actions go through the plane's {@code control} (completed at the step's clock).
   *
   * @param configure applied to each plane's builder after the delivery's own settings; returns it
   * @return the delivery
   */
  public static Delivery localWith(UnaryOperator<VisibilityPlane.Builder> configure) {
    return new Delivery(StepDelivery.localWith(configure));
  }

  /**
   * {@link #SPRITE_SERVICE} with each step's plane configured further, for example with a listener;
   * the control actions go through the plane's {@code control} (completed at the step's clock).
   *
   * @param configure applied to each plane's builder after the delivery's own settings; returns it
   * @return the delivery
   */
  public static Delivery spriteServiceWith(UnaryOperator<VisibilityPlane.Builder> configure) {
    return new Delivery(StepDelivery.spriteServiceWith(configure));
  }

  /** {@return the step machinery behind this delivery} */
  StepDelivery steps() {
    return steps;
  }

  /** {@return the transport's wire name} */
  @Override
  public String toString() {
    return steps.transport().wire();
  }

  /**
   * A sprite service under test: its answers to the manager's two polls, read from a runtime folder
   * (contract 1.1, 1.18, 3.1). {@link SpriteServiceAnswers} gives the reference answers.
   */
  public interface Service {
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
}
