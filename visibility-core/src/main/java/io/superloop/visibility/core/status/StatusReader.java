package io.superloop.visibility.core.status;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.InFlightRow;
import io.superloop.visibility.api.audit.InvocationPhase;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.reconcile.AlertDispatchState;
import io.superloop.visibility.api.reconcile.AlertRow;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.core.audit.InFlightCompletion;
import io.superloop.visibility.core.status.internal.ImmutableStatusInputs;
import io.superloop.visibility.core.store.LoopArtifact;
import io.superloop.visibility.core.store.LoopStore;
import io.superloop.visibility.core.store.StateRead;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads what the status surface needs through a {@link LoopStore}: the state files and the last
 * valid row of each log, and whether the last write-ahead {@code started} row was completed ({@link
 * InFlightCompletion}, H5). The store does the reading; this class decides what is read.
 */
public final class StatusReader {
  private StatusReader() {}

  /**
   * Reads the status inputs. A file that cannot be read (not decodable, beyond its read limit, not
   * a regular file, a symbolic link under the loop directory, an I/O error) reads as absent and is
   * named in {@link StatusInputs#unreadable()} with its error code; the projector leaves its
   * section out.
   *
   * @param store the loop's store
   * @return the inputs of the status projector; never throws for one file's problem
   */
  public static StatusInputs read(LoopStore store) {
    Map<String, String> unreadable = new LinkedHashMap<>();
    ImmutableStatusInputs.Builder b =
        StatusInputs.builder()
            .heartbeatState(
                state(store, LoopArtifact.HEARTBEAT_STATE, Codecs.HEARTBEAT_STATE, unreadable))
            .lastHeartbeatRow(
                last(
                    store,
                    LoopArtifact.HEARTBEAT_TELEMETRY,
                    Codecs.HEARTBEAT_OBSERVATION,
                    unreadable))
            .sequenceState(
                state(store, LoopArtifact.SEQUENCE_STATE, Codecs.SEQUENCE_STATE, unreadable))
            .lastSequenceRow(
                last(
                    store,
                    LoopArtifact.SEQUENCE_TELEMETRY,
                    Codecs.SEQUENCE_OBSERVATION,
                    unreadable))
            .lastIntent(last(store, LoopArtifact.INTENTS, Codecs.INTENT_ROW, unreadable))
            .lastControlRow(
                last(store, LoopArtifact.CONTROL_TELEMETRY, Codecs.CONTROL_ROW, unreadable))
            .reconcileTraceId(
                last(store, LoopArtifact.RECONCILE_TELEMETRY, Codecs.RECONCILE_ROW, unreadable)
                    .flatMap(ReconcileRow::traceId));
    Optional<ControlInvocation> invocation =
        last(store, LoopArtifact.CONTROL_INVOCATIONS, Codecs.CONTROL_INVOCATION, unreadable);
    b.lastInvocation(invocation);
    Optional<AlertRow> alert =
        last(store, LoopArtifact.ALERTS_TELEMETRY, Codecs.ALERT_ROW, unreadable);
    b.alertRowTraceId(alert.map(AlertRow::traceId))
        .alertRowTimestamp(alert.map(AlertRow::timestamp));
    Optional<AlertDispatchState> dispatch =
        state(store, LoopArtifact.ALERT_DISPATCH_STATE, Codecs.ALERT_DISPATCH_STATE, unreadable);
    b.dispatchTraceId(dispatch.flatMap(AlertDispatchState::traceId))
        .dispatchUpdatedAt(dispatch.map(AlertDispatchState::updatedAt));
    Optional<InFlight> inFlight =
        guarded(LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT, () -> lastStarted(store), unreadable);
    Optional<InFlightRow> started = inFlight.flatMap(InFlight::started);
    b.lastStarted(started);
    if (started.isPresent()) {
      boolean done =
          inFlight.get().markedCompleted()
              || guarded(
                      LoopArtifact.CONTROL_INVOCATIONS,
                      () -> completed(store, InFlightCompletion.of(started.get()), invocation),
                      unreadable)
                  .orElse(false);
      b.lastStartedCompleted(done);
    }
    return b.unreadable(unreadable).build();
  }

  /** The last started row of the in-flight file, and whether a completed marker of it follows. */
  private record InFlight(Optional<InFlightRow> started, boolean markedCompleted) {}

  private static InFlight lastStarted(LoopStore store) {
    Set<String> completedKeys = new HashSet<>();
    Optional<InFlightRow> started =
        store.lastMatching(
            LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT,
            Codecs.IN_FLIGHT_ROW,
            row -> {
              if (row.phase() == InvocationPhase.STARTED) {
                return true;
              }
              completedKeys.add(row.idempotencyKey());
              return false;
            },
            row -> false);
    return new InFlight(
        started, started.map(s -> completedKeys.contains(s.idempotencyKey())).orElse(false));
  }

  /**
   * Whether the v1 invocation log holds the completion of the started row (H5): the last row first,
   * then a backwards scan that stops where {@link InFlightCompletion#beforeSlack} says.
   */
  private static boolean completed(
      LoopStore store, InFlightCompletion check, Optional<ControlInvocation> last) {
    if (last.isPresent() && check.completes(last.get())) {
      return true;
    }
    return store
        .lastMatching(
            LoopArtifact.CONTROL_INVOCATIONS,
            Codecs.CONTROL_INVOCATION,
            check::completes,
            check::beforeSlack)
        .isPresent();
  }

  private static <T> Optional<T> state(
      LoopStore store, LoopArtifact artifact, JsonCodec<T> codec, Map<String, String> unreadable) {
    Optional<StateRead<T>> r =
        guarded(artifact, () -> store.readState(artifact, codec), unreadable);
    if (r.isPresent() && r.get() instanceof StateRead.Unreadable<T> u) {
      unreadable.put(artifact.defaultPath(), u.cause().code().wire());
    }
    return r.flatMap(StateRead::toOptional);
  }

  private static <T> Optional<T> last(
      LoopStore store, LoopArtifact artifact, JsonCodec<T> codec, Map<String, String> unreadable) {
    return guarded(artifact, () -> store.lastRow(artifact, codec), unreadable).flatMap(v -> v);
  }

  /** {@code read}'s value, or empty with {@code artifact} named in {@code unreadable}. */
  private static <V> Optional<V> guarded(
      LoopArtifact artifact, Supplier<V> read, Map<String, String> unreadable) {
    try {
      return Optional.of(read.get());
    } catch (VisibilityException e) {
      unreadable.put(artifact.defaultPath(), e.code().wire());
      return Optional.empty();
    }
  }
}
