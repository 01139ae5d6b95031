package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.envelope.CursorState;
import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.internal.json.JsonString;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.sequence.SequenceState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Checks of a loop's files after a step: everything parses, and the reconcile rows chain. */
final class LoopChecks {
  private LoopChecks() {}

  /** A loop's files, each parsed. */
  record Parsed(
      CursorState cursor,
      SequenceState sequence,
      Health health,
      JsonValue stateJson,
      List<ReconcileRow> rows,
      List<SequenceObservation> sequenceRows,
      List<HeartbeatObservation> heartbeatRows) {

    List<String> sequenceRowTraces() {
      return sequenceRows.stream().map(r -> r.traceId().orElseThrow().value()).toList();
    }

    List<String> heartbeatRowTraces() {
      return heartbeatRows.stream().map(r -> r.traceId().orElseThrow().value()).toList();
    }

    boolean sequenceRowsClean() {
      return sequenceRows.stream().allMatch(r -> r.violations().isEmpty());
    }

    /** {@code state.json}'s {@code trace.reconcileTraceId}. */
    String stateJsonReconcileTraceId() {
      JsonValue trace = ((JsonObject) stateJson).members().get("trace");
      JsonValue id = ((JsonObject) Objects.requireNonNull(trace)).members().get("reconcileTraceId");
      return ((JsonString) Objects.requireNonNull(id)).value();
    }
  }

  /**
   * Parses every state file and step log of a loop: each state file decodes, each log has no
   * unparseable line and no torn tail, no temp file is left and the step journal is empty.
   */
  static Parsed parseAll(LoopLayout l) {
    state(l, LoopArtifact.TRANSPORT_HEALTH, Codecs.TRANSPORT_HEALTH);
    state(l, LoopArtifact.HEARTBEAT_STATE, Codecs.HEARTBEAT_STATE);
    Parsed p =
        new Parsed(
            state(l, LoopArtifact.CURSOR, Codecs.CURSOR_STATE),
            state(l, LoopArtifact.SEQUENCE_STATE, Codecs.SEQUENCE_STATE),
            state(l, LoopArtifact.HEALTH, Codecs.HEALTH),
            state(l, LoopArtifact.STATE, Json.RAW),
            rows(l, LoopArtifact.RECONCILE_TELEMETRY, Codecs.RECONCILE_ROW),
            rows(l, LoopArtifact.SEQUENCE_TELEMETRY, Codecs.SEQUENCE_OBSERVATION),
            rows(l, LoopArtifact.HEARTBEAT_TELEMETRY, Codecs.HEARTBEAT_OBSERVATION));
    if (Files.exists(l.path(LoopArtifact.ESCALATIONS))) {
      rows(l, LoopArtifact.ESCALATIONS, Codecs.ESCALATION_ROW);
    }
    for (Path d : List.of(l.opsDir(), l.telemetryDir())) {
      for (String name : names(d)) {
        assertTrue(!name.contains(".tmp-"), "temp file left: " + name);
      }
    }
    assertEquals(0, size(l.stepJournalFile()), "the step journal is empty after a whole step");
    return p;
  }

  static List<String> traces(List<ReconcileRow> rows) {
    return rows.stream().map(r -> r.traceId().orElseThrow().value()).toList();
  }

  /**
   * Checks that each reconcile row starts where the previous one ended (from line 0) and ingested
   * the lines in between.
   *
   * @return the lines covered and the lines counted more than once
   */
  static long[] chain(List<ReconcileRow> rows) {
    TreeSet<Long> covered = new TreeSet<>();
    long counted = 0;
    long at = 0;
    for (ReconcileRow r : rows) {
      assertEquals(
          at,
          r.cursorOffsetBefore(),
          "each step starts where the previous one ended: " + traces(rows));
      assertEquals(r.cursorOffsetAfter() - r.cursorOffsetBefore(), r.eventsIngested());
      for (long line = r.cursorOffsetBefore() + 1; line <= r.cursorOffsetAfter(); line++) {
        covered.add(line);
      }
      counted += r.eventsIngested();
      at = r.cursorOffsetAfter();
    }
    return new long[] {covered.size(), counted - covered.size()};
  }

  static <T> T state(LoopLayout l, LoopArtifact a, JsonCodec<T> codec) {
    StateRead<T> r = l.stateFile(a, codec).read();
    assertInstanceOf(StateRead.Present.class, r, a + " parses: " + r);
    return r.require();
  }

  /**
   * The rows of a log, its rotated files' first (oldest first): none has an unparseable line or a
   * torn tail.
   */
  static <T> List<T> rows(LoopLayout l, LoopArtifact a, JsonCodec<T> codec) {
    List<T> out = new java.util.ArrayList<>();
    List<Path> files = new java.util.ArrayList<>();
    for (LogRotation.Rotated r : LogRotation.rotated(RealFileOps.INSTANCE, l.path(a))) {
      files.add(r.path());
    }
    files.add(l.path(a));
    for (Path f : files) {
      JsonlReadResult<T> r = JsonlReader.readAll(f, codec);
      assertEquals(0, r.unparseableCount(), f + ": unparseable lines");
      assertTrue(r.tornTail().isEmpty(), f + ": torn tail");
      out.addAll(r.values());
    }
    return out;
  }

  private static List<String> names(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> String.valueOf(p.getFileName())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path f) {
    try {
      return Files.exists(f) ? Files.size(f) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
