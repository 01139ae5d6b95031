package io.superloop.visibility.core.status;

import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.ControlRow;
import io.superloop.visibility.api.audit.InFlightRow;
import io.superloop.visibility.api.audit.IntentRow;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.core.status.internal.ImmutableStatusInputs;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the status surface reads of a loop (contract 6.1 names): the state files and the last valid
 * row of each telemetry file. Every part is optional; build with {@link #builder()}.
 */
@Value.Immutable
@VisibilityStyle
public abstract class StatusInputs {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableStatusInputs.Builder builder() {
    return ImmutableStatusInputs.builder();
  }

  /** {@return H: {@code heartbeat.json}} */
  public abstract Optional<HeartbeatState> heartbeatState();

  /** {@return h: the last {@code telemetry/heartbeat.jsonl} row} */
  public abstract Optional<HeartbeatObservation> lastHeartbeatRow();

  /** {@return S: {@code sequence-state.json}} */
  public abstract Optional<SequenceState> sequenceState();

  /** {@return s: the last {@code telemetry/sequence.jsonl} row} */
  public abstract Optional<SequenceObservation> lastSequenceRow();

  /** {@return I: the last {@code telemetry/control-invocations.jsonl} row} */
  public abstract Optional<ControlInvocation> lastInvocation();

  /** {@return N: the last {@code intents.jsonl} row} */
  public abstract Optional<IntentRow> lastIntent();

  /** {@return C: the last {@code telemetry/control.jsonl} row} */
  public abstract Optional<ControlRow> lastControlRow();

  /** {@return R's trace: the last {@code telemetry/reconcile.jsonl} row's {@code traceId}} */
  public abstract Optional<TraceId> reconcileTraceId();

  /** {@return A's trace: the last {@code telemetry/alerts.jsonl} row's {@code traceId}} */
  public abstract Optional<TraceId> alertRowTraceId();

  /** {@return A's {@code timestamp}, as written} */
  public abstract Optional<String> alertRowTimestamp();

  /** {@return D's trace: {@code alert-dispatch-state.json}'s {@code traceId}} */
  public abstract Optional<TraceId> dispatchTraceId();

  /** {@return D's {@code updatedAt}, as written} */
  public abstract Optional<String> dispatchUpdatedAt();

  /**
   * {@return the files that could not be read, by their path in the loop directory ({@code
   * sequence-state.json}, {@code telemetry/heartbeat.jsonl}, ...), each with its error code; their
   * parts above are empty} The projector leaves out every section such a file feeds (see {@link
   * StatusProjector}).
   */
  public abstract Map<String, String> unreadable();

  /** {@return the last started row of {@code telemetry/control-invocations.inflight.jsonl}} H5. */
  public abstract Optional<InFlightRow> lastStarted();

  /**
   * {@return whether a completed invocation row with the last started row's idempotency key exists;
   * default false} H5.
   */
  @Value.Default
  public boolean lastStartedCompleted() {
    return false;
  }
}
