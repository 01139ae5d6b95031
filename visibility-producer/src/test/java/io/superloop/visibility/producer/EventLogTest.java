package io.superloop.visibility.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events log as a sequencer: the values it returns are the physical line numbers contract 3.1
 * gives the lines (worked out here from the bytes on disk), never handed out twice across writers,
 * restarts, torn tails and cut logs.
 */
class EventLogTest {
  private static final String LOOP = "log-loop";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path repo;

  private EventLog open() {
    return EventLog.builder(repo, LOOP).clock(CLOCK).force(false).open();
  }

  private Path dir() {
    return repo.resolve(".superloop").resolve("loops").resolve(LOOP);
  }

  private List<String> lines() throws IOException {
    return Files.readAllLines(dir().resolve("events.jsonl"), StandardCharsets.UTF_8);
  }

  private static JsonValue event(String id) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("timestamp", JsonValue.of("2026-03-01T12:00:00Z"));
    m.put("event", JsonValue.of("tool_call"));
    m.put("id", JsonValue.of(id));
    return JsonValue.object(m);
  }

  /** The {@code id} of the line numbered {@code n} (1-based) in the file. */
  private String idAt(long n) throws IOException {
    JsonValue o = Json.parse(lines().get((int) n - 1));
    return o.get("id").flatMap(JsonValue::stringValue).orElseThrow();
  }

  @Test
  void appendWritesOneCompactLineAndReturnsItsLineNumber() throws IOException {
    try (EventLog log = open()) {
      assertEquals(1, log.append("loop_start", Map.of("iteration", JsonValue.of(1))));
      assertEquals(2, log.append(event("x")));
      assertEquals(2, log.lineCount());
    }
    assertEquals(
        "{\"timestamp\":\"2026-03-01T12:00:00Z\",\"event\":\"loop_start\",\"iteration\":1}\n"
            + "{\"timestamp\":\"2026-03-01T12:00:00Z\",\"event\":\"tool_call\",\"id\":\"x\"}\n",
        Files.readString(dir().resolve("events.jsonl")));
    assertEquals(
        "{\"schemaVersion\":\"v1\",\"loopId\":\"log-loop\",\"eventsFile\":\"events.jsonl\",\"lineCount\":2,"
            + "\"byteLength\":"
            + Files.size(dir().resolve("events.jsonl"))
            + ",\"epoch\":0,\"updatedAt\":\"2026-03-01T12:00:00Z\"}\n",
        Files.readString(dir().resolve("events.hwm.json")));
  }

  @Test
  void linesAManagerWouldCountAsMalformedAreRefusedAndNothingIsWritten() throws IOException {
    try (EventLog log = open()) {
      for (String bad :
          List.of(
              "{\"event\":\"x\"}",
              "{\"timestamp\":null,\"event\":\"x\"}",
              "{\"timestamp\":\"2026-03-01T12:00:00Z\"}",
              "{\"timestamp\":\"2026-03-01T12:00:00Z\",\"event\":null}",
              "{\"timestamp\":\"2026-03-01T12:00:00Z\",\"event\":false,\"type\":null}",
              // not an object (append takes any JsonValue since issue 15)
              "[{\"timestamp\":\"2026-03-01T12:00:00Z\",\"event\":\"x\"}]",
              "\"event\"")) {
        VisibilityException e =
            assertThrows(VisibilityException.class, () -> log.append(Json.parse(bad)), bad);
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
      }
      assertEquals(
          1, log.append(Json.parse("{\"timestamp\":\"t\",\"type\":\"x\"}")), "type names too");
      assertThrows(VisibilityException.class, () -> log.append("", Map.of()));
      assertThrows(
          VisibilityException.class, () -> log.append("x", Map.of("timestamp", JsonValue.of("t"))));
    }
    try (EventLog small = EventLog.builder(repo, LOOP).maxLineBytes(60).force(false).open()) {
      Map<String, JsonValue> big = Map.of("message", JsonValue.of("m".repeat(60)));
      VisibilityException e = assertThrows(VisibilityException.class, () -> small.append("x", big));
      assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    }
    assertEquals(1, lines().size());
  }

  @Test
  void aNewWriterGoesOnAfterTheLastLineAndMovesATornTailAside() throws IOException {
    try (EventLog log = open()) {
      log.append(event("a"));
      log.append(event("b"));
    }
    // a writer killed in the middle of its third line
    Files.writeString(
        dir().resolve("events.jsonl"), "{\"timestamp\":\"2026-03", StandardOpenOption.APPEND);
    try (EventLog log = open()) {
      assertEquals(2, log.lineCount(), "the fragment is no line");
      assertEquals(3, log.append(event("c")));
    }
    assertEquals(List.of("a", "b", "c"), List.of(idAt(1), idAt(2), idAt(3)));
    assertEquals(
        "{\"timestamp\":\"2026-03\n", Files.readString(dir().resolve("events.jsonl.torn")));
  }

  @Test
  void anotherWritersLinesAndTornTailAreCaughtUpBeforeEachAppend() throws IOException {
    try (EventLog a = open();
        EventLog b = open()) {
      assertEquals(1, a.append(event("a1")));
      assertEquals(2, b.append(event("b1")));
      assertEquals(3, a.append(event("a2")));
      // a third writer outside this library leaves a torn line
      Files.writeString(dir().resolve("events.jsonl"), "{\"torn", StandardOpenOption.APPEND);
      assertEquals(4, b.append(event("b2")));
      assertEquals(5, a.append(event("a3")));
    }
    assertEquals(
        List.of("a1", "b1", "a2", "b2", "a3"),
        List.of(idAt(1), idAt(2), idAt(3), idAt(4), idAt(5)));
  }

  @Test
  void concurrentAppendsGetEveryNumberOnceAndEachLineHoldsItsOwnEvent() throws Exception {
    int threads = 4;
    int each = 150;
    List<List<Long>> got = new ArrayList<>();
    Map<String, Long> byId = Collections.synchronizedMap(new LinkedHashMap<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (EventLog first = open();
        EventLog second = open()) {
      List<Future<List<Long>>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        EventLog log = t % 2 == 0 ? first : second;
        int thread = t;
        fs.add(
            pool.submit(
                () -> {
                  List<Long> mine = new ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    String id = thread + "-" + i;
                    long n = log.append(event(id));
                    mine.add(n);
                    byId.put(id, n);
                  }
                  return mine;
                }));
      }
      for (Future<List<Long>> f : fs) {
        got.add(f.get());
      }
    } finally {
      pool.shutdown();
    }
    List<Long> all = new ArrayList<>();
    got.forEach(all::addAll);
    Collections.sort(all);
    List<Long> expected = new ArrayList<>();
    for (long n = 1; n <= threads * each; n++) {
      expected.add(n);
    }
    assertEquals(expected, all, "every number exactly once");
    for (List<Long> mine : got) {
      for (int i = 1; i < mine.size(); i++) {
        assertTrue(mine.get(i) > mine.get(i - 1), "one thread's values increase");
      }
    }
    for (Map.Entry<String, Long> e : byId.entrySet()) {
      assertEquals(
          e.getKey(),
          idAt(e.getValue()),
          "line " + e.getValue() + " holds the event it was returned for");
    }
  }

  @Test
  void aLogCutWhileNoWriterRanIsRefusedUntilARestartIsDeclared() throws IOException {
    try (EventLog log = open()) {
      for (int i = 0; i < 5; i++) {
        log.append(event("e" + i));
      }
    }
    Path events = dir().resolve("events.jsonl");
    truncateToLines(events, 2);
    VisibilityException e = assertThrows(VisibilityException.class, this::open);
    assertEquals(ErrorCode.INVALID_STATE, e.code());
    assertTrue(e.getMessage().contains("restartFromOne"), e.getMessage());
    assertEquals(2, lines().size(), "the refused open changed nothing");

    try (EventLog log =
        EventLog.builder(repo, LOOP).clock(CLOCK).force(false).restartFromOne().open()) {
      assertEquals(0, log.lineCount());
      assertEquals(1, log.append(event("new")));
    }
    assertEquals(List.of("e0", "e1"), idsOf(dir().resolve("events.jsonl.20260301T120000Z")));
    assertTrue(Files.readString(dir().resolve("events.hwm.json")).contains("\"epoch\":1"));
  }

  @Test
  void aLogCutOrReplacedUnderAnOpenWriterIsRefused() throws IOException {
    Path events = dir().resolve("events.jsonl");
    try (EventLog log = open()) {
      log.append(event("a"));
      log.append(event("b"));
      truncateToLines(events, 1);
      assertEquals(
          ErrorCode.INVALID_STATE,
          assertThrows(VisibilityException.class, () -> log.append(event("c"))).code());
    }
    Files.delete(events);
    Files.delete(dir().resolve("events.hwm.json"));
    try (EventLog log = open()) {
      log.append(event("a"));
      Files.move(events, dir().resolve("rotated.jsonl"));
      Files.writeString(
          events, "{\"timestamp\":\"t\",\"event\":\"x\"}\n{\"timestamp\":\"t\",\"event\":\"y\"}\n");
      assertEquals(
          ErrorCode.INVALID_STATE,
          assertThrows(VisibilityException.class, () -> log.append(event("c"))).code());
    }
  }

  @Test
  void restartFromOneMovesTheLogAsideAndNumbersFromOne() throws IOException {
    try (EventLog log = open()) {
      log.append(event("a"));
      log.append(event("b"));
      Optional<Path> aside = log.restartFromOne();
      assertEquals(Optional.of(dir().resolve("events.jsonl.20260301T120000Z")), aside);
      assertEquals(1, log.append(event("c")));
      assertEquals(
          Optional.of(dir().resolve("events.jsonl.20260301T120000Z-2")), log.restartFromOne());
      assertEquals(1, log.append(event("d")));
    }
    assertEquals(List.of("d"), idsOf(dir().resolve("events.jsonl")));
    assertEquals(List.of("a", "b"), idsOf(dir().resolve("events.jsonl.20260301T120000Z")));
    assertEquals(List.of("c"), idsOf(dir().resolve("events.jsonl.20260301T120000Z-2")));
    assertTrue(Files.readString(dir().resolve("events.hwm.json")).contains("\"epoch\":2"));
  }

  @Test
  void closedLogRefusesAppendsAndLinkedFilesAreRefused() throws IOException {
    EventLog log = open();
    log.close();
    log.close();
    assertEquals(
        ErrorCode.INVALID_STATE,
        assertThrows(VisibilityException.class, () -> log.append(event("x"))).code());

    Path other = repo.resolve("elsewhere.jsonl");
    Files.writeString(other, "");
    Path linked = repo.resolve(".superloop/loops/linked/events.jsonl");
    Files.createDirectories(linked.getParent());
    Files.createSymbolicLink(linked, other);
    VisibilityException e =
        assertThrows(
            VisibilityException.class, () -> EventLog.builder(repo, "linked").force(false).open());
    assertEquals(ErrorCode.SYMLINK_REFUSED, e.code());
    assertEquals(
        ErrorCode.INVALID_LOOP_ID,
        assertThrows(VisibilityException.class, () -> EventLog.builder(repo, "../x")).code());
  }

  @Test
  void readNumbersLinesAsThePollAdapterDoes() throws IOException {
    Path events = dir().resolve("events.jsonl");
    Files.createDirectories(dir());
    String a = "{\"timestamp\":\"t\",\"event\":\"a\"}";
    String c = "{\"timestamp\":\"t\",\"event\":\"c\"}";
    String d = "{\"timestamp\":\"t\",\"event\":\"" + "d".repeat(100) + "\"}";
    // lines: 1 a, 2 empty, 3 c, 4 d (long), then an unterminated line
    Files.writeString(events, a + "\n\n" + c + "\n" + d + "\n{\"timestamp\":\"t\",\"ev");
    EventLog.Batch all = EventLog.read(events, 0, 0, 1000);
    assertEquals(
        List.of(
            new EventLog.Line(1, Optional.of(a)),
            new EventLog.Line(3, Optional.of(c)),
            new EventLog.Line(4, Optional.of(d))),
        all.lines());
    assertEquals(4, all.lineCount());
    assertEquals(4, all.cursor());
    EventLog.Batch after1 = EventLog.read(events, 1, 1, 50);
    assertEquals(
        List.of(new EventLog.Line(3, Optional.of(c))),
        after1.lines(),
        "the empty line's number is skipped");
    assertEquals(3, after1.cursor(), "cut by maxEvents: the cursor is the last line returned");
    assertEquals(
        List.of(new EventLog.Line(4, Optional.empty())),
        EventLog.read(events, 3, 0, 50).lines(),
        "too long");
    assertEquals(List.of(), EventLog.read(events, 4, 0, 50).lines());
    VisibilityException beyond =
        assertThrows(VisibilityException.class, () -> EventLog.read(events, 5, 0, 50));
    assertEquals(ErrorCode.INVALID_ARGUMENT, beyond.code());
    assertTrue(
        beyond.getMessage().contains("cursor offset (5) exceeds available events (4)"),
        beyond.getMessage());
    assertEquals(
        ErrorCode.FILE_NOT_FOUND,
        assertThrows(
                VisibilityException.class,
                () -> EventLog.read(dir().resolve("none.jsonl"), 0, 0, 50))
            .code());
    assertEquals(
        ErrorCode.NOT_REGULAR_FILE,
        assertThrows(VisibilityException.class, () -> EventLog.read(dir(), 0, 0, 50)).code());
    assertEquals(
        "{\"source\":\"cursor_event_line_offset\",\"value\":7}",
        EventLog.sequence(7).toJson(),
        "contract 1.1");
  }

  private static List<String> idsOf(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    for (String l : Files.readAllLines(file)) {
      JsonValue o = Json.parse(l);
      out.add(o.get("id").flatMap(JsonValue::stringValue).orElseThrow());
    }
    return out;
  }

  private static void truncateToLines(Path file, int keep) throws IOException {
    byte[] all = Files.readAllBytes(file);
    int seen = 0;
    int end = 0;
    for (int i = 0; i < all.length && seen < keep; i++) {
      if (all[i] == '\n') {
        seen++;
        end = i + 1;
      }
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(end);
    }
  }
}
