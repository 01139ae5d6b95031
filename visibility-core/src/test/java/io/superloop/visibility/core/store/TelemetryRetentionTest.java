package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.TelemetryRetention;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H21, telemetry retention: a step about to append to a telemetry log of {@code maxFileBytes} or
 * more renames it to {@code <log>.<n>} and starts a new one; only the newest {@code
 * rotatedFilesKept} rotated files stay. No row is split or lost from the files kept, the rows of
 * the kept files and the log are the newest rows in order, and the status surface reads a log's
 * last row from its newest rotated file while the log has none. {@code reference} never rotates.
 */
class TelemetryRetentionTest {
  private static final int STEPS = 40;
  private static final long MAX = 4000;
  private static final int KEEP = 2;

  @TempDir Path tmp;

  private static final Map<LoopArtifact, JsonCodec<?>> CODECS =
      Map.of(
          LoopArtifact.HEARTBEAT_TELEMETRY, Codecs.HEARTBEAT_OBSERVATION,
          LoopArtifact.SEQUENCE_TELEMETRY, Codecs.SEQUENCE_OBSERVATION,
          LoopArtifact.RECONCILE_TELEMETRY, Codecs.RECONCILE_ROW);

  private static JsonCodec<?> codec(LoopArtifact a) {
    return java.util.Objects.requireNonNull(CODECS.get(a), a.name());
  }

  private TestLoop run(VisibilityRules rules) {
    TestLoop loop =
        new TestLoop(tmp.resolve(rules.name()), Transport.LOCAL, rules, Durability.NONE);
    for (int i = 1; i <= STEPS; i++) {
      loop.append(1).step(NoSyncFileOps.INSTANCE, "t-" + i);
    }
    return loop;
  }

  private static VisibilityRules rotating() {
    return VisibilityRules.hardened().withTelemetryRetention(new TelemetryRetention(MAX, KEEP));
  }

  @Test
  void rotatedLogsKeepTheNewestWholeRows() throws IOException {
    TestLoop loop = run(rotating());
    LoopLayout l = loop.layout();
    for (LoopArtifact a : LoopStore.ROTATED) {
      Path log = l.path(a);
      List<LogRotation.Rotated> rotated = LogRotation.rotated(RealFileOps.INSTANCE, log);
      long newest = rotated.get(rotated.size() - 1).number();
      assertTrue(newest > KEEP, a + ": rotated more often than files are kept (" + newest + ")");
      assertEquals(KEEP, rotated.size(), a + ": the newest " + KEEP + " rotated files are kept");
      assertEquals(newest - 1, rotated.get(0).number());
      long rowMax = 0;
      List<String> traces = new ArrayList<>();
      for (Path f : files(rotated, log)) {
        byte[] b = Files.readAllBytes(f);
        assertTrue(b.length > 0 && b[b.length - 1] == '\n', f + " ends with a whole row");
        JsonlReadResult<?> r = JsonlReader.readAll(f, codec(a));
        assertEquals(0, r.unparseableCount(), f + ": every row whole");
        for (String line : new String(b, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
          rowMax = Math.max(rowMax, line.length() + 1);
          traces.add(line.replaceAll(".*\"traceId\":\"(t-\\d+)\".*", "$1"));
        }
        if (!f.equals(log)) {
          assertTrue(b.length >= MAX, f + ": rotated only once it reached the limit");
        }
      }
      for (Path f : files(rotated, log)) {
        assertTrue(Files.size(f) < MAX + rowMax, f + ": at most one step past the limit");
      }
      // the newest rows, in order, none missing up to the last step's
      int first = Integer.parseInt(traces.get(0).substring(2));
      List<String> expected = new ArrayList<>();
      for (int i = first; i <= STEPS; i++) {
        expected.add("t-" + i);
      }
      assertEquals(expected, traces, a + ": the rows of the kept files");
    }
  }

  private static List<Path> files(List<LogRotation.Rotated> rotated, Path log) {
    List<Path> out = new ArrayList<>();
    rotated.forEach(r -> out.add(r.path()));
    out.add(log);
    return out;
  }

  @Test
  void statusReadsTheNewestRotatedFileWhileTheLogHasNoRow() throws IOException {
    TestLoop loop = run(rotating());
    LoopLayout l = loop.layout();
    String before = Codecs.VISIBILITY_SUMMARY.encode(loop.plane(ConfinedTestOps.INSTANCE).status());
    // a rotation whose step died before the new log's first row: each log moved aside whole
    for (LoopArtifact a : LoopStore.ROTATED) {
      Path log = l.path(a);
      Files.move(
          log, AppendLog.sibling(log, "." + LogRotation.nextNumber(RealFileOps.INSTANCE, log)));
      if (a == LoopArtifact.SEQUENCE_TELEMETRY) {
        Files.createFile(log); // created, still empty
      }
    }
    String after = Codecs.VISIBILITY_SUMMARY.encode(loop.plane(ConfinedTestOps.INSTANCE).status());
    assertEquals(before, after);
    assertTrue(after.contains("t-" + STEPS), after);
  }

  @Test
  void referenceNeverRotates() throws IOException {
    TestLoop loop = run(VisibilityRules.reference());
    for (LoopArtifact a : LoopStore.ROTATED) {
      Path log = loop.layout().path(a);
      assertTrue(LogRotation.rotated(RealFileOps.INSTANCE, log).isEmpty(), a.toString());
      assertTrue(Files.size(log) > MAX);
      assertEquals(STEPS, JsonlReader.readAll(log, codec(a)).records().size());
    }
  }

  @Test
  void settingIsValidated() {
    assertEquals(
        ErrorCode.INVALID_ARGUMENT,
        assertThrows(VisibilityException.class, () -> new TelemetryRetention(100, 0)).code());
    assertEquals(
        ErrorCode.INVALID_ARGUMENT,
        assertThrows(VisibilityException.class, () -> new TelemetryRetention(-1, 1)).code());
    assertTrue(!TelemetryRetention.OFF.rotates() && TelemetryRetention.DEFAULT.rotates());
    assertEquals(TelemetryRetention.OFF, VisibilityRules.reference().telemetryRetention());
    assertEquals(TelemetryRetention.DEFAULT, VisibilityRules.hardened().telemetryRetention());
  }
}
