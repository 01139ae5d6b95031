package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.core.rules.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hardening H3 on the writer side. */
class AppendLogTest {
  @TempDir Path tmp;

  @Test
  void appendsOneCompactLinePerRecordAndCreatesDirectories() throws Exception {
    Path f = tmp.resolve("ops/telemetry/control.jsonl");
    try (AppendLog<TestRow> log = AppendLog.open(f, TestRow.CODEC, Durability.FSYNC_PER_RECORD)) {
      log.append(new TestRow("a", 1, "x"));
      log.append(new TestRow("a", 2, "line\nbreak"));
      assertEquals(2, log.fsyncCount(), "one fsync per record");
      assertEquals(Durability.FSYNC_PER_RECORD, log.durability());
    }
    assertEquals(
        "{\"writer\":\"a\",\"seq\":1,\"payload\":\"x\"}\n{\"writer\":\"a\",\"seq\":2,\"payload\":\"line\\nbreak\"}\n",
        Files.readString(f));
  }

  @Test
  void noneNeverForcesAndClosedLogRefuses() {
    Path f = tmp.resolve("n.jsonl");
    AppendLog<TestRow> log = AppendLog.open(f, TestRow.CODEC, Durability.NONE);
    log.append(new TestRow("a", 1, "x"));
    assertEquals(0, log.fsyncCount());
    log.close();
    log.close();
    assertEquals(
        ErrorCode.IO_ERROR,
        assertThrows(VisibilityException.class, () -> log.append(new TestRow("a", 2, "x"))).code());
  }

  @Test
  void aFailedWriteIsRolledBackAndLosesNothing() throws Exception {
    Path f = tmp.resolve("d.jsonl");
    RecordingFileOps ops = new RecordingFileOps();
    try (AppendLog<TestRow> log =
        AppendLog.open(f, TestRow.CODEC, Durability.FSYNC_PER_RECORD, ops)) {
      log.append(new TestRow("a", 1, "kept"));
      ops.fault(
          new RecordingFileOps.Fault() {
            @Override
            public @Nullable IOException before(String op, Path path) {
              return op.equals("write") ? new IOException("No space left on device") : null;
            }

            @Override
            public int partialWrite(Path path, int length) {
              return length - 1; // all but the newline landed
            }
          });
      VisibilityException e =
          assertThrows(VisibilityException.class, () -> log.append(new TestRow("a", 2, "lost")));
      assertEquals(ErrorCode.DISK_FULL, e.code());
      assertEquals(f.toString(), e.file().orElseThrow());
      assertEquals(new TestRow("a", 1, "kept").line(), Files.readString(f), "rolled back");
      ops.fault(null);
      log.append(new TestRow("a", 3, "after"));
      assertEquals(0, log.tornTailsQuarantined());
    }
    JsonlReadResult<TestRow> r = JsonlReader.readAll(f, TestRow.CODEC);
    assertEquals(List.of(new TestRow("a", 1, "kept"), new TestRow("a", 3, "after")), r.values());
  }

  @Test
  void failedFsyncIsReported() {
    Path f = tmp.resolve("e.jsonl");
    RecordingFileOps ops = new RecordingFileOps();
    for (Durability d : new Durability[] {Durability.FSYNC_PER_RECORD}) {
      try (AppendLog<TestRow> log = AppendLog.open(f, TestRow.CODEC, d, ops)) {
        ops.fault((op, path) -> op.equals("force") ? new IOException("Input/output error") : null);
        assertEquals(
            ErrorCode.IO_ERROR,
            assertThrows(VisibilityException.class, () -> log.append(new TestRow("a", 1, "x")))
                .code(),
            d.name());
        ops.fault(null);
      }
    }
  }

  @Test
  void openErrorsAreReasonCoded() throws Exception {
    Files.writeString(tmp.resolve("file"), "x");
    VisibilityException e =
        assertThrows(
            VisibilityException.class,
            () ->
                AppendLog.open(tmp.resolve("file/sub/log.jsonl"), TestRow.CODEC, Durability.NONE));
    assertTrue(e.file().isPresent());
    RecordingFileOps ops = new RecordingFileOps();
    ops.fault(
        (op, path) ->
            op.equals("open") ? new java.nio.file.AccessDeniedException(path.toString()) : null);
    assertEquals(
        ErrorCode.PERMISSION_DENIED,
        assertThrows(
                VisibilityException.class,
                () -> AppendLog.open(tmp.resolve("p.jsonl"), TestRow.CODEC, Durability.NONE, ops))
            .code());
  }
}
