package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.ReadLimits;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's primitives of the step commit protocol: the journal tells a whole record from one cut
 * short at any byte or altered in any byte; a record survives its encoding; a repeated append after
 * its start is not appended twice; stale temp files of state writes are removed, other files kept.
 */
class StepJournalTest {
  @TempDir Path tmp;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static StepRecord sample() {
    return new StepRecord(
        List.of(
            new StepRecord.Replace(
                LoopArtifact.HEALTH,
                utf8("{\"schemaVersion\":\"v1\",\"é\":\"\\n\"}\n"),
                4294967295L),
            new StepRecord.Merge(
                (JsonObject)
                    Json.parse("{\"health\":{\"é\":[1,2.5,null]},\"reconcileTraceId\":\"t\"}")),
            new StepRecord.Rotate(LoopArtifact.HEARTBEAT_TELEMETRY, 16777216, 7, 4),
            new StepRecord.Append(
                LoopArtifact.HEARTBEAT_TELEMETRY, 0, utf8("{\"a\":1}\n{\"b\":\"x y\"}\n")),
            new StepRecord.Append(LoopArtifact.ESCALATIONS, 123456789012L, utf8("")),
            new StepRecord.Replace(LoopArtifact.CURSOR, new byte[0], -1)));
  }

  @Test
  void aRecordSurvivesItsEncoding() {
    StepRecord r = sample();
    StepRecord back = StepRecord.decode(r.encode());
    assertEquals(r.entries().size(), back.entries().size());
    for (int i = 0; i < r.entries().size(); i++) {
      StepRecord.Entry a = r.entries().get(i);
      StepRecord.Entry b = back.entries().get(i);
      assertEquals(a.getClass(), b.getClass());
      if (a instanceof StepRecord.Replace x && b instanceof StepRecord.Replace y) {
        assertEquals(x.artifact(), y.artifact());
        assertArrayEquals(x.content(), y.content());
        assertEquals(x.before(), y.before());
      } else if (a instanceof StepRecord.Append x && b instanceof StepRecord.Append y) {
        assertEquals(x.artifact(), y.artifact());
        assertEquals(x.start(), y.start());
        assertArrayEquals(x.lines(), y.lines());
      } else if (a instanceof StepRecord.Merge x && b instanceof StepRecord.Merge y) {
        assertEquals(x.members(), y.members());
      } else {
        assertEquals(a, b);
      }
    }
  }

  @Test
  void aJournalCutShortOrAlteredAnywhereIsTorn() throws IOException {
    Path file = tmp.resolve("ops/.step-journal");
    Files.createDirectories(file.getParent());
    StepJournal j =
        new StepJournal(file, RealFileOps.INSTANCE, ReadLimits.DEFAULT.stepJournalBytes());
    assertInstanceOf(StepJournal.Empty.class, j.read(), "no journal yet");
    byte[] record = sample().encode();
    j.write(record);
    assertArrayEquals(record, assertInstanceOf(StepJournal.Whole.class, j.read()).record());
    byte[] whole = Files.readAllBytes(file);
    for (int len = 1; len < whole.length; len++) {
      Files.write(file, java.util.Arrays.copyOf(whole, len));
      assertInstanceOf(StepJournal.Torn.class, j.read(), "cut to " + len + " bytes");
    }
    for (int i = 0; i < whole.length; i++) {
      byte[] altered = whole.clone();
      altered[i] ^= 0x20;
      Files.write(file, altered);
      assertInstanceOf(StepJournal.Torn.class, j.read(), "byte " + i + " altered");
    }
    Files.write(file, whole);
    j.clear();
    assertInstanceOf(StepJournal.Empty.class, j.read(), "cleared");
    assertEquals(0, Files.size(file), "the file stays, empty");
  }

