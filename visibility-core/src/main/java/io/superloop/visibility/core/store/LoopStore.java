package io.superloop.visibility.core.store;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.audit.AuditCodecs;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.InFlightRow;
import io.superloop.visibility.api.audit.InvocationPhase;
import io.superloop.visibility.api.envelope.CursorState;
import io.superloop.visibility.api.envelope.EnvelopeCodecs;
import io.superloop.visibility.api.health.HealthCodecs;
import io.superloop.visibility.api.heartbeat.HeartbeatCodecs;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.AlertDispatchState;
import io.superloop.visibility.api.reconcile.AlertRow;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.reconcile.ReconcileCodecs;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.api.sequence.SequenceCodecs;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.core.reconcile.ArtifactPaths;
import io.superloop.visibility.core.reconcile.StepResult;
import io.superloop.visibility.core.rules.TimestampSyntax;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.time.Timestamps;
import io.superloop.visibility.core.status.ImmutableStatusInputs;
import io.superloop.visibility.core.status.StatusInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The visibility files of one loop: loading the previous states before a reconcile step, persisting
 * what the step produced in the reference's order (contract 1.14), and reading back what the status
 * surface needs. Hold {@link LoopLayout#lock()} around one load-step-persist cycle (H4).
 */
public final class LoopStore {
  private final LoopLayout layout;
  private final Durability durability;

  /**
   * A store over a loop's files.
   *
   * @param layout the loop's files
   * @param durability when appended rows are forced to disk
   */
  public LoopStore(LoopLayout layout, Durability durability) {
    this.layout = layout;
    this.durability = durability;
  }

  /**
   * A store with the default durability ({@link Durability#FSYNC_PER_RECORD}).
   *
   * @param layout the loop's files
   * @return the store
   */
  public static LoopStore of(LoopLayout layout) {
    return new LoopStore(layout, Durability.FSYNC_PER_RECORD);
  }

  /** {@return the layout} */
  public LoopLayout layout() {
    return layout;
  }

  /** {@return the durability of appends} */
  public Durability durability() {
    return durability;
  }

  /**
   * The control invocation audit trail of this loop, with this store's durability (H5).
   *
   * @param rules the rules (H5 decides whether in-flight rows are written)
   * @return the trail
   */
  public InvocationAuditTrail auditTrail(VisibilityRules rules) {
    return InvocationAuditTrail.of(this, rules);
  }

  /**
   * {@return the file names escalation rows carry (absolute paths, as the reference writes them)}
   */
  public ArtifactPaths artifactPaths() {
    return new ArtifactPaths(
        abs(LoopArtifact.STATE),
        abs(LoopArtifact.CURSOR),
        abs(LoopArtifact.HEALTH),
        abs(LoopArtifact.SEQUENCE_STATE),
        abs(LoopArtifact.SEQUENCE_TELEMETRY));
  }

  private String abs(LoopArtifact a) {
    return layout.path(a).toAbsolutePath().toString();
  }

  /**
   * Reads the previous states; an unreadable one is renamed aside and reported (H2).
   *
   * @return the states that were readable, the warning {@code previous_state_unreadable} and the
   *     new paths of the files renamed aside
   * @throws io.superloop.visibility.api.VisibilityException on file errors other than absence,
   *     including a failed rename
   */
  public PreviousStates loadPrevious() {
    List<Path> quarantined = new ArrayList<>();
    var sequence = read(LoopArtifact.SEQUENCE_STATE, SequenceCodecs.STATE, quarantined);
    var heartbeat = read(LoopArtifact.HEARTBEAT_STATE, HeartbeatCodecs.STATE, quarantined);
    var health = read(LoopArtifact.HEALTH, HealthCodecs.HEALTH, quarantined);
    var transport = read(LoopArtifact.TRANSPORT_HEALTH, HealthCodecs.TRANSPORT_HEALTH, quarantined);
    var cursor = read(LoopArtifact.CURSOR, EnvelopeCodecs.CURSOR_STATE, quarantined);
    List<ReasonCode> warnings =
        quarantined.isEmpty() ? List.of() : List.of(ReasonCode.PREVIOUS_STATE_UNREADABLE);
    return new PreviousStates(sequence, heartbeat, health, transport, cursor, warnings, quarantined);
  }

  private <T> Optional<T> read(LoopArtifact artifact, JsonCodec<T> codec, List<Path> quarantined) {
    StateRead<T> r = layout.stateFile(artifact, codec).readQuarantining();
    if (r instanceof StateRead.Unreadable<T> u) {
      quarantined.add(u.movedTo().orElse(u.file()));
    }
    return r.toOptional();
  }

  /**
   * Persists a step's result: cursor, transport health, heartbeat state and row, sequence state and
   * row, health, the Phase 7 parts of an existing {@code state.json}, escalations, reconcile row.
   *
   * @param result the step's result
   * @param cursor the new cursor, if the step moved it
   */
  public void persist(StepResult result, Optional<CursorState> cursor) {
    cursor.ifPresent(c -> layout.stateFile(LoopArtifact.CURSOR, EnvelopeCodecs.CURSOR_STATE).write(c));
    layout.stateFile(LoopArtifact.TRANSPORT_HEALTH, HealthCodecs.TRANSPORT_HEALTH).write(result.transportHealth());
    if (result.heartbeat().stateWritten()) {
      result.heartbeat().state().ifPresent(
          s -> layout.stateFile(LoopArtifact.HEARTBEAT_STATE, HeartbeatCodecs.STATE).write(s));
    }
    result.heartbeat().observation().ifPresent(
        row -> append(LoopArtifact.HEARTBEAT_TELEMETRY, HeartbeatCodecs.OBSERVATION, row));
    result.sequenceState().ifPresent(
        s -> layout.stateFile(LoopArtifact.SEQUENCE_STATE, SequenceCodecs.STATE).write(s));
    result.sequenceRow().ifPresent(
        row -> append(LoopArtifact.SEQUENCE_TELEMETRY, SequenceCodecs.OBSERVATION, row));
    layout.stateFile(LoopArtifact.HEALTH, HealthCodecs.HEALTH).write(result.health());
    mergeState(result);
    for (EscalationRow e : result.escalations()) {
      append(LoopArtifact.ESCALATIONS, ReconcileCodecs.ESCALATION, e);
    }
    append(LoopArtifact.RECONCILE_TELEMETRY, ReconcileCodecs.RECONCILE_ROW, result.reconcileRow());
  }

  /** Contract 1.11: merge health, trace.reconcileTraceId and sequence into an existing state.json. */
  private void mergeState(StepResult result) {
    StateFile<JsonValue> file = layout.stateFile(LoopArtifact.STATE, Json.RAW);
    Optional<JsonValue> existing = file.read().toOptional();
    if (existing.isEmpty() || !(existing.get() instanceof JsonValue.JsonObject obj)) {
      return; // state.json belongs to the projection; never created or repaired here
    }
    Map<String, JsonValue> m = new LinkedHashMap<>(obj.members());
    m.put("health", Json.parse(HealthCodecs.HEALTH.encode(result.health())));
    Map<String, JsonValue> trace = new LinkedHashMap<>();
    if (m.get("trace") instanceof JsonValue.JsonObject t) {
      trace.putAll(t.members());
    }
    result.health().traceId().ifPresent(id -> trace.put("reconcileTraceId", JsonValue.of(id.value())));
    m.put("trace", JsonValue.object(trace));
    Optional<SequenceState> seq = result.sequenceState();
    if (seq.isPresent()) {
      m.put("sequence", Json.parse(SequenceCodecs.STATE.encode(seq.get())));
    }
    file.write(JsonValue.object(m));
  }

  private <T> void append(LoopArtifact artifact, JsonCodec<T> codec, T value) {
    try (AppendLog<T> log = layout.openLog(artifact, codec, durability)) {
      log.append(value);
    }
  }

  /**
   * Reads the health sources other components write: the last valid {@code intents.jsonl} row's
   * status and, from {@code state.json} (the projection's file, read only), divergence, the last
   * event time and the lifecycle state. A missing or unreadable {@code state.json} gives none of
   * them; it is never renamed or repaired here.
   *
   * @return the sources, {@link HealthSources#NONE} parts where absent
   * @throws io.superloop.visibility.api.VisibilityException on file errors other than absence
   */
  public HealthSources readHealthSources() {
    Optional<String> lastControlStatus =
        last(LoopArtifact.INTENTS, AuditCodecs.INTENT_ROW).map(r -> r.status().wire());
    // no state.json reads as a document without members: no divergence, no event time, no state
    JsonValue s =
        layout.stateFile(LoopArtifact.STATE, Json.RAW).read().toOptional().orElse(JsonValue.nullValue());
    boolean divergence = member(s, "divergence", "any").filter(v -> v == JsonValue.JsonBoolean.TRUE).isPresent();
    Optional<String> lastEventAt = string(member(s, "projection", "lastEventAt"));
    String lifecycle =
        string(member(s, "transition", "currentState"))
            .or(() -> string(member(s, "projection", "status")))
            .orElse(HealthSources.NONE.lifecycleState());
    return new HealthSources(divergence, lastControlStatus, lastEventAt, lifecycle);
  }

  private static Optional<JsonValue> member(JsonValue v, String outer, String inner) {
    if (v instanceof JsonValue.JsonObject o && o.members().get(outer) instanceof JsonValue.JsonObject m) {
      return Optional.ofNullable(m.members().get(inner));
    }
    return Optional.empty();
  }

  private static Optional<String> string(Optional<JsonValue> v) {
    return v.filter(JsonValue.JsonString.class::isInstance).map(x -> ((JsonValue.JsonString) x).value());
  }

  /**
   * Reads what the status surface needs: the state files and the last valid row of each log. A file
   * that cannot be read (not decodable, beyond its read limit, not a regular file, a symbolic link
   * under the loop directory, an I/O error) reads as absent and is named in {@link
   * StatusInputs#unreadable()} with its error code; the projector leaves its section out.
   *
   * @return the inputs of the status projector; never throws for one file's problem
   */
  public StatusInputs readStatusInputs() {
    Map<String, String> unreadable = new LinkedHashMap<>();
    ImmutableStatusInputs.Builder b =
        StatusInputs.builder()
            .heartbeatState(state(LoopArtifact.HEARTBEAT_STATE, HeartbeatCodecs.STATE, unreadable))
            .lastHeartbeatRow(last(LoopArtifact.HEARTBEAT_TELEMETRY, HeartbeatCodecs.OBSERVATION, unreadable))
            .sequenceState(state(LoopArtifact.SEQUENCE_STATE, SequenceCodecs.STATE, unreadable))
            .lastSequenceRow(last(LoopArtifact.SEQUENCE_TELEMETRY, SequenceCodecs.OBSERVATION, unreadable))
            .lastIntent(last(LoopArtifact.INTENTS, AuditCodecs.INTENT_ROW, unreadable))
            .lastControlRow(last(LoopArtifact.CONTROL_TELEMETRY, AuditCodecs.CONTROL_ROW, unreadable))
            .reconcileTraceId(
                last(LoopArtifact.RECONCILE_TELEMETRY, ReconcileCodecs.RECONCILE_ROW, unreadable)
                    .flatMap(ReconcileRow::traceId));
    Optional<ControlInvocation> invocation =
        last(LoopArtifact.CONTROL_INVOCATIONS, AuditCodecs.INVOCATION, unreadable);
    b.lastInvocation(invocation);
    Optional<AlertRow> alert = last(LoopArtifact.ALERTS_TELEMETRY, ReconcileCodecs.ALERT_ROW, unreadable);
    b.alertRowTraceId(alert.map(AlertRow::traceId)).alertRowTimestamp(alert.map(AlertRow::timestamp));
    Optional<AlertDispatchState> dispatch =
        state(LoopArtifact.ALERT_DISPATCH_STATE, ReconcileCodecs.ALERT_DISPATCH_STATE, unreadable);
    b.dispatchTraceId(dispatch.flatMap(AlertDispatchState::traceId))
        .dispatchUpdatedAt(dispatch.map(AlertDispatchState::updatedAt));
    Optional<InFlight> inFlight = guarded(LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT, this::lastStarted, unreadable);
    Optional<InFlightRow> started = inFlight.flatMap(InFlight::started);
    b.lastStarted(started);
    if (started.isPresent()) {
      boolean done =
          inFlight.get().markedCompleted()
              || guarded(LoopArtifact.CONTROL_INVOCATIONS, () -> completed(started.get(), invocation), unreadable)
                  .orElse(false);
      b.lastStartedCompleted(done);
    }
    return b.unreadable(unreadable).build();
  }

  /**
   * How far back {@link #completed} looks before the started row's time: a completion row is
   * written after its start, but two writers may append rows out of timestamp order (a writer
   * computes its completion time, then appends), and clocks step. Rows older than the start by more
   * than this cannot belong to it.
   */
  static final long COMPLETION_SCAN_SLACK_SECONDS = 600;

  /** The last started row of the in-flight file, and whether a completed marker of it follows. */
  private record InFlight(Optional<InFlightRow> started, boolean markedCompleted) {}

  private InFlight lastStarted() {
    Set<String> completedKeys = new HashSet<>();
    TailRead<InFlightRow> r =
        layout.last(
            LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT,
            AuditCodecs.IN_FLIGHT_ROW,
            row -> {
              if (row.phase() == InvocationPhase.STARTED) {
                return true;
              }
              completedKeys.add(row.idempotencyKey());
              return false;
            },
            row -> false);
    Optional<InFlightRow> started = r.value();
    return new InFlight(started, started.map(s -> completedKeys.contains(s.idempotencyKey())).orElse(false));
  }

  /**
   * Whether the v1 invocation log holds the completion of {@code started} (H5): a row with its
   * idempotency key that started no earlier than it (so a caller-given key used again by a later
   * action does not count as that action's completion). Scans backwards from the end and stops at
   * the first row completed more than {@link #COMPLETION_SCAN_SLACK_SECONDS} before the start, so
   * the cost depends on the rows written since the start, not on the size of the log.
   */
  private boolean completed(InFlightRow started, Optional<ControlInvocation> last) {
    OptionalLong startMillis = millis(started.timestamp());
    if (last.isPresent() && completes(last.get(), started, startMillis)) {
      return true;
    }
    return layout.last(
            LoopArtifact.CONTROL_INVOCATIONS,
            AuditCodecs.INVOCATION,
            row -> completes(row, started, startMillis),
            row -> {
              if (startMillis.isEmpty()) {
                return false;
              }
              OptionalLong at = millis(row.timestamp());
              return at.isPresent()
                  && at.getAsLong() < startMillis.getAsLong() - COMPLETION_SCAN_SLACK_SECONDS * 1000;
            })
        .value()
        .isPresent();
  }

  private static boolean completes(ControlInvocation row, InFlightRow started, OptionalLong startMillis) {
    if (!row.idempotencyKey().equals(started.idempotencyKey())) {
      return false;
    }
    OptionalLong rowStart = millis(row.startedAt());
    if (rowStart.isEmpty() || startMillis.isEmpty()) {
      return true; // cannot tell the actions of one key apart: the key decides
    }
    return rowStart.getAsLong() >= startMillis.getAsLong();
  }

  private static OptionalLong millis(String timestamp) {
    return Timestamps.parseEpochMillis(timestamp, TimestampSyntax.RFC_3339);
  }

  private <T> Optional<T> state(LoopArtifact artifact, JsonCodec<T> codec, Map<String, String> unreadable) {
    Optional<StateRead<T>> r = guarded(artifact, () -> layout.stateFile(artifact, codec).read(), unreadable);
    if (r.isPresent() && r.get() instanceof StateRead.Unreadable<T> u) {
      unreadable.put(artifact.defaultPath(), u.cause().code().wire());
    }
    return r.flatMap(StateRead::toOptional);
  }

  private <T> Optional<T> last(LoopArtifact artifact, JsonCodec<T> codec, Map<String, String> unreadable) {
    return guarded(artifact, () -> last(artifact, codec), unreadable).flatMap(v -> v);
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

  private <T> Optional<T> last(LoopArtifact artifact, JsonCodec<T> codec) {
    return layout.last(artifact, codec, v -> true, v -> false).value();
  }
}
