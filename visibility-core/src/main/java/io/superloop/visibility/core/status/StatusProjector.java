package io.superloop.visibility.core.status;

import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.InFlightRow;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatObservationStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.api.status.HeartbeatObservationSurface;
import io.superloop.visibility.api.status.HeartbeatSurface;
import io.superloop.visibility.api.status.InvocationAuditSurface;
import io.superloop.visibility.api.status.SequenceSurface;
import io.superloop.visibility.api.status.TraceSurface;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.api.status.internal.ImmutableHeartbeatSurface;
import io.superloop.visibility.api.status.internal.ImmutableInvocationAuditSurface;
import io.superloop.visibility.api.status.internal.ImmutableSequenceSurface;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.time.TimestampSyntax;
import io.superloop.visibility.core.time.Timestamps;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Projects a loop's state records and last telemetry rows onto the {@code visibility} object of the
 * status surface (contract 6.2-6.4, C4). Under {@code reference} rules it renders exactly as the
 * reference: jq's {@code //} falls through on absent, null and {@code false}, so {@code
 * driftActive} and {@code replayed} appear only when true, and a state's fields mix with the last
 * row's. With {@link VisibilityRules#explicitStatusSurface()} (H16) booleans are always present,
 * the heartbeat surface comes from one record (a newer failed observation is shown as {@code
 * lastObservation}), {@code alertTraceId} takes the newer of the last alert row and the dispatch
 * state, {@code distinctTraceIds} counts the distinct trace ids, and (H5) {@code inFlight} shows a
 * started invocation that has not completed.
 *
 * <p>Under both rules a section is left out when a file it reads is {@link
 * StatusInputs#unreadable()} (the reference fails as a whole there): {@code heartbeat} for {@code
 * heartbeat.json} and {@code telemetry/heartbeat.jsonl}, {@code sequence} for {@code
 * sequence-state.json} and {@code telemetry/sequence.jsonl}, {@code invocationAudit} for {@code
 * telemetry/control-invocations.jsonl} and its {@code .inflight.jsonl}; the {@code trace} section
 * is always shown from the readable files. The additive {@code unreadable} field names the files.
 */
public final class StatusProjector {
  private final VisibilityRules rules;

  /**
   * A projector under {@code rules}.
   *
   * @param rules the rules (H5, H16 change the surface)
   */
  public StatusProjector(VisibilityRules rules) {
    this.rules = rules;
  }

  /**
   * Projects the status surface.
   *
   * @param in the loop's states and last rows
   * @return the {@code visibility} object
   */
  public VisibilitySummary project(StatusInputs in) {
    Set<String> bad = in.unreadable().keySet();
    return VisibilitySummary.builder()
        .heartbeat(
            readable(bad, HEARTBEAT_FILES)
                ? heartbeat(in.heartbeatState(), in.lastHeartbeatRow())
                : Optional.empty())
        .sequence(
            readable(bad, SEQUENCE_FILES)
                ? sequence(in.sequenceState(), in.lastSequenceRow())
                : Optional.empty())
        .invocationAudit(readable(bad, INVOCATION_FILES) ? invocationAudit(in) : Optional.empty())
        .trace(trace(in))
        .unreadable(in.unreadable())
        .build();
  }

  /** The files of the heartbeat section (contract 6.1: H and h). */
  static final Set<String> HEARTBEAT_FILES = Set.of("heartbeat.json", "telemetry/heartbeat.jsonl");

  /** The files of the sequence section (S and s). */
  static final Set<String> SEQUENCE_FILES =
      Set.of("sequence-state.json", "telemetry/sequence.jsonl");

  /** The files of the invocation audit section (I, and the H5 in-flight rows). */
  static final Set<String> INVOCATION_FILES =
      Set.of("telemetry/control-invocations.jsonl", "telemetry/control-invocations.inflight.jsonl");

  private static boolean readable(Set<String> unreadable, Set<String> files) {
    for (String f : files) {
      if (unreadable.contains(f)) {
        return false;
      }
    }
    return true;
  }

  private boolean hardened() {
    return rules.explicitStatusSurface();
  }

