package io.superloop.visibility.testkit.scenario.internal;

import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.core.audit.ControlContext;
import io.superloop.visibility.core.audit.ControlOutcomes;
import io.superloop.visibility.core.audit.ControlRecords;
import io.superloop.visibility.core.audit.InvocationAuditTrail;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.plane.SpriteServicePoll;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.store.LoopLayout;
import io.superloop.visibility.testkit.scenario.Delivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A sprite_service delivery: {@link StepDelivery#SPRITE_SERVICE}, whose answers {@link
 * ReferenceAnswers} builds from the model (with the step's {@link SpriteFault}s), or {@link
 * StepDelivery#spriteService}, whose answers an adapter gives from runtime files the testkit writes
 * ({@link RuntimeWriter}). The manager keeps its cursor in {@code cursor.json} and sends it with
 * each poll ({@code 0} with {@code fromStart}), as contract 3.1 says.
 */
final class SpriteServiceDelivery implements StepDelivery {
  static final String COMMAND = "POST http://sprite.invalid/ops/control";

  private final Delivery.@Nullable Service adapter;
  private final UnaryOperator<VisibilityPlane.Builder> configure;
  private final boolean controlsThroughPlane;

  /** The reference service. */
  SpriteServiceDelivery() {
    this(null, b -> b, false);
  }

  /** An adapter's service. */
  SpriteServiceDelivery(Delivery.Service adapter) {
    this(adapter, b -> b, false);
  }

  /**
   * An adapter's service ({@code null}: the reference service), each step's plane configured
   * further by {@code configure}; with {@code controlsThroughPlane}, control actions go through
   * {@code plane.control} (its listeners are told).
   */
  SpriteServiceDelivery(
      Delivery.@Nullable Service adapter,
      UnaryOperator<VisibilityPlane.Builder> configure,
      boolean controlsThroughPlane) {
    this.adapter = adapter;
    this.configure = configure;
    this.controlsThroughPlane = controlsThroughPlane;
  }

  /** The service's side of one run. */
  private interface ServiceSide {
    /** The runtime's part of a step. */
    void apply(HistoryStep step) throws IOException;

    /** The answers to the manager's poll at {@code cursor}, or the failed request. */
    SpriteServicePoll poll(HistoryStep step, long cursor, Instant now);

    /** The manager ingested the last poll. */
    void delivered();
  }

  @Override
  public Transport transport() {
    return Transport.SPRITE_SERVICE;
  }

  @Override
  public boolean canCarry(History history) {
    return adapter == null ? history.carriableBySprite() : history.carriableByBoth();
  }

  @Override
  public DeliveryRun deliver(History h, Path workDir, VisibilityRules rules) {
    try {
      return run(h, workDir, rules);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DeliveryRun run(History h, Path workDir, VisibilityRules rules) throws IOException {
    Path repo = workDir.resolve("repo");
    LoopLayout layout = LoopLayout.of(repo, h.loopId());
    SplittableRandom random = new SplittableRandom(h.seed());
    ServiceSide service =
        adapter == null
            ? reference(h.loopId())
            : adapted(
                adapter,
                workDir
                    .resolve("service")
                    .resolve(".superloop")
                    .resolve("loops")
                    .resolve(h.loopId()));
    List<StepView> views = new ArrayList<>();
    Instant now = h.start();
    for (int i = 0; i < h.steps().size(); i++) {
      HistoryStep step = h.steps().get(i);
      now = now.plusSeconds(step.advanceSeconds());
      service.apply(step);
      Instant at = now;
      // the plane asks for the poll inside the step, with the manager's cursor (0 with fromStart)
      LongFunction<SpriteServicePoll> poller = cursor -> service.poll(step, cursor, at);
      VisibilityPlane plane =
          configure
              .apply(
                  PlaneAccess.builder(layout)
                      .rules(rules)
                      .thresholds(h.thresholds())
                      .durability(Durability.NONE)
                      .clock(Clock.fixed(now, ZoneOffset.UTC))
                      .random(random))
              .build();
      VisibilityPlane.Reconciliation r =
          plane.reconcile(poller, new StepOptions(step.traceId(), step.fromStart()));
      if (r.sequenceState().isPresent()) {
        service.delivered();
      }
      if (step.control().isPresent()) {
        if (controlsThroughPlane) {
          ControlFixtures.throughPlane(step.control().get(), plane, Transport.SPRITE_SERVICE, now);
        } else {
          control(step.control().get(), h.loopId(), layout, rules, now);
        }
      }
      views.add(
          new StepView(
              i,
              r,
              r.warnings().stream().map(w -> w.wire()).toList(),
              LoopFiles.read(layout, plane.status())));
    }
    return new DeliveryRun(Transport.SPRITE_SERVICE, repo, views);
  }

  /** The reference service: answers from the model, the step's faults applied. */
  private static ServiceSide reference(String loopId) {
    ReferenceAnswers answers = new ReferenceAnswers(loopId);
    return new ServiceSide() {
      @Override
      public void apply(HistoryStep step) {
        answers.apply(step);
      }

      @Override
      public SpriteServicePoll poll(HistoryStep step, long cursor, Instant now) {
        if (cursor > answers.lineCount()) {
          // the service's poll adapter dies: HTTP 502 runtime_error, a failed request
          return SpriteServicePoll.requestFailed(
              "HTTP 502 runtime_error: cursor offset ("
                  + cursor
                  + ") exceeds available events ("
                  + answers.lineCount()
                  + ")");
        }
        String trace = step.traceId().orElse(null);
        return SpriteServicePoll.ofBodies(
            answers.snapshotBody(step, now, trace), answers.eventsBody(step, cursor, now, trace));
      }

      @Override
      public void delivered() {
        answers.markDelivered();
      }
    };
  }

  /** An adapter's service over runtime files written into {@code runtimeDir}. */
  private static ServiceSide adapted(Delivery.Service adapter, Path runtimeDir) throws IOException {
    RuntimeWriter runtime = new RuntimeWriter(runtimeDir);
    return new ServiceSide() {
      @Override
      public void apply(HistoryStep step) throws IOException {
        runtime.apply(step);
      }

      @Override
      public SpriteServicePoll poll(HistoryStep step, long cursor, Instant now) {
        String snapshot;
        String events;
        try {
          snapshot = adapter.snapshot(runtimeDir, now, step.traceId());
          events = adapter.events(runtimeDir, cursor, now, step.traceId());
        } catch (Exception e) {
          // what the manager sees of a service that fails: a failed request
          return SpriteServicePoll.requestFailed("the service failed: " + e);
        }
        return SpriteServicePoll.ofBodies(snapshot, events);
      }

      @Override
      public void delivered() {
        // an adapter keeps its own state
      }
    };
  }

  /** The sprite_service mapping of contract 4.4, written through the audit trail. */
  static void control(
      ControlAction a, String loopId, LoopLayout layout, VisibilityRules rules, Instant now) {
    ControlContext ctx = ControlFixtures.context(a, loopId, Transport.SPRITE_SERVICE, now);
    InvocationAuditTrail.Invocation inv =
        new InvocationAuditTrail(layout, Durability.NONE, rules).begin(ctx);
    inv.complete(records(a, ctx, now.plusSeconds(a.durationSeconds()), loopId));
  }

  /** The sprite_service records of {@code a}: the service's answer mapped per contract 4.4. */
  static ControlRecords records(ControlAction a, ControlContext ctx, Instant done, String loopId) {
    if (a.spriteForm() == ControlAction.SpriteForm.CLIENT_FAILURE) {
      return ControlOutcomes.spriteFailure(ctx, COMMAND, 1, done);
    }
    String body = ReferenceAnswers.controlAnswer(a, loopId, ctx.startedAt(), done);
    return ControlOutcomes.spriteAnswer(ctx, COMMAND, Json.parse(body), done);
  }
}
