package io.superloop.visibility.core.plane;

import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.Intent;
import io.superloop.visibility.core.audit.ControlContext;
import io.superloop.visibility.core.audit.ControlOutcomes;
import io.superloop.visibility.core.audit.ControlRecords;
import io.superloop.visibility.core.audit.InvocationAuditTrail;
import java.time.Clock;
import java.time.Instant;

/**
 * A control action that has started and is not yet recorded as finished: the handle {@link
 * VisibilityPlane#control(ControlCall)} returns. Under hardened rules its {@code phase:"started"}
 * row is already on disk (H5); {@link #complete(ControlResult)} appends the three v1 rows (intent,
 * control telemetry, invocation) and the completion marker. Until then, and forever if the process
 * dies first, the status surface shows the action in flight.
 *
 * <p>Thread-safe: of concurrent {@link #complete} calls exactly one writes; the others fail with
 * {@link io.superloop.visibility.api.ErrorCode#INVALID_STATE}.
 */
public final class InFlightControl {
  private final InvocationAuditTrail.Invocation invocation;
  private final Clock clock;

  InFlightControl(InvocationAuditTrail.Invocation invocation, Clock clock) {
    this.invocation = invocation;
    this.clock = clock;
  }

  /** {@return the action's idempotency key, given or generated} */
  public String idempotencyKey() {
    return invocation.context().idempotencyKey();
  }

  /** {@return the action's trace id} */
  public TraceId traceId() {
    return invocation.context().traceId();
  }

  /** {@return the action's intent} */
  public Intent intent() {
    return invocation.context().intent();
  }

  /** {@return when the action started (the plane's clock at {@code control})} */
  public Instant startedAt() {
    return invocation.context().startedAt();
  }

  /** {@return whether {@link #complete} was called (successfully or not)} */
  public boolean isCompleted() {
    return invocation.isCompleted();
  }

  /**
   * Records the action's outcome: appends {@code intents.jsonl}, {@code telemetry/control.jsonl}
   * and {@code telemetry/control-invocations.jsonl} in that order (contract 4.5), then, under H5,
   * the completion marker. The completion time is the plane's clock now. The handle is spent by the
   * first call, whatever its result: a call that failed on a file error is not retried (it could
   * write rows twice); the missing rows then show as an in-flight invocation (H5).
   *
   * @param result what the action did
   * @return the invocation row written
   * @throws io.superloop.visibility.api.VisibilityException {@link
   *     io.superloop.visibility.api.ErrorCode#INVALID_STATE} when the handle was already completed;
   *     a file error of an append
   */
  public ControlInvocation complete(ControlResult result) {
    ControlContext ctx = invocation.context();
    ControlRecords records = ControlOutcomes.records(ctx, result.outcome(), clock.instant());
    invocation.complete(records);
    return records.invocation();
  }

  @Override
  public String toString() {
    return "InFlightControl["
        + intent().wire()
        + ", "
        + idempotencyKey()
        + (isCompleted() ? ", completed]" : "]");
  }
}