  private Optional<HeartbeatSurface> heartbeat(
      Optional<HeartbeatState> state, Optional<HeartbeatObservation> row) {
    if (state.isEmpty() && row.isEmpty()) {
      return Optional.empty();
    }
    ImmutableHeartbeatSurface.Builder b = HeartbeatSurface.builder();
    if (hardened() && state.isPresent()) {
      HeartbeatState h = state.get();
      b.freshnessStatus(h.freshnessStatus())
          .reasonCode(h.reasonCode())
          .lastHeartbeatAt(h.lastHeartbeatAt())
          .heartbeatLagSeconds(h.heartbeatLagSeconds())
          .updatedAt(h.updatedAt())
          .transport(h.transport())
          .traceId(h.traceId());
      row.filter(r -> r.status() == HeartbeatObservationStatus.FAILED)
          .filter(r -> notOlder(r.timestamp(), h.updatedAt()))
          .ifPresent(
              r ->
                  b.lastObservation(
                      HeartbeatObservationSurface.builder()
                          .status(r.status().wire())
                          .reasonCode(r.reasonCode())
                          .at(r.timestamp())
                          .build()));
      return Optional.of(b.build());
    }
    Optional<HeartbeatState> h = state;
    Optional<HeartbeatObservation> r = row;
    b.freshnessStatus(h.map(HeartbeatState::freshnessStatus))
        .reasonCode(
            or(h.flatMap(HeartbeatState::reasonCode), r.flatMap(HeartbeatObservation::reasonCode)))
        .lastHeartbeatAt(
            or(
                h.map(HeartbeatState::lastHeartbeatAt),
                r.flatMap(HeartbeatObservation::heartbeatAt)))
        .heartbeatLagSeconds(
            h.isPresent()
                ? OptionalLong.of(h.get().heartbeatLagSeconds())
                : r.map(HeartbeatObservation::heartbeatLagSeconds).orElse(OptionalLong.empty()))
        .updatedAt(or(h.map(HeartbeatState::updatedAt), r.map(HeartbeatObservation::timestamp)))
        .transport(or(h.map(HeartbeatState::transport), r.map(HeartbeatObservation::transport)))
        .traceId(or(h.flatMap(HeartbeatState::traceId), r.flatMap(HeartbeatObservation::traceId)));
    if (hardened()) {
      r.filter(x -> x.status() == HeartbeatObservationStatus.FAILED)
          .ifPresent(
              x ->
                  b.lastObservation(
                      HeartbeatObservationSurface.builder()
                          .status(x.status().wire())
                          .reasonCode(x.reasonCode())
                          .at(x.timestamp())
                          .build()));
    }
    return Optional.of(b.build());
  }

  private Optional<SequenceSurface> sequence(
      Optional<SequenceState> state, Optional<SequenceObservation> row) {
    if (state.isEmpty() && row.isEmpty()) {
      return Optional.empty();
    }
    Optional<SequenceState> s = state;
    Optional<SequenceObservation> r = row;
    ImmutableSequenceSurface.Builder b =
        SequenceSurface.builder()
            .status(or(s.map(x -> x.status().wire()), r.map(x -> x.status().wire())))
            .reasonCode(
                or(
                    s.flatMap(SequenceState::reasonCode),
                    r.flatMap(SequenceObservation::reasonCode)))
            .violations(
                s.isPresent()
                    ? Optional.of(wires(s.get().violations()))
                    : r.map(x -> wires(x.violations())))
            .snapshotCurrent(
                s.map(x -> x.snapshot().current())
                    .filter(OptionalLong::isPresent)
                    .orElse(r.map(x -> x.snapshot().current()).orElse(OptionalLong.empty())))
            .eventsLast(
                s.map(x -> x.events().last())
                    .filter(OptionalLong::isPresent)
                    .orElse(r.map(x -> x.events().last()).orElse(OptionalLong.empty())))
            .updatedAt(or(s.map(SequenceState::updatedAt), r.map(SequenceObservation::timestamp)))
            .transport(or(s.map(SequenceState::transport), r.map(SequenceObservation::transport)))
            .traceId(
                or(s.flatMap(SequenceState::traceId), r.flatMap(SequenceObservation::traceId)));
    boolean stateDrift = s.map(SequenceState::driftActive).orElse(false);
    boolean rowDrift = r.map(SequenceObservation::driftActive).orElse(false);
    if (hardened()) {
      b.driftActive(s.isPresent() ? stateDrift : rowDrift);
    } else if (stateDrift || rowDrift) {
      b.driftActive(true);
    }
    return Optional.of(b.build());
  }

