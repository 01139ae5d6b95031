package io.superloop.visibility.testkit.scenario.internal;

import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.core.audit.ControlContext;
import io.superloop.visibility.core.audit.ControlOutcomes;
import io.superloop.visibility.core.audit.ControlRecords;
import io.superloop.visibility.core.audit.InvocationAuditTrail;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.store.LoopLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/** {@link StepDelivery#LOCAL}: real runtime files and {@code VisibilityPlane.reconcileLocal}. */
final class LocalDelivery implements StepDelivery {
  private final UnaryOperator<VisibilityPlane.Builder> configure;
  private final boolean controlsThroughPlane;

  /** The fixtures' delivery: control actions written through an audit trail of their own. */
  LocalDelivery() {
    this(b -> b, false);
  }

  /**
   * Each step's plane configured further by {@code configure}; with {@code controlsThroughPlane},
   * control actions go through {@code plane.control} (its listeners are told).
   */
  LocalDelivery(UnaryOperator<VisibilityPlane.Builder> configure, boolean controlsThroughPlane) {
    this.configure = configure;
    this.controlsThroughPlane = controlsThroughPlane;
  }

  @Override
  public Transport transport() {
    return Transport.LOCAL;
  }

  @Override
  public boolean canCarry(History history) {
    return history.carriableByLocal();
  }

  @Override
  public DeliveryRun deliver(History history, Path workDir, VisibilityRules rules) {
    try {
      return run(history, workDir, rules);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DeliveryRun run(History h, Path workDir, VisibilityRules rules) throws IOException {
    Path repo = workDir.resolve("repo");
    LoopLayout layout = LoopLayout.of(repo, h.loopId());
    RuntimeWriter runtime = new RuntimeWriter(layout.runtimeDir());
    SplittableRandom random = new SplittableRandom(h.seed());
    List<StepView> views = new ArrayList<>();
    Instant now = h.start();
    for (int i = 0; i < h.steps().size(); i++) {
      HistoryStep step = h.steps().get(i);
      now = now.plusSeconds(step.advanceSeconds());
      runtime.apply(step);
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
          plane.reconcileLocal(new StepOptions(step.traceId(), step.fromStart()));
      if (step.control().isPresent()) {
        if (controlsThroughPlane) {
          ControlFixtures.throughPlane(step.control().get(), plane, Transport.LOCAL, now);
        } else {
          control(step.control().get(), h.loopId(), layout, rules, now, repo);
        }
      }
      views.add(
          new StepView(
              i,
              r,
              r.warnings().stream().map(w -> w.wire()).toList(),
              LoopFiles.read(layout, plane.status())));
    }
    return new DeliveryRun(Transport.LOCAL, repo, views);
  }

  /** The local mapping of contract 4.3, written through the audit trail. */
  static void control(
      ControlAction a,
      String loopId,
      LoopLayout layout,
      VisibilityRules rules,
      Instant now,
      Path repo) {
    ControlContext ctx = ControlFixtures.context(a, loopId, Transport.LOCAL, now);
    InvocationAuditTrail.Invocation inv =
        new InvocationAuditTrail(layout, Durability.NONE, rules).begin(ctx);
    inv.complete(records(a, ctx, now.plusSeconds(a.durationSeconds()), repo));
  }

  /** The local records of {@code a} (contract 4.3). */
  static ControlRecords records(ControlAction a, ControlContext ctx, Instant done, Path repo) {
    String command = "superloop.sh " + a.intent().wire() + " --repo " + repo;
    switch (a.outcome()) {
      case CONFIRMED:
        return ControlOutcomes.local(
            ctx,
            command,
            0,
            "ok\n",
            Optional.of(
                new ControlOutcomes.ConfirmRun(
                    0, Optional.of(Json.parse(ControlFixtures.confirmResult(a, true, done))))),
            done);
      case EXECUTED_UNCONFIRMED:
        return ControlOutcomes.local(ctx, command, 0, "ok\n", Optional.empty(), done);
      case AMBIGUOUS:
        return ControlOutcomes.local(
            ctx,
            command,
            0,
            "ok\n",
            Optional.of(
                new ControlOutcomes.ConfirmRun(
                    1, Optional.of(Json.parse(ControlFixtures.confirmResult(a, false, done))))),
            done);
      default:
        return ControlOutcomes.local(
            ctx, command, 1, "error: no active loop\n", Optional.empty(), done);
    }
  }
}
