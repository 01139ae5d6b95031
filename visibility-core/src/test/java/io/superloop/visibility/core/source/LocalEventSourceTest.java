package io.superloop.visibility.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hardening H13 and H17 (both "always") on the local events source; contract 3.1 for line numbers
 * and the newline count.
 */
class LocalEventSourceTest {
  private static final String E1 =
      "{\"timestamp\":\"2026-11-24T12:00:00Z\",\"event\":\"loop_start\"}";
  private static final String E2 =
      "{\"timestamp\":\"2026-11-24T12:00:01Z\",\"type\":\"iteration_start\"}";

  private final LocalEventSource source = new LocalEventSource();

  record Line(long number, LineKind kind, String text) {}

  record Scan(List<Line> lines, ScanResult result) {}

  private Scan scan(Path file, ScanStart start) {
    List<Line> lines = new ArrayList<>();
    ScanResult r =
        source.scan(
            file,
            start,
            (n, kind, buf, off, len) ->
                lines.add(new Line(n, kind, new String(buf, off, len, StandardCharsets.UTF_8))));
    return new Scan(lines, r);
  }

  private static Path write(Path dir, String text) throws IOException {
    Path f = dir.resolve("events.jsonl");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  /**
   * H13: "an empty line (nothing between two newlines) is skipped exactly as the reference skips
   * it: it consumes a line number, is not emitted, not counted"; contract 3.1: the snapshot value
   * is the number of newline characters.
   */
  @Test
  void h13EmptyLineIsSkippedButConsumesANumber(@TempDir Path dir) throws IOException {
    Scan s = scan(write(dir, E1 + "\n\n" + E2 + "\n"), ScanStart.FROM_START);
    assertEquals(
        List.of(new Line(1, LineKind.EVENT, E1), new Line(3, LineKind.EVENT, E2)), s.lines());
    assertEquals(3, s.result().newlineCount());
    assertEquals(2, s.result().ingested());
    assertEquals(1, s.result().blank());
    assertEquals(0, s.result().malformed());
  }

  /**
   * H13: "a non-empty line that is not a JSON object, lacks event/type or timestamp, or holds only
   * white space (spaces, tabs, a lone \r) yields a malformed-line entry (its line number consumed;
   * counted in ingestedCount ...)" and "the local events source never fails on one bad line".
   */
  @Test
  void h13MalformedLines(@TempDir Path dir) throws IOException {
    List<String> bad =
        List.of(
            " ",
            "\t",
            "\r",
            " \t \r",
            "[1,2]",
            "\"a string\"",
            "42",
            "null",
            "true",
            "{\"timestamp\":\"2026-11-24T12:00:00Z\"}",
            "{\"event\":\"loop_start\"}",
            "{\"type\":\"x\"}",
            "{}",
            "{\"event\":",
            "{\"timestamp\":\"t\",\"event\":\"e\"} trailing",
            "{\"timestamp\":\"t\",\"event\":\"e\"}{}",
            "not json at all",
            "\u00ff\u00fe");
    StringBuilder text = new StringBuilder(E1).append('\n');
    for (String b : bad) {
      text.append(b).append('\n');
    }
    text.append(E2).append('\n');
    Scan s = scan(write(dir, text.toString()), ScanStart.FROM_START);
    assertEquals(bad.size() + 2, s.lines().size());
    assertEquals(new Line(1, LineKind.EVENT, E1), s.lines().get(0));
    for (int i = 0; i < bad.size(); i++) {
      Line l = s.lines().get(i + 1);
      assertEquals(i + 2, l.number(), bad.get(i));
      assertEquals(LineKind.MALFORMED, l.kind(), "line " + bad.get(i));
    }
    assertEquals(new Line(bad.size() + 2, LineKind.EVENT, E2), s.lines().get(bad.size() + 1));
    assertEquals(bad.size(), s.result().malformed());
    assertEquals(bad.size() + 2, s.result().ingested());
    assertEquals(bad.size() + 2, s.result().newlineCount());
  }

  /**
   * A line is judged as jq reads it (the reference's adapters and the sprite service use jq): a
   * repeated key is allowed and its last value counts; null and false name no event. The oracle is
   * jq itself: a line is an event when jq reads exactly one value from it and {@code (.event //
   * .type // null) != null and .timestamp != null} holds for an object.
   */
  @Test
  void linesAreJudgedAsJqReadsThem(@TempDir Path dir) throws Exception {
    List<String> lines =
        List.of(
            "{\"timestamp\":\"t\",\"event\":\"e\",\"event\":null}",
            "{\"event\":null,\"event\":\"e\",\"timestamp\":\"t\"}",
            "{\"timestamp\":\"t\",\"timestamp\":null,\"event\":\"e\"}",
            "{\"timestamp\":null,\"timestamp\":\"t\",\"type\":\"x\"}",
            "{\"event\":false,\"type\":\"x\",\"timestamp\":\"t\"}",
            "{\"event\":\"e\",\"type\":false,\"timestamp\":\"t\"}",
            "{\"type\":false,\"timestamp\":\"t\"}",
            "{\"event\":false,\"event\":\"e\",\"timestamp\":\"t\"}",
            "{\"event\":\"e\",\"timestamp\":false}",
            "{\"event\":0,\"timestamp\":\"t\"}",
            "{\"event\":\"\",\"timestamp\":\"t\"}",
            "{\"event\":{},\"timestamp\":[]}",
            "{\"event\":{\"a\":1,\"a\":2},\"timestamp\":\"t\"}",
            "{\"data\":{\"event\":\"e\",\"timestamp\":\"t\"}}",
            "{\"timestamp\":\"t\",\"event\":\"e\"} trailing",
            "{\"timestamp\":\"t\",\"event\":\"e\"}{}",
            "  {\"timestamp\":\"t\",\"event\":\"e\"}  ",
            "{\"timestamp\":\"t\",\"event\":\"e\"",
            "[{\"timestamp\":\"t\",\"event\":\"e\"}]",
            " ",
            "null");
    StringBuilder text = new StringBuilder();
    for (String l : lines) {
      text.append(l).append('\n');
    }
    Scan s = scan(write(dir, text.toString()), ScanStart.FROM_START);
    assertEquals(lines.size(), s.lines().size());
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(jqVerdict(lines.get(i)), s.lines().get(i).kind(), lines.get(i));
    }
  }

