package io.superloop.visibility.core.store;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.envelope.CursorState;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.core.reconcile.ArtifactPaths;
import io.superloop.visibility.core.reconcile.StateJsonMerge;
import io.superloop.visibility.core.reconcile.StepResult;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.TelemetryRetention;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

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
    var sequence = read(LoopArtifact.SEQUENCE_STATE, Codecs.SEQUENCE_STATE, quarantined);
    var heartbeat = read(LoopArtifact.HEARTBEAT_STATE, Codecs.HEARTBEAT_STATE, quarantined);
    var health = read(LoopArtifact.HEALTH, Codecs.HEALTH, quarantined);
    var transport = read(LoopArtifact.TRANSPORT_HEALTH, Codecs.TRANSPORT_HEALTH, quarantined);
    var cursor = read(LoopArtifact.CURSOR, Codecs.CURSOR_STATE, quarantined);
    List<ReasonCode> warnings =
        quarantined.isEmpty() ? List.of() : List.of(ReasonCode.PREVIOUS_STATE_UNREADABLE);
    return new PreviousStates(
        sequence, heartbeat, health, transport, cursor, warnings, quarantined);
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
   * state files; each directory whose entries changed is forced once; and the journal is emptied. A
   * crash or an I/O error before the commit point leaves no artifact changed; after it, {@link
   * #pendingStep()} finds the record and {@link #complete} writes the rest. Hold the loop lock.
   *
   * @param result the step's result
   * @param cursor the new cursor, if the step moved it
   * @param retention when the step rotates its telemetry logs
   * @throws io.superloop.visibility.api.VisibilityException on file errors (naming the file);
   *     before the commit point nothing was written, after it the next step completes the writes
   */
  public void persist(
      StepResult result, Optional<CursorState> cursor, TelemetryRetention retention) {
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
    entries.add(
        replace(LoopArtifact.TRANSPORT_HEALTH, Codecs.TRANSPORT_HEALTH, result.transportHealth()));
    result
        .heartbeatStateToWrite()
        .ifPresent(
            s -> entries.add(replace(LoopArtifact.HEARTBEAT_STATE, Codecs.HEARTBEAT_STATE, s)));
    result
        .heartbeatRow()
        .ifPresent(
            row ->
                append(
                    LoopArtifact.HEARTBEAT_TELEMETRY,
                    line(Codecs.HEARTBEAT_OBSERVATION, row),
                    retention,
                    entries,
                    logs));
    result
        .sequenceState()
        .ifPresent(
            s -> entries.add(replace(LoopArtifact.SEQUENCE_STATE, Codecs.SEQUENCE_STATE, s)));
    result
        .sequenceRow()
        .ifPresent(
            row ->
                append(
                    LoopArtifact.SEQUENCE_TELEMETRY,
                    line(Codecs.SEQUENCE_OBSERVATION, row),
                    retention,
                    entries,
                    logs));
    entries.add(replace(LoopArtifact.HEALTH, Codecs.HEALTH, result.health()));
    entries.add(new StepRecord.Merge(StateJsonMerge.patch(result)));
    if (!result.escalations().isEmpty()) {
      ByteArrayOutputStream rows = new ByteArrayOutputStream();
      for (EscalationRow e : result.escalations()) {
        rows.writeBytes(line(Codecs.ESCALATION_ROW, e));
      }
      append(LoopArtifact.ESCALATIONS, rows.toByteArray(), retention, entries, logs);
    }
    append(
        LoopArtifact.RECONCILE_TELEMETRY,
        line(Codecs.RECONCILE_ROW, result.reconcileRow()),
        retention,
        entries,
        logs);
    cursor.ifPresent(c -> entries.add(replace(LoopArtifact.CURSOR, Codecs.CURSOR_STATE, c)));
    StepRecord record = new StepRecord(entries);
    StepJournal journal = journal();
    journal.write(record.encode());
    apply(record, false, logs);
    journal.clear();
  }

  /** The telemetry logs a retention setting rotates. */
  static final Set<LoopArtifact> ROTATED =
      EnumSet.of(
          LoopArtifact.HEARTBEAT_TELEMETRY,
          LoopArtifact.SEQUENCE_TELEMETRY,
          LoopArtifact.RECONCILE_TELEMETRY);

  /** The state files a reconcile step writes (only under the loop lock). */
  private static final List<LoopArtifact> STEP_STATES =
      List.of(
          LoopArtifact.CURSOR,
          LoopArtifact.TRANSPORT_HEALTH,
          LoopArtifact.HEARTBEAT_STATE,
          LoopArtifact.SEQUENCE_STATE,
          LoopArtifact.HEALTH,
          LoopArtifact.STATE);

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
              log,
              end,
              LogRotation.nextNumber(layout.fileOps(), file),
              retention.rotatedFilesKept()));
      end = 0;
    }
    entries.add(new StepRecord.Append(log, end, lines));
  }

  /**
   * Merges the step's patch into an existing state.json object by the rules of {@link
   * StateJsonMerge} (contract 1.11); a missing or unreadable one is left alone (the projection's
   * file, never created or repaired here).
   *
   * @return the merged file, staged, if there is one to merge into
   */
  private Optional<StateFile<JsonValue>.Staged> mergeState(JsonObject patch) {
    StateFile<JsonValue> file = layout.stateFile(LoopArtifact.STATE, Json.RAW);
    Optional<JsonValue> existing = file.read().toOptional();
    if (existing.isEmpty() || !(existing.get() instanceof JsonObject obj)) {
      return Optional.empty();
    }
    return Optional.of(file.stage(line(Json.RAW, StateJsonMerge.merge(obj, patch))));
  }

  private StepJournal journal() {
    return new StepJournal(
        layout.stepJournalFile(), layout.fileOps(), layout.limits().stepJournalBytes());
  }

  /**
   * Writes a record's artifacts. Each state file's new content goes to a temp file and each log
   * gets its lines (rotated first when the record says so), all before anything is forced; then the
   * temp files and the logs (unless {@link Durability#NONE}) are forced one after another, so that
   * the file system commits them together; then the temp files are renamed over the state files and
   * each directory whose entries changed is forced once. When {@code completing} a pending record,
   * the directories of every log are forced too (an earlier attempt may have created a log without
   * forcing it). A log already open in {@code logs} is written through that handle unless it is
   * rotated first.
   */
  private void apply(
      StepRecord record, boolean completing, Map<LoopArtifact, AppendLog<JsonValue>> logs) {
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
          log.appendAfter(a.start(), a.lines());
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
   * already written are found and not written twice), then empties the journal. Hold the loop lock.
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
        if (now != r.before() && now != StateFile.crc32Of(r.content())) {
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
   * @param pending what {@link #pendingStep()} found (the journal is not read again)
   * @return the files removed
   * @throws io.superloop.visibility.api.VisibilityException on file errors
   */
  public List<Path> removeStaleTemps(PendingStep pending) {
    FileOps ops = layout.fileOps();
    if (pending instanceof PendingStep.None && ops.exists(layout.stepJournalFile())) {
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
   * Reads a state file of the loop without renaming an unreadable one.
   *
   * @param <T> the value type
   * @param artifact a state file
   * @param codec its codec
   * @return present, absent or unreadable (with the reason)
   * @throws io.superloop.visibility.api.VisibilityException on file errors other than absence and
   *     unreadable content
   */
  public <T> StateRead<T> readState(LoopArtifact artifact, JsonCodec<T> codec) {
    return layout.stateFile(artifact, codec).read();
  }

  /**
   * The last valid row of a log that {@code match} accepts, reading backwards from the end until
   * {@code stop} accepts a row (that row is not matched); a rotated log's older files are not read.
   *
   * @param <T> the row type
   * @param artifact a log
   * @param codec its row codec
   * @param match which rows count
   * @param stop where the backwards scan ends
   * @return the row, if one matched before the scan stopped
   * @throws io.superloop.visibility.api.VisibilityException on file errors other than absence
   */
  public <T> Optional<T> lastMatching(
      LoopArtifact artifact,
      JsonCodec<T> codec,
      Predicate<? super T> match,
      Predicate<? super T> stop) {
    return layout.last(artifact, codec, match, stop).value();
  }

  /**
   * The last valid row of a log; for a rotated telemetry log without one (rotated, its first row
   * not yet written), the last valid row of its newest rotated file.
   *
   * @param <T> the row type
   * @param artifact a log
   * @param codec its row codec
   * @return the row, if the log (or its newest rotated file) has a valid one
   * @throws io.superloop.visibility.api.VisibilityException on file errors other than absence
   */
  public <T> Optional<T> lastRow(LoopArtifact artifact, JsonCodec<T> codec) {
    Optional<T> v = layout.last(artifact, codec, x -> true, x -> false).value();
    if (v.isEmpty() && ROTATED.contains(artifact)) {
      return LogRotation.newest(layout.fileOps(), layout.path(artifact))
          .flatMap(r -> layout.lastIn(r, codec).value());
    }
    return v;
  }
}
