package io.superloop.visibility.core.plane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.health.IngestStatus;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * H20: a local events log found shorter than the cursor (truncated, or rotated to a shorter log).
 * Under {@code hardened} the step reads it from line 1 in a new epoch ({@code epochReset}, so the
 * old lines' numbers are no regression), warns {@code event_log_truncated} once, and the next step
 * resumes normally. Under {@code reference} the ingest fails with {@code events_unavailable}, as
 * the reference's poll adapter dies on a cursor past the end, until a replay is declared.
 */
class TruncatedLogTest {
  @TempDir Path repo;

  private static String lines(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to; i++) {
      b.append("{\"timestamp\":\"2026-03-01T11:59:00Z\",\"event\":\"e\",\"n\":")
          .append(i)
          .append("}\n");
    }
    return b.toString();
  }

  /**
   * A loop that read 5 lines, whose log then held 2.
   *
   * @param byteOffset whether the cursor carries the H17 byte offset (a library cursor) or not (a
   *     bash manager's)
   */
  private VisibilityPlane truncatedLoop(VisibilityRules rules, boolean byteOffset)
      throws IOException {
    Path rt = repo.resolve(".superloop/loops/l");
    Files.createDirectories(rt);
    Path log = rt.resolve("events.jsonl");
    Files.writeString(log, lines(1, 5), StandardCharsets.UTF_8);
    VisibilityPlane plane = VisibilityPlane.builder(repo, "l").rules(rules).build();
    assertEquals(
        5, plane.reconcileLocal(StepOptions.defaults()).reconcileRow().cursorOffsetAfter());
    if (!byteOffset) {
      Path cursor = PlaneAccess.layout(plane).opsDir().resolve("cursor.json");
      String c = Files.readString(cursor, StandardCharsets.UTF_8);
      Files.writeString(
          cursor,
          c.replaceAll(",\"eventByteOffset\":\\d+,\"eventTailCrc32\":\\d+", ""),
          StandardCharsets.UTF_8);
      assertFalse(Files.readString(cursor, StandardCharsets.UTF_8).contains("eventByteOffset"));
    }
    Files.writeString(log, lines(1, 2), StandardCharsets.UTF_8); // rotated: a new log of 2 lines
    return plane;
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void hardenedStartsANewEpochAndSaysSoOnce(boolean byteOffset) throws IOException {
    VisibilityPlane plane = truncatedLoop(VisibilityRules.hardened(), byteOffset);
    VisibilityPlane.Reconciliation r = plane.reconcileLocal(StepOptions.defaults());
    assertEquals(IngestStatus.SUCCESS, r.reconcileRow().status());
    assertEquals(java.util.List.of(ReasonCode.EVENT_LOG_TRUNCATED), r.warnings());
    assertEquals(5, r.reconcileRow().cursorOffsetBefore());
    assertEquals(2, r.reconcileRow().cursorOffsetAfter());
    assertEquals(2, r.reconcileRow().eventsIngested());
    assertFalse(r.reconcileRow().fromStart(), "not a declared replay");
    SequenceState s = r.sequenceState().orElseThrow();
    assertTrue(s.transition().orElseThrow().epochReset().orElse(false), "a new epoch");
    assertTrue(
        s.violations().isEmpty(), "lines 1-2 of the new log are no regression: " + s.violations());
    assertEquals(2, s.events().highWater().orElse(-1), "high-water marks of the new epoch");

    // the next step resumes at the new cursor: no warning, no violation
    Files.writeString(
        repo.resolve(".superloop/loops/l/events.jsonl"),
        lines(3, 3),
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    VisibilityPlane.Reconciliation next = plane.reconcileLocal(StepOptions.defaults());
    assertTrue(next.warnings().isEmpty(), next.warnings().toString());
    assertEquals(2, next.reconcileRow().cursorOffsetBefore());
    assertEquals(1, next.reconcileRow().eventsIngested());
    assertFalse(next.sequenceState().orElseThrow().driftActive());
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void referenceFailsTheIngestAsTheReferenceDoes(boolean byteOffset) throws IOException {
    VisibilityPlane plane = truncatedLoop(VisibilityRules.reference(), byteOffset);
    for (int i = 0; i < 2; i++) {
      VisibilityPlane.Reconciliation r = plane.reconcileLocal(StepOptions.defaults());
      assertEquals(IngestStatus.FAILED, r.reconcileRow().status());
      assertEquals(FailureCode.EVENTS_UNAVAILABLE, r.reconcileRow().failureCode().orElseThrow());
      assertTrue(
          r.reconcileRow()
              .failureMessage()
              .orElse("")
              .contains("cursor offset (5) exceeds available events (2)"),
          r.reconcileRow().failureMessage().toString());
      assertFalse(r.warnings().contains(ReasonCode.EVENT_LOG_TRUNCATED));
    }
    // a declared replay reads it
    VisibilityPlane.Reconciliation replay =
        plane.reconcileLocal(new StepOptions(java.util.Optional.empty(), true));
    assertEquals(IngestStatus.SUCCESS, replay.reconcileRow().status());
    assertEquals(2, replay.reconcileRow().cursorOffsetAfter());
  }
}
