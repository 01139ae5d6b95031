package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.json.Json;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hardening H1 and H2. */
class StateFileTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-02-22T12:10:05Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  private StateFile<TestRow> state(Path f, FileOps ops) {
    return StateFile.of(f, TestRow.CODEC, Json.DEFAULT, CLOCK, ops);
  }

  @Test
  void writesCompactJsonWithNewlineAndReadsItBack() throws Exception {
    Path f = tmp.resolve("ops/health.json");
    StateFile<TestRow> s = StateFile.of(f, TestRow.CODEC);
    assertInstanceOf(StateRead.Absent.class, s.read());
    s.write(new TestRow("h", 1, "a"));
    assertEquals("{\"writer\":\"h\",\"seq\":1,\"payload\":\"a\"}\n", Files.readString(f));
    s.write(new TestRow("h", 2, "b"));
    assertEquals(new TestRow("h", 2, "b"), s.read().require());
    try (Stream<Path> files = Files.list(f.getParent())) {
      assertEquals(List.of(f), files.toList(), "no temp file left");
    }
  }

  @Test
  void unreadableFilesAreReportedAndRenamedAside() throws Exception {
    Path f = tmp.resolve("sequence-state.json");
    StateFile<TestRow> s = StateFile.of(f, TestRow.CODEC, Json.DEFAULT, CLOCK);
    for (String content :
        new String[] {"", "\n", "{\"writer\":\"x\",\"se", "not json", "[1,2]", "{\"writer\":1}"}) {
      Files.writeString(f, content);
      StateRead<TestRow> r = s.read();
      StateRead.Unreadable<TestRow> u = assertInstanceOf(StateRead.Unreadable.class, r, content);
      assertTrue(u.movedTo().isEmpty());
      assertTrue(Files.exists(f), "read() does not move the file");
      assertTrue(r.toOptional().isEmpty());
      VisibilityException e = assertThrows(VisibilityException.class, r::require);
      assertEquals(ErrorCode.STATE_UNREADABLE, e.code());
      assertEquals(f.toString(), e.file().orElseThrow());
    }
    Files.writeString(f, "{torn");
    StateRead.Unreadable<TestRow> u =
        assertInstanceOf(StateRead.Unreadable.class, s.readQuarantining());
    Path aside = tmp.resolve("sequence-state.json.corrupt-20260222T121005Z");
    assertEquals(aside, u.movedTo().orElseThrow());
    assertEquals("{torn", Files.readString(aside));
    assertFalse(Files.exists(f));
    assertInstanceOf(StateRead.Absent.class, s.readQuarantining());
    Files.writeString(f, "{again");
    StateRead.Unreadable<TestRow> u2 =
        assertInstanceOf(StateRead.Unreadable.class, s.readQuarantining());
    assertEquals(
        tmp.resolve("sequence-state.json.corrupt-20260222T121005Z-2"), u2.movedTo().orElseThrow());
    assertEquals("{torn", Files.readString(aside), "an earlier corrupt file is never overwritten");
  }

  @Test
  void diskFullLeavesThePreviousStateAndNoTempFile() throws Exception {
    Path f = tmp.resolve("health.json");
    RecordingFileOps ops = new RecordingFileOps();
    StateFile<TestRow> s = state(f, ops);
    s.write(new TestRow("h", 1, "old"));
    ops.fault(
        new RecordingFileOps.Fault() {
          @Override
          public @Nullable IOException before(String op, Path path) {
            return op.equals("write") ? new IOException("No space left on device") : null;
          }

          @Override
          public int partialWrite(Path path, int length) {
            return length / 2;
          }
        });
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> s.write(new TestRow("h", 2, "new")));
    assertEquals(ErrorCode.DISK_FULL, e.code());
    assertEquals(f.toString(), e.file().orElseThrow());
    ops.fault(null);
    assertEquals(new TestRow("h", 1, "old"), s.read().require());
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(f), files.toList());
    }
  }

  @Test
  void errorsAreReasonCoded() throws Exception {
    Path f = tmp.resolve("state.json");
    RecordingFileOps ops = new RecordingFileOps();
    StateFile<TestRow> s = state(f, ops);
    s.write(new TestRow("s", 1, "x"));
    ops.fault((op, path) -> op.equals("open") ? new AccessDeniedException(path.toString()) : null);
    assertEquals(
        ErrorCode.PERMISSION_DENIED, assertThrows(VisibilityException.class, s::read).code());
    assertEquals(
        ErrorCode.PERMISSION_DENIED,
        assertThrows(VisibilityException.class, () -> s.write(new TestRow("s", 2, "y"))).code());
    ops.fault((op, path) -> op.equals("force") ? new IOException("Input/output error") : null);
    assertEquals(
        ErrorCode.IO_ERROR,
        assertThrows(VisibilityException.class, () -> s.write(new TestRow("s", 3, "y"))).code());
    ops.fault(null);
    assertEquals(1, s.read().require().seq());
    // a regular file where the directory should be
    Files.writeString(tmp.resolve("blocker"), "x");
    StateFile<TestRow> blocked = StateFile.of(tmp.resolve("blocker/sub/state.json"), TestRow.CODEC);
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> blocked.write(new TestRow("s", 1, "x")));
    assertTrue(e.file().isPresent());
    assertEquals(
        ErrorCode.FILE_NOT_FOUND,
        assertThrows(
                VisibilityException.class,
                () -> StateFile.of(tmp.resolve("none.json"), TestRow.CODEC).read().require())
            .code());
  }
}