  @Test
  void aRecordOverTheLimitIsRefusedBeforeAnythingIsWritten() {
    Path file = tmp.resolve(".step-journal");
    assertEquals(
        8 << 20,
        ReadLimits.DEFAULT.stepJournalBytes(),
        "the documented default (failure-model.md, Limits)");
    StepJournal j =
        new StepJournal(file, RealFileOps.INSTANCE, ReadLimits.DEFAULT.stepJournalBytes());
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> j.write(new byte[(8 << 20) + 1]));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    assertFalse(Files.exists(file));
    StepJournal small = new StepJournal(file, RealFileOps.INSTANCE, 100);
    assertEquals(
        ErrorCode.LIMIT_EXCEEDED,
        assertThrows(VisibilityException.class, () -> small.write(new byte[101])).code());
    assertFalse(Files.exists(file));
    small.write(new byte[100]);
    assertEquals(
        100,
        assertInstanceOf(StepJournal.Whole.class, small.read()).record().length,
        "at the limit");
  }

  @Test
  void aJournalBeyondTheReadLimitIsNeverHeldWholeCommittedOnesAreKept() throws IOException {
    Path file = tmp.resolve(".step-journal");
    byte[] record = sample().encode();
    new StepJournal(file, RealFileOps.INSTANCE, record.length).write(record);
    byte[] whole = Files.readAllBytes(file);
    StepJournal lower = new StepJournal(file, RealFileOps.INSTANCE, record.length - 1);
    VisibilityException e =
        assertThrows(
            VisibilityException.class, lower::read, "committed, written with a higher limit");
    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    assertTrue(e.getMessage().contains("stepJournalBytes"), e.getMessage());
    assertArrayEquals(whole, Files.readAllBytes(file), "kept for a plane with a higher limit");
    byte[] altered = whole.clone();
    altered[altered.length - 1] ^= 0x20;
    Files.write(file, altered);
    assertInstanceOf(
        StepJournal.Torn.class, lower.read(), "beyond the limit and its checksum wrong: cut short");
    // a header claiming 64 MiB over 64 MiB of zeros and a checksum that is not theirs: cut short
    long big = 64L << 20;
    String header = "superloop-step-journal 1 " + big + " 00000000\n";
    try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(0);
      raf.write(utf8(header));
      raf.setLength(header.length() + big);
    }
    assertInstanceOf(
        StepJournal.Torn.class,
        new StepJournal(file, RealFileOps.INSTANCE, ReadLimits.DEFAULT.stepJournalBytes()).read());
  }

  @Test
  void aWholeRecordThisVersionCannotApplyStopsTheStep() throws IOException {
    TestLoop loop =
        new TestLoop(
            tmp.resolve("repo"), Transport.LOCAL, VisibilityRules.hardened(), Durability.NONE);
    loop.append(1).step(NoSyncFileOps.INSTANCE, "t-1");
    byte[] body = utf8("frobnicate HEALTH 1\nx");
    CRC32 c = new CRC32();
    c.update(body);
    Files.write(
        loop.layout().stepJournalFile(),
        utf8(
            "superloop-step-journal 1 "
                + body.length
                + " "
                + java.util.HexFormat.of().toHexDigits((int) c.getValue())
                + "\nfrobnicate HEALTH 1\nx"));
    VisibilityException e =
        assertThrows(
            VisibilityException.class, () -> loop.append(1).step(NoSyncFileOps.INSTANCE, "t-2"));
    assertEquals(ErrorCode.STATE_UNREADABLE, e.code());
    assertTrue(
        Files.size(loop.layout().stepJournalFile()) > 0, "the record is kept for an operator");
  }

  @Test
  void aTornStepAnotherWriterOvertookIsDroppedNotCompleted() throws IOException {
    TestLoop loop =
        new TestLoop(
            tmp.resolve("repo"), Transport.LOCAL, VisibilityRules.reference(), Durability.NONE);
    loop.append(3).step(NoSyncFileOps.INSTANCE, "t-1");
    loop.append(2);
    TornSteps.failRenameOf(
        loop.repo,
        TestLoop.LOOP,
        loop.rules,
        java.time.Clock.fixed(loop.now(), java.time.ZoneOffset.UTC),
        "health.json",
        "torn");
    // a bash manager's step comes between (the torn step got as far as its sequence state): it
    // moves the cursor (without eventByteOffset)
    Path cursor = loop.layout().path(LoopArtifact.CURSOR);
    Files.writeString(
        cursor,
        "{\"schemaVersion\":\"v1\",\"repoPath\":\"/r\",\"loopId\":\"step-loop\",\"eventsFile\":"
            + "\".superloop/loops/step-loop/events.jsonl\",\"eventLineOffset\":5,\"eventLineCount\":5,"
            + "\"updatedAt\":\"2026-03-01T12:00:40Z\"}\n");
    String bashCursor = Files.readString(cursor);
    // ... and rewrites health.json, as every manager's step does
    Path health = loop.layout().path(LoopArtifact.HEALTH);
    Files.writeString(
        health,
        Files.readString(health).replace("\"traceId\":\"t-1\"", "\"traceId\":\"bash-step\""));
    assertTrue(Files.readString(health).contains("bash-step"));
    loop.append(1);
    var next = loop.step(NoSyncFileOps.INSTANCE, "t-3");
    assertEquals(List.of(ReasonCode.TORN_STEP_SUPERSEDED), next.warnings());
    assertEquals(5, next.reconcileRow().cursorOffsetBefore(), "the other writer's cursor is kept");
    List<String> traces =
        LoopChecks.traces(
            JsonlReader.readAll(
                    loop.layout().path(LoopArtifact.RECONCILE_TELEMETRY),
                    io.superloop.visibility.api.Codecs.RECONCILE_ROW)
                .values());
    // the torn step failed at its first rename, after its rows: they stay, once; its state files
    // (cursor.json among them) are not written over the other writer's
    assertEquals(List.of("t-1", "torn", "t-3"), traces);
    assertFalse(bashCursor.equals(Files.readString(cursor)), "the next step wrote its own cursor");
  }

  @Test
  void linesAppendedAfterTheirStartAreNotAppendedTwice() throws IOException {
    Path file = tmp.resolve("log.jsonl");
    byte[] before = utf8("{\"n\":0}\n");
    byte[] lines = utf8("{\"n\":1}\n{\"n\":2}\n");
    Files.write(file, before);
    long start = before.length;
    // the first attempt, then the same lines again: written once
    append(file, start, lines);
    append(file, start, lines);
    assertEquals("{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n", Files.readString(file));
    // an attempt cut short inside its second line: cut back and written whole
    Files.write(file, utf8("{\"n\":0}\n{\"n\":1}\n{\"n\""));
    append(file, start, lines);
    assertEquals("{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n", Files.readString(file));
    // other bytes after the start (another writer): appended at the end, the torn tail moved aside
    Files.write(file, utf8("{\"n\":0}\n{\"other\":true}\n{\"oth"));
    append(file, start, lines);
    assertEquals("{\"n\":0}\n{\"other\":true}\n{\"n\":1}\n{\"n\":2}\n", Files.readString(file));
    assertEquals("{\"oth\n", Files.readString(AppendLog.sibling(file, ".torn")));
    // a log shorter than the start (truncated meanwhile): appended at its end
    Files.write(file, new byte[0]);
    append(file, start, lines);
    assertEquals("{\"n\":1}\n{\"n\":2}\n", Files.readString(file));
  }

  private static void append(Path file, long start, byte[] lines) {
    try (AppendLog<JsonValue> log =
        AppendLog.openForStep(file, Durability.NONE, RealFileOps.INSTANCE)) {
      log.appendAfter(start, lines);
    }
  }

  @Test
  void staleTempFilesOfStateWritesAreRemovedOthersKept() throws IOException {
    for (boolean firstStepOfThisVersion : new boolean[] {true, false}) {
      TestLoop loop =
          new TestLoop(
              tmp.resolve("repo-" + firstStepOfThisVersion),
              Transport.LOCAL,
              VisibilityRules.hardened(),
              Durability.NONE);
      loop.append(1).step(NoSyncFileOps.INSTANCE, "t-1");
      LoopLayout l = loop.layout();
      if (firstStepOfThisVersion) {
        Files.delete(l.stepJournalFile()); // a loop an earlier version wrote
      } else {
        // a step killed after its commit point: its record is in the journal
        loop.append(1);
        TornSteps.failRenameOf(
            loop.repo,
            TestLoop.LOOP,
            loop.rules,
            java.time.Clock.fixed(loop.now(), java.time.ZoneOffset.UTC),
            "health.json",
            "torn");
      }
      List<Path> stale =
          List.of(
              l.opsDir().resolve(".health.json.tmp-0123456789abcdef"),
              l.opsDir().resolve(".cursor.json.tmp-fedcba9876543210"),
              l.opsDir().resolve(".state.json.tmp-00000000000000aa"),
              l.telemetryDir().resolve(".transport-health.json.tmp-1111111111111111"));
      List<Path> kept =
          List.of(
              l.opsDir().resolve(".health.json.tmp-xyz"), // not a name the store makes
              l.opsDir().resolve(".notes.json.tmp-0123456789abcdef"), // not a state file of a step
              l.opsDir().resolve("health.json.tmp-0123456789abcdef"),
              l.telemetryDir().resolve(".reconcile.jsonl.tmp-0123456789abcdef"),
              l.opsDir().resolve("health.json.corrupt-20260301T120000Z"));
      for (Path p : stale) {
        Files.write(p, utf8("{\"half"));
      }
      for (Path p : kept) {
        Files.write(p, utf8("keep"));
      }
      loop.append(1).step(NoSyncFileOps.INSTANCE, "t-2");
      for (Path p : stale) {
        assertFalse(Files.exists(p), p + " removed");
      }
      for (Path p : kept) {
        assertTrue(Files.exists(p), p + " kept");
      }
      assertTrue(
          Json.DEFAULT.parseValue(Files.readString(l.path(LoopArtifact.HEALTH)))
              instanceof JsonObject);

      // between whole steps the journal is empty: no step can have left a temp file, none is looked
      // for
      RecordingFileOps ops = new RecordingFileOps(NoSyncFileOps.INSTANCE);
      List<String> listed = new java.util.ArrayList<>();
      ops.fault(
          (op, path) -> {
            if (op.equals("list")) {
              listed.add(path.toString());
            }
            return null;
          });
      loop.append(1).step(ops, "t-3");
      assertEquals(List.of(), listed, "no directory listed in a steady step");
    }
  }
}
