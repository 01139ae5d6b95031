package io.superloop.visibility.testkit.scenario.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.internal.json.JsonArray;
import io.superloop.visibility.api.internal.json.JsonNumber;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.testkit.property.Counterexample;
import io.superloop.visibility.testkit.property.Property;
import io.superloop.visibility.testkit.property.PropertyResult;
import io.superloop.visibility.testkit.scenario.Delivery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shrinking removes history steps: an adapter with a planted bug of the kind adapter authors make
 * (it numbers the events it serves instead of the log's physical lines, so an empty line makes its
 * values fall behind the manager's local reading, contract 3.1) fails transport parity, and the
 * counterexample shrinks within 2,000 candidate runs to a history of at most 2 steps that holds the
 * culprit: an empty line before an event. Three seeds in the default build, twelve with {@code
 * -Plong} (each prints its shrink steps and time). The adapter is plugged in with {@link
 * StepDelivery#spriteService}.
 */
class PlantedBugShrinkTest {
  private static final int MAX_CANDIDATES = 2_000;

  @Test
  void eventNumberingInsteadOfLinesShrinksToAtMostTwoSteps(
      @TempDir(factory = MemoryTempDirFactory.class) Path dir) {
    int seeds = Integer.getInteger("visibility.property.tries", 100) >= 1000 ? 12 : 3;
    ParityChecks parity = ParityChecks.in(dir);
    StepDelivery planted = StepDelivery.spriteService(new EventNumberingService());
    for (long seed : LongStream.rangeClosed(1, seeds).map(i -> 7919 * i).toArray()) {
      PropertyResult<History> r =
          Property.forAll(HistoryGens.carriableHistories().filter(History::carriableByBoth, 1000))
              .named("planted event numbering, seed " + seed)
              .seed(seed)
              .tries(200)
              .maxShrinkSteps(MAX_CANDIDATES)
              .run(
                  h ->
                      parity.assertTransportParity(
                          h, StepDelivery.LOCAL, planted, VisibilityRules.hardened()));
      assertFalse(r.passed(), "the planted bug must be found (seed " + seed + ")");
      Counterexample<History> ce = r.counterexample().orElseThrow();
      System.out.printf(
          "planted bug, seed %d: %d steps -> %d steps, %d candidates run, %d taken, %.1f s%n",
          seed,
          ce.original().steps().size(),
          ce.shrunk().steps().size(),
          ce.shrinkSteps(),
          ce.shrinksTaken(),
          ce.shrinkTime().toMillis() / 1000.0);
      assertFalse(ce.shrinkLimitReached(), "shrinking ended before its budget: " + r.report());
      assertTrue(ce.shrinkSteps() <= MAX_CANDIDATES, r.report());
      assertTrue(ce.shrunk().steps().size() <= 2, "shrunk to at most 2 steps: " + r.report());
      assertTrue(
          blankBeforeEvent(ce.shrunk()), "the shrunk history holds the culprit: " + r.report());
    }
  }

  /** Whether some log the history writes holds an empty line before an event line. */
  private static boolean blankBeforeEvent(History h) {
    List<LogLine> log = new ArrayList<>();
    for (HistoryStep s : h.steps()) {
      List<LogLine> before = new ArrayList<>(log);
      apply(log, s);
      if (blankBeforeEvent(log) && !log.equals(before)) {
        return true;
      }
    }
    return false;
  }

  private static boolean blankBeforeEvent(List<LogLine> log) {
    boolean blank = false;
    for (LogLine l : log) {
      blank |= l.kind() == LogLine.Kind.BLANK;
      if (blank && l.kind() == LogLine.Kind.EVENT) {
        return true;
      }
    }
    return false;
  }

  private static void apply(List<LogLine> log, HistoryStep s) {
    switch (s.change().kind()) {
      case TRUNCATE:
        log.subList(Math.min(s.change().keepLines(), log.size()), log.size()).clear();
        break;
      case ROTATE:
        log.clear();
        log.addAll(s.change().replacement());
        break;
      default:
        break;
    }
    log.addAll(s.appended());
  }

  /**
   * The adapter with the planted bug: its events answer numbers each envelope by the count of event
   * lines up to it (empty lines skipped) instead of its physical line number. Its delivery is one
   * line: {@code StepDelivery.spriteService(new EventNumberingService())}.
   */
  static final class EventNumberingService implements Delivery.Service {
    @Override
    public String snapshot(Path runtimeDir, Instant now, Optional<String> traceId) {
      return ReferenceAnswers.read(runtimeDir).snapshot(now, traceId);
    }

    @Override
    public String events(Path runtimeDir, long cursor, Instant now, Optional<String> traceId)
        throws IOException {
      JsonObject answer =
          (JsonObject) Json.parse(ReferenceAnswers.read(runtimeDir).events(cursor, now, traceId));
      List<String> log =
          Files.readAllLines(runtimeDir.resolve("events.jsonl"), StandardCharsets.UTF_8);
      List<JsonValue> events = new ArrayList<>();
      for (JsonValue e : ((JsonArray) answer.get("events").orElseThrow()).elements()) {
        JsonObject env = (JsonObject) e;
        JsonObject cursorOf = (JsonObject) env.get("cursor").orElseThrow();
        long line =
            ((JsonNumber) cursorOf.get("eventLineOffset").orElseThrow())
                .wholeLongValue()
                .orElseThrow();
        long index =
            log.subList(0, (int) line).stream().filter(l -> !l.isEmpty()).count(); // the bug
        Map<String, JsonValue> m = new LinkedHashMap<>(env.members());
        m.put(
            "sequence",
            JsonValue.object(
                Map.of(
                    "source",
                    JsonValue.of("cursor_event_line_offset"),
                    "value",
                    JsonValue.of(index))));
        events.add(JsonValue.object(m));
      }
      Map<String, JsonValue> a = new LinkedHashMap<>(answer.members());
      a.put("events", JsonValue.array(events));
      return JsonValue.object(a).toJson();
    }
  }
}