  private static LineKind jqVerdict(String line) throws Exception {
    Process p =
        new ProcessBuilder(
                "jq",
                "-c",
                "type == \"object\" and ((.event // .type // null) != null) and (.timestamp != null)")
            .redirectErrorStream(false)
            .start();
    try (var in = p.getOutputStream()) {
      in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.getErrorStream().readAllBytes();
    int exit = p.waitFor();
    List<String> values = out.lines().toList();
    return exit == 0 && values.equals(List.of("true")) ? LineKind.EVENT : LineKind.MALFORMED;
  }

  /** A CRLF line holding an event is an event (white space around a JSON value is allowed). */
  @Test
  void crlfTerminatedEventIsAnEvent(@TempDir Path dir) throws IOException {
    Scan s = scan(write(dir, E1 + "\r\n"), ScanStart.FROM_START);
    assertEquals(LineKind.EVENT, s.lines().get(0).kind());
  }

  /**
   * H13: "an unterminated last line is an in-progress write: it is neither emitted nor counted
   * until its newline arrives"; then it is emitted once, with its line number.
   */
  @Test
  void h13UnterminatedLastLineWaitsForItsNewline(@TempDir Path dir) throws IOException {
    Path f = write(dir, E1 + "\n" + E2.substring(0, 10));
    Scan first = scan(f, ScanStart.FROM_START);
    assertEquals(List.of(new Line(1, LineKind.EVENT, E1)), first.lines());
    assertEquals(1, first.result().newlineCount());
    assertEquals(10, first.result().unterminatedTailBytes());
    assertEquals(E1.length() + 1, first.result().endByteOffset());

    Files.writeString(f, E2.substring(10), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    Scan still = scan(f, new ScanStart(1, OptionalLong.of(first.result().endByteOffset())));
    assertEquals(List.of(), still.lines());
    assertEquals(1, still.result().newlineCount());

    Files.writeString(f, "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    Scan done = scan(f, new ScanStart(1, OptionalLong.of(still.result().endByteOffset())));
    assertEquals(List.of(new Line(2, LineKind.EVENT, E2)), done.lines());
    assertEquals(2, done.result().newlineCount());
    assertEquals(0, done.result().unterminatedTailBytes());
    // and not again
    Scan after = scan(f, new ScanStart(2, OptionalLong.of(done.result().endByteOffset())));
    assertEquals(List.of(), after.lines());
  }

  /** An unterminated white-space or malformed tail is not reported either. */
  @Test
  void h13UnterminatedMalformedTailIsNotReported(@TempDir Path dir) throws IOException {
    Scan s = scan(write(dir, E1 + "\n   "), ScanStart.FROM_START);
    assertEquals(1, s.lines().size());
    assertEquals(0, s.result().malformed());
    Scan r = scan(write(dir, E1 + "\n{\"event\":"), ScanStart.FROM_START);
    assertEquals(1, r.lines().size());
  }

  // H17 --------------------------------------------------------------------------------------

  private static String log(int lines) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= lines; i++) {
      sb.append("{\"timestamp\":\"2026-11-24T12:00:00Z\",\"event\":\"e").append(i).append("\"}\n");
      if (i % 3 == 0) {
        sb.append('\n'); // an empty line now and then (consumes a number)
      }
    }
    return sb.toString();
  }

  private static void assertSameOutcome(Scan a, Scan b) {
    assertEquals(a.lines(), b.lines());
    assertEquals(a.result().newlineCount(), b.result().newlineCount());
    assertEquals(a.result().endByteOffset(), b.result().endByteOffset());
    assertEquals(a.result().events(), b.result().events());
    assertEquals(a.result().malformed(), b.result().malformed());
    assertEquals(a.result().blank(), b.result().blank());
    assertEquals(a.result().unterminatedTailBytes(), b.result().unterminatedTailBytes());
  }

  /**
   * H17: "the local source resumes at that byte when it is consistent (inside the file, right after
   * a newline) and falls back to counting lines otherwise"; the same lines either way.
   */
  @Test
  void h17ResumesAtAConsistentByteOffset(@TempDir Path dir) throws IOException {
    Path f = write(dir, log(6));
    Scan full = scan(f, ScanStart.FROM_START);
    long lines = full.result().newlineCount();
    long bytes = full.result().endByteOffset();
    Files.writeString(f, log(3), StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    Scan resumed = scan(f, new ScanStart(lines, OptionalLong.of(bytes)));
    assertTrue(resumed.result().resumedAtByteOffset());
    Scan counted = scan(f, ScanStart.afterLines(lines));
    assertFalse(counted.result().resumedAtByteOffset());
    assertSameOutcome(resumed, counted);
    assertEquals(lines + 1, resumed.lines().get(0).number());
  }

  /**
   * H17: an inconsistent byte offset (not right after a newline, beyond the file, 0 with lines
   * consumed, or non-zero with none) falls back to counting lines; the outcome is the same.
   */
  @Test
  void h17InconsistentByteOffsetsFallBackToCountingLines(@TempDir Path dir) throws IOException {
    Path f = write(dir, log(9));
    Scan atFour = scan(f, ScanStart.afterLines(4));
    long fourBytes =
        (long) log(3).length()
            + "{\"timestamp\":\"2026-11-24T12:00:00Z\",\"event\":\"e4\"}\n".length();
    // sanity: the consistent offset of 4 lines (3 events, 1 empty line... counted from the text
    // itself)
    assertTrue(
        scan(f, new ScanStart(4, OptionalLong.of(log(3).length()))).result().resumedAtByteOffset());
    for (long bad : new long[] {fourBytes - 1, 5, Files.size(f) + 100, 0}) {
      Scan s = scan(f, new ScanStart(4, OptionalLong.of(bad)));
      assertFalse(s.result().resumedAtByteOffset(), "offset " + bad);
      assertSameOutcome(atFour, s);
    }
    Scan nonZeroAtStart = scan(f, new ScanStart(0, OptionalLong.of(log(3).length())));
    assertFalse(nonZeroAtStart.result().resumedAtByteOffset());
    assertSameOutcome(scan(f, ScanStart.FROM_START), nonZeroAtStart);
  }

  /**
   * H17 with a truncated then rewritten log: the stored byte offset lies beyond the new file, so
   * the lines are counted; fewer lines than the cursor is the reference's failure ("cursor offset
   * (N) exceeds available events", contract 8.29), as a VisibilityException.
   */
  @Test
  void h17TruncatedLog(@TempDir Path dir) throws IOException {
    Path f = write(dir, log(30));
    Scan full = scan(f, ScanStart.FROM_START);
    assertEquals(40, full.result().newlineCount());
    // rotated to short lines: more lines than the cursor, fewer bytes than the stored offset
    StringBuilder shortLines = new StringBuilder();
    for (int i = 0; i < 45; i++) {
      shortLines.append("{\"timestamp\":\"t\",\"event\":\"x\"}\n");
    }
    Files.writeString(f, shortLines.toString(), StandardCharsets.UTF_8);
    assertTrue(Files.size(f) < full.result().endByteOffset());
    ScanStart stored =
        new ScanStart(full.result().newlineCount(), OptionalLong.of(full.result().endByteOffset()));
    Scan s = scan(f, stored);
    assertFalse(s.result().resumedAtByteOffset());
    assertSameOutcome(scan(f, ScanStart.afterLines(full.result().newlineCount())), s);
    assertEquals(full.result().newlineCount() + 1, s.lines().get(0).number());

    write(dir, log(1));
    VisibilityException e = assertThrows(VisibilityException.class, () -> scan(f, stored));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
  }

  /**
   * A missing log is FILE_NOT_FOUND (contract C8: "A missing events.jsonl is an ingest failure").
   */
  @Test
  void missingLog(@TempDir Path dir) {
    VisibilityException e =
        assertThrows(
            VisibilityException.class,
            () -> scan(dir.resolve("events.jsonl"), ScanStart.FROM_START));
    assertEquals(ErrorCode.FILE_NOT_FOUND, e.code());
  }

  /**
   * H17 with the tail check: a log truncated and grown back past the offset is counted from line 1.
   */
  @Test
  void aLogGrownBackPastTheOffsetIsNotResumed(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("events.jsonl");
    StringBuilder first = new StringBuilder();
    for (int i = 1; i <= 11; i++) {
      first
          .append("{\"timestamp\":\"2026-03-01T00:00:00Z\",\"event\":\"a")
          .append(i)
          .append("\"}\n");
    }
    java.nio.file.Files.writeString(f, first);
    ScanResult r1 = new LocalEventSource().scan(f, ScanStart.FROM_START, (n, k, b, o, l) -> {});
    assertEquals(11, r1.newlineCount());
    // truncated to 7 lines, then 7 longer lines appended: the old offset now lies inside new
    // content
    StringBuilder second = new StringBuilder();
    for (int i = 1; i <= 14; i++) {
      second
          .append("{\"timestamp\":\"2026-03-01T00:00:00Z\",\"event\":\"")
          .append(i <= 7 ? "a" + i : "longer-event-name-" + i)
          .append("\"}\n");
    }
    java.nio.file.Files.writeString(f, second);
    ScanStart stored =
        new ScanStart(
            r1.newlineCount(),
            OptionalLong.of(r1.endByteOffset()),
            OptionalLong.of(r1.endTailCrc32()));
    java.util.List<Long> lines = new java.util.ArrayList<>();
    ScanResult r2 = new LocalEventSource().scan(f, stored, (n, k, b, o, l) -> lines.add(n));
    assertEquals(false, r2.resumedAtByteOffset());
    assertEquals(14, r2.newlineCount());
    assertEquals(java.util.List.of(12L, 13L, 14L), lines);
    // the unchanged log resumes at the offset
    java.nio.file.Files.writeString(
        f, first + "{\"timestamp\":\"2026-03-01T00:00:00Z\",\"event\":\"b\"}\n");
    ScanResult r3 = new LocalEventSource().scan(f, stored, (n, k, b, o, l) -> {});
    assertEquals(true, r3.resumedAtByteOffset());
    assertEquals(12, r3.newlineCount());
  }
}
