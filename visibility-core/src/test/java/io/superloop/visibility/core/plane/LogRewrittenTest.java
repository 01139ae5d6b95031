package io.superloop.visibility.core.plane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ReasonCode;
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
 * H17: a local log rewritten before the cursor (rotated, then grown past the old offset) cannot be
 * resumed at the cursor's byte offset; the step counts lines as the reference does and says so with
 * the warning {@code event_log_rewritten}. A log that only grew never gets it.
 */
class LogRewrittenTest {
  @TempDir Path repo;

  private static String lines(int from, int to, String name) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to; i++) {
      b.append("{\"timestamp\":\"2026-03-01T11:59:0")
          .append(i % 10)
          .append("Z\",\"event\":\"")
          .append(name)
          .append("\",\"n\":")
          .append(i)
          .append("}\n");
    }
    return b.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"reference", "hardened"})
  void rotatedLogGrownPastTheCursorIsReported(String preset) throws IOException {
    Path rt = repo.resolve(".superloop/loops/l");
    Files.createDirectories(rt);
    Path log = rt.resolve("events.jsonl");
    Files.writeString(log, lines(1, 3, "old"), StandardCharsets.UTF_8);
    VisibilityPlane plane =
        VisibilityPlane.builder(repo, "l").rules(VisibilityRules.named(preset)).build();
    assertFalse(
        plane
            .reconcileLocal(StepOptions.defaults())
            .warnings()
            .contains(ReasonCode.EVENT_LOG_REWRITTEN));

    Files.writeString(log, lines(4, 5, "old"), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    VisibilityPlane.Reconciliation appended = plane.reconcileLocal(StepOptions.defaults());
    assertFalse(
        appended.warnings().contains(ReasonCode.EVENT_LOG_REWRITTEN),
        appended.warnings().toString());

    // rotation: a new log, already longer than the old cursor (5 lines)
    Files.writeString(log, lines(1, 8, "new-log"), StandardCharsets.UTF_8);
    VisibilityPlane.Reconciliation rotated = plane.reconcileLocal(StepOptions.defaults());
    assertTrue(
        rotated.warnings().contains(ReasonCode.EVENT_LOG_REWRITTEN), rotated.warnings().toString());
    // the reference's outcome otherwise: lines 6-8 read (counted from line 1), no ingest failure
    assertEquals(8, rotated.reconcileRow().cursorOffsetAfter());
    assertEquals(3, rotated.reconcileRow().eventsIngested());

    // the next step resumes at the new cursor: no warning
    Files.writeString(
        log, lines(9, 9, "new-log"), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    VisibilityPlane.Reconciliation after = plane.reconcileLocal(StepOptions.defaults());
    assertFalse(
        after.warnings().contains(ReasonCode.EVENT_LOG_REWRITTEN), after.warnings().toString());
  }
}
