package io.superloop.visibility.testkit.scenario.internal;

import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.core.audit.ControlContext;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.plane.ControlCall;
import io.superloop.visibility.core.plane.ControlResult;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.time.Timestamps;
import java.time.Instant;

/** What both transports' control actions share: the context and the confirm script's result. */
final class ControlFixtures {
  private ControlFixtures() {}

  static ControlContext context(
      ControlAction a, String loopId, Transport transport, Instant startedAt) {
    return ControlContext.builder()
        .loopId(loopId)
        .intent(a.intent())
        .traceId(TraceId.of(a.traceId()))
        .transport(transport)
        .requestedBy("parity-operator")
        .idempotencyKey(a.idempotencyKey())
        .startedAt(startedAt)
        .build();
  }

  /** The confirm script's result object (contract 1.7), as JSON text. */
  /**
   * Records {@code a} through the plane's own control audit ({@code VisibilityPlane.control}), so
   * that the plane's listeners are told; the action completes at the plane's clock, with the
   * logical outcome's result.
   */
  static void throughPlane(
      ControlAction a, VisibilityPlane plane, Transport transport, Instant now) {
    ControlContext ctx = context(a, PlaneAccess.layout(plane).loopId(), transport, now);
    String action = "parity " + a.intent().wire();
    ControlResult result =
        switch (a.outcome()) {
          case CONFIRMED -> ControlResult.confirmed(action);
          case EXECUTED_UNCONFIRMED -> ControlResult.executedUnconfirmed(action);
          case AMBIGUOUS -> ControlResult.ambiguous(action);
          case FAILED_COMMAND -> ControlResult.failed(action);
        };
    plane
        .control(
            ControlCall.of(ctx.intent())
                .traceId(ctx.traceId().value())
                .requestedBy(ctx.requestedBy())
                .idempotencyKey(ctx.idempotencyKey())
                .transport(transport))
        .complete(result);
  }

  static String confirmResult(ControlAction a, boolean confirmed, Instant at) {
    String intent = a.intent().wire();
    String reason =
        !confirmed
            ? "timeout"
            : intent.equals("cancel")
                ? "inactive_not_running"
                : intent.equals("approve") ? "completion_observed" : "rejection_observed";
    return "{\"intent\":"
        + JsonText.string(intent)
        + ",\"confirmed\":"
        + confirmed
        + ",\"reason\":"
        + JsonText.string(reason)
        + ",\"attempts\":"
        + (confirmed ? 1 : 15)
        + ",\"timeoutSeconds\":30"
        + ",\"observedStatus\":"
        + JsonText.string(confirmed ? "stopped" : "running")
        + ",\"observedLastEvent\":"
        + (confirmed ? JsonText.string("loop_stop") : "null")
        + ",\"observedApprovalStatus\":null"
        + ",\"observedActive\":"
        + !confirmed
        + ",\"observedAt\":"
        + JsonText.string(Timestamps.format(at))
        + "}";
  }
}