  private Optional<InvocationAuditSurface> invocationAudit(StatusInputs in) {
    Optional<ControlInvocation> last = in.lastInvocation();
    boolean inFlight =
        hardened()
            && rules.writeInFlightAuditRows()
            && in.lastStarted().isPresent()
            && !in.lastStartedCompleted();
    if (last.isEmpty()) {
      if (!inFlight) {
        return Optional.empty();
      }
      InFlightRow started = in.lastStarted().orElseThrow();
      return Optional.of(
          InvocationAuditSurface.builder()
              .timestamp(started.timestamp())
              .intent(started.intent().wire())
              .transport(started.transport())
              .idempotencyKey(started.idempotencyKey())
              .traceId(started.traceId())
              .inFlight(true)
              .build());
    }
    ControlInvocation i = last.get();
    ImmutableInvocationAuditSurface.Builder b =
        InvocationAuditSurface.builder()
            .timestamp(i.timestamp())
            .intent(i.intent().wire())
            .transport(i.transport())
            .idempotencyKey(i.idempotencyKey())
            .executionStatus(i.execution().status().wire())
            .confirmationStatus(i.confirmation().status().wire())
            .outcomeStatus(i.outcome().status().wire())
            .traceId(i.traceId());
    if (hardened()) {
      b.replayed(i.execution().replayed());
      if (rules.writeInFlightAuditRows()) {
        b.inFlight(inFlight);
      }
    } else if (i.execution().replayed()) {
      b.replayed(true);
    }
    return Optional.of(b.build());
  }

  private TraceSurface trace(StatusInputs in) {
    Optional<TraceId> control =
        or(
            in.lastIntent().flatMap(n -> n.traceId()),
            in.lastControlRow().flatMap(c -> c.traceId()));
    Optional<TraceId> invocation = in.lastInvocation().flatMap(ControlInvocation::traceId);
    Optional<TraceId> reconcile = in.reconcileTraceId();
    Optional<TraceId> heartbeat =
        or(
            in.heartbeatState().flatMap(HeartbeatState::traceId),
            in.lastHeartbeatRow().flatMap(HeartbeatObservation::traceId));
    Optional<TraceId> sequence =
        or(
            in.sequenceState().flatMap(SequenceState::traceId),
            in.lastSequenceRow().flatMap(SequenceObservation::traceId));
    Optional<TraceId> alert = alertTrace(in);
    Set<TraceId> shared = new LinkedHashSet<>();
    for (Optional<TraceId> t : List.of(control, reconcile, alert, heartbeat, sequence)) {
      t.ifPresent(shared::add);
    }
    var b =
        TraceSurface.builder()
            .controlTraceId(control)
            .controlInvocationTraceId(invocation)
            .reconcileTraceId(reconcile)
            .heartbeatTraceId(heartbeat)
            .sequenceTraceId(sequence)
            .alertTraceId(alert);
    if (shared.size() == 1) {
      b.sharedTraceId(shared.iterator().next());
    }
    if (hardened()) {
      Set<TraceId> all = new LinkedHashSet<>(shared);
      invocation.ifPresent(all::add);
      b.distinctTraceIds(all.size());
    }
    return b.build();
  }

  private Optional<TraceId> alertTrace(StatusInputs in) {
    Optional<TraceId> row = in.alertRowTraceId();
    Optional<TraceId> dispatch = in.dispatchTraceId();
    if (!hardened() || row.isEmpty() || dispatch.isEmpty()) {
      return or(row, dispatch);
    }
    // H16: the newer of the two; the dispatch state wins a tie (it is written after its rows).
    String rowAt = in.alertRowTimestamp().orElse("");
    String dispatchAt = in.dispatchUpdatedAt().orElse("");
    return notOlder(dispatchAt, rowAt) ? dispatch : row;
  }

  /** {@code a >= b} as instants when both parse, else by string comparison. */
  private static boolean notOlder(String a, String b) {
    OptionalLong x = Timestamps.parseEpochMillis(a, TimestampSyntax.RFC_3339);
    OptionalLong y = Timestamps.parseEpochMillis(b, TimestampSyntax.RFC_3339);
    if (x.isPresent() && y.isPresent()) {
      return x.getAsLong() >= y.getAsLong();
    }
    return a.compareTo(b) >= 0;
  }

  private static List<String> wires(List<ViolationCode> codes) {
    return codes.stream().map(ViolationCode::wire).collect(Collectors.toList());
  }

  private static <T> Optional<T> or(Optional<T> a, Optional<T> b) {
    return a.isPresent() ? a : b;
  }
}
