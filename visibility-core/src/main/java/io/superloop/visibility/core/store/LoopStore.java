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
import io.superloop.visibility.core.rules.TelemetryRetention;
import io.superloop.visibility.core.rules.TimestampSyntax;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.time.Timestamps;
import io.superloop.visibility.core.status.internal.ImmutableStatusInputs;
import io.superloop.visibility.core.status.StatusInputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
   * Persists a step's result without telemetry retention: {@link #persist(StepResult, Optional,
   * TelemetryRetention)} with {@link TelemetryRetention#OFF}.
   *
   * @param result the step's result
   * @param cursor the new cursor, if the step moved it
   */
  public void persist(StepResult result, Optional<CursorState> cursor) {
    persist(result, cursor, TelemetryRetention.OFF);
  }

  /**
   * Persists a step's result as one unit: first a {@link StepRecord} of everything the step writes
   * (transport health, heartbeat state and row, sequence state and row, health, the Phase 7 parts
   * of an existing {@code state.json}, escalations, reconcile row, then the cursor) is written to
   * the step journal and forced: the commit point. Then each state file's new content goes to a
   * temp file and each log gets its lines (one write per log); the temp files and (unless {@link
   * Durability#NONE}) the logs are forced, one after another; the temp files are renamed over the
   * state files; each directory whose entries changed is forced once; and the journal is emptied. A crash or an I/O error before the commit point leaves no artifact changed; after it,
   * {@link #pendingStep()} finds the record and {@link #complete} writes the rest. Hold the loop
   * lock.
   *
   * @param result the step's result
   * @param cursor the new cursor, if the step moved it
   * @param retention when the step rotates its telemetry logs
   * @throws io.superloop.visibility.api.VisibilityException on file errors (naming the file);
   *     before the commit point nothing was written, after it the next step completes the writes
   */
  public void persist(StepResult result, Optional<CursorState> cursor, TelemetryRetention retention) {
    Map<LoopArtifact, AppendLog<JsonValue>> logs = new EnumMap<>(LoopArtifact.class);
    try {
      persist(result, cursor, retention, logs);
    } finally {
      logs.values().forEach(AppendLog::close);
    }
  }

  /** {@link #persist}, keeping the logs it opens in {@code logs} (the caller closes them). */
  private void persist(
      StepResult result,
      Optional<CursorState> cursor,
      TelemetryRetention retention,
      Map<LoopArtifact, AppendLog<JsonValue>> logs) {
    // in the reference's order (contract 1.14), the cursor last; a log's lines are placed after
    // its end (a torn tail moved aside first) and, when it is due, its rotation
    List<StepRecord.Entry> entries = new ArrayList<>();
    entries.add(replace(LoopArtifact.TRANSPORT_HEALTH, HealthCodecs.TRANSPORT_HEALTH, result.transportHealth()));
    if (result.heartbeat().stateWritten()) {
      result.heartbeat().state().ifPresent(
          s -> entries.add(replace(LoopArtifact.HEARTBEAT_STATE, HeartbeatCodecs.STATE, s)));
    }
    result.heartbeat().observation().ifPresent(
        row -> append(LoopArtifact.HEARTBEAT_TELEMETRY, line(HeartbeatCodecs.OBSERVATION, row), retention, entries, logs));
    result.sequenceState().ifPresent(s -> entries.add(replace(LoopArtifact.SEQUENCE_STATE, SequenceCodecs.STATE, s)));
    result.sequenceRow().ifPresent(
        row -> append(LoopArtifact.SEQUENCE_TELEMETRY, line(SequenceCodecs.OBSERVATION, row), retention, entries, logs));
    entries.add(replace(LoopArtifact.HEALTH, HealthCodecs.HEALTH, result.health()));
    entries.add(new StepRecord.Merge(statePatch(result)));
    if (!result.escalations().isEmpty()) {
      ByteArrayOutputStream rows = new ByteArrayOutputStream();
      for (EscalationRow e : result.escalations()) {
        rows.writeBytes(line(ReconcileCodecs.ESCALATION, e));
      }
      append(LoopArtifact.ESCALATIONS, rows.toByteArray(), retention, entries, logs);
    }
    append(
        LoopArtifact.RECONCILE_TELEMETRY,
        line(ReconcileCodecs.RECONCILE_ROW, result.reconcileRow()),
        retention,
        entries,
        logs);
    cursor.ifPresent(c -> entries.add(replace(LoopArtifact.CURSOR, EnvelopeCodecs.CURSOR_STATE, c)));
    StepRecord record = new StepRecord(entries);
    StepJournal journal = journal();
    journal.write(record.encode());
    apply(record, false, logs);
    journal.clear();
  }
  /** The telemetry logs a retention setting rotates. */
  static final Set<LoopArtifact> ROTATED =
      EnumSet.of(LoopArtifact.HEARTBEAT_TELEMETRY, LoopArtifact.SEQUENCE_TELEMETRY, LoopArtifact.RECONCILE_TELEMETRY);

  /** The state files a reconcile step writes (only under the loop lock). */
  private static final List<LoopArtifact> STEP_STATES =
      List.of(
          LoopArtifact.CURSOR, LoopArtifact.TRANSPORT_HEALTH, LoopArtifact.HEARTBEAT_STATE,
          LoopArtifact.SEQUENCE_STATE, LoopArtifact.HEALTH, LoopArtifact.STATE);

  /**
   * A state file's new content. {@code health.json}, which every step of every manager (bash
   * included) rewrites, also gets its checksum before the step: the sentinel that tells whether
   * another writer came between a torn step and the next one ({@link #overtaken}).
   */
  private <T> StepRecord.Entry replace(LoopArtifact artifact, JsonCodec<T> codec, T value) {
    long before =
        artifact == LoopArtifact.HEALTH
            ? layout.stateFile(artifact, Json.RAW).crc32()
            : StepRecord.Replace.UNCHECKED;
    return new StepRecord.Replace(artifact, line(codec, value), before);
  }

  private static <T> byte[] line(JsonCodec<T> codec, T value) {
    return Json.DEFAULT.encodeUtf8(codec, value, true);
  }

  /**
   * The entries of lines appended to {@code log}: its rotation when due, then the append. The log
   * stays open in {@code logs} for the step's writes (unless it is to be rotated).
   */
  private void append(
      LoopArtifact log,
      byte[] lines,
      TelemetryRetention retention,
      List<StepRecord.Entry> entries,
      Map<LoopArtifact, AppendLog<JsonValue>> logs) {
    Path file = layout.path(log);
    AppendLog<JsonValue> l = AppendLog.openForStep(file, durability, layout.fileOps());
    logs.put(log, l);
    long end = l.cleanEnd();
    if (retention.rotates() && ROTATED.contains(log) && end >= retention.maxFileBytes()) {
      entries.add(
          new StepRecord.Rotate(
              log, end, LogRotation.nextNumber(layout.fileOps(), file), retention.rotatedFilesKept()));
      end = 0;
    }
    entries.add(new StepRecord.Append(log, end, lines));
  }

  /** Contract 1.11: the members a step merges into an existing state.json. */
  private static JsonValue.JsonObject statePatch(StepResult result) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("health", Json.parse(HealthCodecs.HEALTH.encode(result.health())));
    result.health().traceId().ifPresent(id -> m.put("reconcileTraceId", JsonValue.of(id.value())));
    result.sequenceState().ifPresent(seq -> m.put("sequence", Json.parse(SequenceCodecs.STATE.encode(seq))));
    return JsonValue.object(m);
  }

  /**
   * Merges health, trace.reconcileTraceId and sequence into an existing state.json object; a
   * missing or unreadable one is left alone (the projection's file, never created or repaired
   * here).
   *
   * @return the merged file, staged, if there is one to merge into
   */
  private Optional<StateFile<JsonValue>.Staged> mergeState(JsonValue.JsonObject patch) {
    StateFile<JsonValue> file = layout.stateFile(LoopArtifact.STATE, Json.RAW);
    Optional<JsonValue> existing = file.read().toOptional();
    if (existing.isEmpty() || !(existing.get() instanceof JsonValue.JsonObject obj)) {
      return Optional.empty();
    }
    Map<String, JsonValue> m = new LinkedHashMap<>(obj.members());
    JsonValue health = patch.members().get("health");
    if (health != null) {
      m.put("health", health);
    }
    Map<String, JsonValue> trace = new LinkedHashMap<>();
    if (m.get("trace") instanceof JsonValue.JsonObject t) {
      trace.putAll(t.members());
    }
    JsonValue traceId = patch.members().get("reconcileTraceId");
    if (traceId != null) {
      trace.put("reconcileTraceId", traceId);
    }
    m.put("trace", JsonValue.object(trace));
    JsonValue seq = patch.members().get("sequence");
    if (seq != null) {
      m.put("sequence", seq);
    }
    return Optional.of(file.stage(line(Json.RAW, JsonValue.object(m))));
  }

  private StepJournal journal() {
    return new StepJournal(layout.stepJournalFile(), layout.fileOps(), layout.limits().stepJournalBytes());
  }

  /**
   * Writes a record's artifacts. Each state file's new content goes to a temp file and each log
   * gets its lines (rotated first when the record says so), all before anything is forced; then
   * the temp files and the logs (unless {@link Durability#NONE}) are forced one after another, so
   * that the file system commits them together; then the temp files are renamed over the state
   * files and each directory whose entries changed is forced once. When {@code completing} a
   * pending record, the directories of every log are forced too (an earlier attempt may have
   * created a log without forcing it). A log already open in {@code logs} is written through that
   * handle unless it is rotated first.
   */
  private void apply(StepRecord record, boolean completing, Map<LoopArtifact, AppendLog<JsonValue>> logs) {
    Set<Path> dirs = new LinkedHashSet<>();
    FileOps ops = layout.fileOps();
    List<StateFile<JsonValue>.Staged> staged = new ArrayList<>();
    List<AppendLog<JsonValue>> appended = new ArrayList<>();
    int renamed = 0;
    try {
      for (StepRecord.Entry e : record.entries()) {
        if (e instanceof StepRecord.Replace r) {
          staged.add(layout.stateFile(r.artifact(), Json.RAW).stage(r.content()));
        } else if (e instanceof StepRecord.Merge m) {
          mergeState(m.members()).ifPresent(staged::add);
        } else if (e instanceof StepRecord.Rotate r) {
          Path file = layout.path(r.artifact());
          AppendLog<JsonValue> open = logs.remove(r.artifact());
          if (open != null) {
            open.close(); // its handles would follow the renamed file
          }
          if (LogRotation.rotate(ops, file, r.sizeBefore(), r.number(), r.keep())) {
            dirs.add(AppendLog.parentOf(file));
          }
        } else if (e instanceof StepRecord.Append a) {
          Path file = layout.path(a.artifact());
          AppendLog<JsonValue> log = logs.get(a.artifact());
          if (log == null) {
            log = AppendLog.openForStep(file, durability, ops);
            logs.put(a.artifact(), log);
          }
          log.appendAfter(a.start(), a.lines(), false);
          appended.add(log);
          if (log.openedEmpty() || completing) {
            dirs.add(AppendLog.parentOf(file));
          }
        }
      }
      for (StateFile<JsonValue>.Staged s : staged) {
        s.force();
      }
      if (durability != Durability.NONE) {
        for (AppendLog<JsonValue> log : appended) {
          log.forceNow();
        }
      }
      for (StateFile<JsonValue>.Staged s : staged) {
        renamed++; // a failed rename removes its own temp file
        dirs.add(s.rename());
      }
    } finally {
      // temp files not renamed are dropped (the record stays in the journal)
      staged.subList(renamed, staged.size()).forEach(StateFile.Staged::abort);
    }
    for (Path dir : dirs) {
      try {
        ops.forceDirectory(dir);
      } catch (IOException x) {
        throw IoErrors.of("cannot force the directory", dir, x);
      }
    }
  }

  /**
   * What the step journal holds: read at the start of a step, under the loop lock, before the
   * previous states are loaded.
   *
   * @return {@link PendingStep.None}, {@link PendingStep.Torn} or {@link PendingStep.Committed}
   * @throws io.superloop.visibility.api.VisibilityException a file error, or {@link
   *     io.superloop.visibility.api.ErrorCode#STATE_UNREADABLE} for a whole record this version
   *     cannot apply
   */
  public PendingStep pendingStep() {
    StepJournal j = journal();
    StepJournal.Content c = j.read();
    if (c instanceof StepJournal.Whole w) {
      return new PendingStep.Committed(StepRecord.decode(w.record()));
    }
    if (c instanceof StepJournal.Torn t) {
      return new PendingStep.Torn(j.file(), t.size());
    }
    return new PendingStep.None();
  }

  /**
   * Writes the artifacts of a committed step that a crash or an I/O error interrupted (the ones
   * already written are found and not written twice), then empties the journal. Hold the loop
   * lock.
   *
   * @param pending the record {@link #pendingStep()} found
   * @throws io.superloop.visibility.api.VisibilityException on file errors; the record stays
   */
  public void complete(PendingStep.Committed pending) {
    Map<LoopArtifact, AppendLog<JsonValue>> logs = new EnumMap<>(LoopArtifact.class);
    try {
      apply(pending.record(), true, logs);
    } finally {
      logs.values().forEach(AppendLog::close);
    }
    journal().clear();
  }

  /**
   * The state files of a pending record that another writer changed since its step was committed:
   * each holds neither its content before the step nor the record's (a bash manager's step, or an
   * operator, came between the torn step and this one). The sentinel checked is {@code
   * health.json}, which every step of every manager rewrites.
   *
   * @param pending the record {@link #pendingStep()} found
   * @return the artifacts changed by another writer; empty when the record can be completed
   * @throws io.superloop.visibility.api.VisibilityException on file errors
   */
  public List<LoopArtifact> overtaken(PendingStep.Committed pending) {
    List<LoopArtifact> out = new ArrayList<>();
    for (StepRecord.Entry e : pending.record().entries()) {
      if (e instanceof StepRecord.Replace r && r.before() != StepRecord.Replace.UNCHECKED) {
        long now = layout.stateFile(r.artifact(), Json.RAW).crc32();
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(r.content());
        if (now != r.before() && now != c.getValue()) {
          out.add(r.artifact());
        }
      }
    }
    return out;
  }

  /**
   * Empties a journal without writing its record (a torn step the caller decided not to complete).
   * Hold the loop lock.
   *
   * @param pending what {@link #pendingStep()} found
   * @throws io.superloop.visibility.api.VisibilityException on file errors
   */
  public void abandon(PendingStep.Committed pending) {
    journal().clear();
  }

  /**
   * Empties a journal whose record was cut short. Hold the loop lock.
   *
   * @param pending what {@link #pendingStep()} found
   * @throws io.superloop.visibility.api.VisibilityException on file errors
   */
  public void discard(PendingStep.Torn pending) {
    journal().clear();
  }

  /**
   * Removes the temp files of state writes ({@code .<state>.tmp-<hex>}) a killed writer left beside
   * the state files a step writes. Hold the loop lock: every writer of those files holds it, so no
   * temp file found here belongs to a live write. Call it before {@link #complete} or {@link
   * #discard}: the directories are listed only while the journal holds a record, or before this
   * version's first step of the loop.
   *
   * @return the files removed
   * @throws io.superloop.visibility.api.VisibilityException on file errors
   */
  public List<Path> removeStaleTemps() {
    FileOps ops = layout.fileOps();
    Path journal = layout.stepJournalFile();
    if (ops.exists(journal) && journal().read() instanceof StepJournal.Empty) {
      // a step's temp files exist only between its commit and the end of its writes, when the
      // journal holds its record: an empty journal means no step of this version was killed
      // there (a loop this version never stepped has no journal yet: its temps are looked for)
      return List.of();
    }
    Map<Path, List<Path>> byDir = new LinkedHashMap<>();
    for (LoopArtifact a : STEP_STATES) {
      Path file = layout.path(a);
      byDir.computeIfAbsent(AppendLog.parentOf(file), d -> new ArrayList<>()).add(file);
    }
    List<Path> removed = new ArrayList<>();
    for (Map.Entry<Path, List<Path>> d : byDir.entrySet()) {
      try {
        for (Path entry : ops.list(d.getKey())) {
          String name = String.valueOf(entry.getFileName());
          for (Path state : d.getValue()) {
            if (StateFile.isTempOf(state, name)) {
              ops.deleteIfExists(entry);
              removed.add(entry);
            }
          }
        }
      } catch (IOException e) {
        throw IoErrors.of("cannot remove stale temp files in", d.getKey(), e);
      }
    }
    return removed;
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

  /**
   * The last valid row of a log; for a rotated telemetry log without one (rotated, its first row
   * not yet written), the last valid row of its newest rotated file.
   */
  private <T> Optional<T> last(LoopArtifact artifact, JsonCodec<T> codec) {
    Optional<T> v = layout.last(artifact, codec, x -> true, x -> false).value();
    if (v.isEmpty() && ROTATED.contains(artifact)) {
      return LogRotation.newest(layout.fileOps(), layout.path(artifact))
          .flatMap(r -> layout.lastIn(r, codec).value());
    }
    return v;
  }
}
