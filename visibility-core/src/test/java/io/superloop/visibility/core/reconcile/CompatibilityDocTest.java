package io.superloop.visibility.core.reconcile;

import static io.superloop.visibility.core.reconcile.ScenarioLoop.read;
import static io.superloop.visibility.core.reconcile.ScenarioLoop.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.audit.Intent;
import io.superloop.visibility.api.internal.json.JsonArray;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.internal.json.JsonString;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.core.audit.ControlContext;
import io.superloop.visibility.core.audit.ControlOutcomes;
import io.superloop.visibility.core.audit.ControlRecords;
import io.superloop.visibility.core.audit.IdempotencyKeys;
import io.superloop.visibility.core.audit.InvocationAuditTrail;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.status.StatusInputs;
import io.superloop.visibility.core.status.StatusProjector;
import io.superloop.visibility.core.status.StatusReader;
import io.superloop.visibility.core.store.LoopLayout;
import io.superloop.visibility.core.store.LoopLock;
import io.superloop.visibility.core.store.LoopStore;
import io.superloop.visibility.core.store.StateWriteRecording;
import io.superloop.visibility.core.store.TornSteps;
import io.superloop.visibility.core.time.Timestamps;
import io.superloop.visibility.core.trace.IdStyle;
import io.superloop.visibility.core.trace.TraceIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/compatibility.md, checked against the library. The doc's two decision tables are parsed by
 * id; every row must have a check here and every check a row. Each check runs the row's input
 * through the library under {@link VisibilityRules#reference()} and {@link
 * VisibilityRules#hardened()} and asserts both that the library produces the outcome and that the
 * concrete strings of that outcome (reason codes, field names, values, file names) are written in
 * the doc's cell. Where the doc names an input value (a timestamp, a number of seconds, a JSON
 * literal), the check takes it from the doc.
 */
class CompatibilityDocTest {
  private static final VisibilityRules REF = VisibilityRules.reference();
  private static final VisibilityRules HARD = VisibilityRules.hardened();
  private static final List<VisibilityRules> BOTH = List.of(REF, HARD);
  private static final String LOOP = "demo-loop";
  private static final Pattern TICKED = Pattern.compile("`([^`]+)`");

  @TempDir Path dir;

  // ---- the doc ------------------------------------------------------------------------------

  /** One table row: its id, its cells after the id, its line in the doc. */
  record Row(String id, List<String> cells, int line) {
    String cell(int i) {
      return cells.get(i);
    }

    void mentions(int i, String... needles) {
      for (String n : needles) {
        assertTrue(
            cell(i).contains(n),
            "docs/compatibility.md line "
                + line
                + " ("
                + id
                + "), column "
                + (i + 2)
                + " should say `"
                + n
                + "` (the library produces it), but reads: "
                + cell(i));
      }
    }

    List<String> ticked(int i) {
      List<String> out = new ArrayList<>();
      Matcher m = TICKED.matcher(cell(i));
      while (m.find()) {
        out.add(m.group(1));
      }
      return out;
    }
  }

  static Path repoRoot() {
    for (Path d = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        d != null;
        d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("docs/compatibility.md"))
          && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException(
        "no docs/compatibility.md above " + System.getProperty("user.dir"));
  }

  static String doc() {
    return read(repoRoot().resolve("docs/compatibility.md"));
  }

  /** The rows of the first table after the heading line {@code heading}, by id. */
  static Map<String, Row> table(String doc, String heading) {
    String[] lines = doc.split("\n", -1);
    int i = 0;
    while (i < lines.length && !lines[i].equals(heading)) {
      i++;
    }
    assertTrue(i < lines.length, "no heading " + heading);
    while (i < lines.length && !lines[i].startsWith("|")) {
      i++;
    }
    i += 2; // header and separator
    Map<String, Row> rows = new LinkedHashMap<>();
    for (; i < lines.length && lines[i].startsWith("|"); i++) {
      List<String> cells = splitRow(lines[i]);
      Row row = new Row(cells.get(0), cells.subList(1, cells.size()), i + 1);
      assertTrue(row.id().matches("H\\d+"), "line " + (i + 1) + ": a row without an H id");
      assertEquals(null, rows.put(row.id(), row), "duplicate row " + row.id());
    }
    return rows;
  }

  /** The cells of a table line, split at {@code |} outside backticks. */
  static List<String> splitRow(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean code = false;
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '`') {
        code = !code;
      }
      if (c == '|' && !code) {
        cells.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    return cells;
  }

  // ---- the tables, row by row ---------------------------------------------------------------

  private final Map<String, BiConsumer<Row, Path>> presetChecks = new LinkedHashMap<>();
  private final Map<String, BiConsumer<Row, Path>> alwaysChecks = new LinkedHashMap<>();

  {
    presetChecks.put("H5", CompatibilityDocTest::h5);
    presetChecks.put("H6", (r, d) -> h6(r));
    presetChecks.put("H7", (r, d) -> h7(r));
    presetChecks.put("H8", CompatibilityDocTest::h8);
    presetChecks.put("H9", CompatibilityDocTest::h9);
    presetChecks.put("H10", CompatibilityDocTest::h10);
    presetChecks.put("H11", CompatibilityDocTest::h11);
    presetChecks.put("H12", (r, d) -> h12(r));
    presetChecks.put("H15", CompatibilityDocTest::h15);
    presetChecks.put("H16", CompatibilityDocTest::h16);
    presetChecks.put("H19", (r, d) -> h19(r));
    presetChecks.put("H20", CompatibilityDocTest::h20);
    presetChecks.put("H21", CompatibilityDocTest::h21);
    alwaysChecks.put("H1", CompatibilityDocTest::a1);
    alwaysChecks.put("H2", CompatibilityDocTest::a2);
    alwaysChecks.put("H3", CompatibilityDocTest::a3);
    alwaysChecks.put("H4", CompatibilityDocTest::a4);
    alwaysChecks.put("H7", CompatibilityDocTest::a7);
    alwaysChecks.put("H13", CompatibilityDocTest::a13);
    alwaysChecks.put("H14", CompatibilityDocTest::a14);
    alwaysChecks.put("H17", CompatibilityDocTest::a17);
    alwaysChecks.put("H18", CompatibilityDocTest::a18);
    alwaysChecks.put("H22", CompatibilityDocTest::a22);
  }

  @TestFactory
  Stream<DynamicTest> presetDecisionRows() {
    Map<String, Row> rows = table(doc(), "## Decisions that depend on the preset");
    assertEquals(
        presetChecks.keySet(),
        rows.keySet(),
        "every row of the preset table has a check, and every check a row");
    return rows.values().stream()
        .map(
            r ->
                DynamicTest.dynamicTest(
                    r.id(),
                    () -> {
                      switches(r);
                      Objects.requireNonNull(presetChecks.get(r.id()))
                          .accept(r, dir.resolve(r.id()));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> alwaysDecisionRows() {
    Map<String, Row> rows = table(doc(), "## Decisions that hold in both presets (\"always\")");
    assertEquals(
        alwaysChecks.keySet(),
        rows.keySet(),
        "every row of the always table has a check, and every check a row");
    return rows.values().stream()
        .map(
            r ->
                DynamicTest.dynamicTest(
                    r.id(),
                    () ->
                        Objects.requireNonNull(alwaysChecks.get(r.id()))
                            .accept(r, dir.resolve(r.id()))));
  }

  /**
   * The switch column: each name is a setting of {@link VisibilityRules}; a default in parentheses
   * is the hardened value; at least one named setting differs between the presets.
   */
  private static void switches(Row r) {
    Matcher m = Pattern.compile("`(\\w+)`(?: \\(([^)]+)\\))?").matcher(r.cell(0));
    boolean differs = false;
    int names = 0;
    while (m.find()) {
      names++;
      Method method;
      try {
        method = VisibilityRules.class.getMethod(m.group(1));
      } catch (NoSuchMethodException e) {
        throw new AssertionError(r.id() + ": no setting " + m.group(1) + " in VisibilityRules", e);
      }
      Object ref = invoke(method, REF);
      Object hard = invoke(method, HARD);
      differs |= !ref.equals(hard);
      if (m.group(2) != null) {
        assertEquals(m.group(2), String.valueOf(hard), r.id() + ": the default of " + m.group(1));
      }
    }
    assertTrue(names > 0, r.id() + ": no switch named");
    assertTrue(differs, r.id() + ": the named switches are the same in both presets");
  }

  private static Object invoke(Method m, VisibilityRules rules) {
    try {
      return m.invoke(rules);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  // ---- preset rows --------------------------------------------------------------------------
  // columns: 0 switch, 1 input, 2 reference, 3 hardened

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  static void h5(Row r, Path d) {
    String inflight =
        r.ticked(3).stream().filter(t -> t.startsWith("telemetry/")).findFirst().orElseThrow();
    for (VisibilityRules rules : BOTH) {
      Loop loop = new Loop(d.resolve(rules.name()), rules).events(events(2));
      loop.step(NOW, false, "trace-h5");
      InvocationAuditTrail trail = InvocationAuditTrail.of(LoopStore.of(loop.layout()), rules);
      ControlContext ctx = control(rules, NOW);
      InvocationAuditTrail.Invocation started = trail.begin(ctx); // ... and the process dies
      JsonValue status = loop.status(NOW);
      if (rules == REF) {
        for (String f :
            List.of(
                inflight,
                "intents.jsonl",
                "telemetry/control.jsonl",
                "telemetry/control-invocations.jsonl")) {
          assertFalse(Files.exists(loop.ops().resolve(f)), f);
        }
        assertTrue(get(status, "invocationAudit").isEmpty());
        r.mentions(2, "nothing is written");
      } else {
        List<String> lines = lines(loop.ops().resolve(inflight));
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("\"phase\":\"started\""), lines.get(0));
        r.mentions(
            3,
            "phase:\"started\"",
            "invocationAudit.inFlight: "
                + get(status, "invocationAudit.inFlight").orElseThrow().toJson());
        assertEquals(JsonValue.of(true), get(status, "invocationAudit.inFlight").orElseThrow());
        started.complete(confirmedCancel(ctx, NOW.plusSeconds(1)));
        List<String> after = lines(loop.ops().resolve(inflight));
        assertTrue(after.get(1).contains("\"phase\":\"completed\""), after.get(1));
        r.mentions(
            3,
            "phase:\"completed\"",
            "inFlight: "
                + get(loop.status(NOW), "invocationAudit.inFlight").orElseThrow().toJson());
      }
    }
  }

  static void h6(Row r) {
    Instant at = Instant.parse("2026-03-01T12:00:00.250Z");
    long pid = 4242;
    String refPattern = r.ticked(2).get(0);
    String hardPattern = r.ticked(3).get(0);
    String ref =
        IdempotencyKeys.resolve(
            Optional.empty(), Intent.CANCEL, at, pid, IdStyle.of(REF), new SplittableRandom(1));
    assertTrue(
        ref.matches(placeholders(refPattern, at, pid)), ref + " against the doc's " + refPattern);
    String ref2 =
        IdempotencyKeys.resolve(
            Optional.empty(), Intent.CANCEL, at, pid, IdStyle.of(REF), new SplittableRandom(2));
    assertEquals(ref, ref2);
    r.mentions(2, "collides inside one JVM");
    SplittableRandom random = new SplittableRandom(1);
    String h1 =
        IdempotencyKeys.resolve(Optional.empty(), Intent.CANCEL, at, pid, IdStyle.of(HARD), random);
    String h2 =
        IdempotencyKeys.resolve(Optional.empty(), Intent.CANCEL, at, pid, IdStyle.of(HARD), random);
    assertTrue(
        h1.matches(placeholders(hardPattern, at, pid)), h1 + " against the doc's " + hardPattern);
    assertNotEquals(h1, h2);
    for (VisibilityRules rules : BOTH) {
      assertEquals(
          "caller-key-1",
          IdempotencyKeys.resolve(
              Optional.of("caller-key-1"), Intent.CANCEL, at, pid, IdStyle.of(rules), random));
    }
    r.mentions(3, "a caller's key is kept as given in both");
  }

  /**
   * A doc pattern such as {@code cancel-<epochMillis>-<16 hex>} as a regex for {@code at} and
   * {@code pid}.
   */
  private static String placeholders(String pattern, Instant at, long pid) {
    Map<String, String> values =
        Map.of(
            "<epochSeconds>", Long.toString(at.getEpochSecond()),
            "<epochMillis>", Long.toString(at.toEpochMilli()),
            "<pid>", Long.toString(pid),
            "<16 hex>", "[0-9a-f]{16}");
    StringBuilder regex = new StringBuilder();
    Matcher m = Pattern.compile("<[^>]+>").matcher(pattern);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(pattern.substring(last, m.start())));
      String v = Objects.requireNonNull(values.get(m.group()), "unknown placeholder " + m.group());
      regex.append(v.startsWith("[") ? v : Pattern.quote(v));
      last = m.end();
    }
    return regex.append(Pattern.quote(pattern.substring(last))).toString();
  }

  static void h7(Row r) {
    r.mentions(1, "trace id is generated");
    r.mentions(2, "lower-case UUID with dashes");
    r.mentions(3, "32 lower-case hex", "never all zeros", "W3C");
    for (int i = 0; i < 100; i++) {
      SplittableRandom random = new SplittableRandom(i);
      String ref = TraceIds.generate(IdStyle.of(REF), random).value();
      assertTrue(ref.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), ref);
      String hard = TraceIds.generate(IdStyle.of(HARD), random).value();
      assertTrue(hard.matches("[0-9a-f]{32}") && !hard.matches("0+"), hard);
      assertEquals(Optional.of(hard), TraceId.of(hard).toW3c());
    }
  }

  static void h8(Row r, Path d) {
    Matcher m = Pattern.compile("\"timestamp\":\"([^\"]+)\"").matcher(r.cell(1));
    assertTrue(m.find(), "H8 input names a timestamp");
    String fraction = m.group(1);
    assertTrue(r.cell(1).contains("`...+00:00`"));
    String offset = fraction.substring(0, 19) + "+00:00";
    String lower = fraction.substring(0, 19).replace('T', 't') + "z";
    String v1 = fraction.substring(0, 19) + "Z";
    r.mentions(2, "only `YYYY-MM-DDTHH:MM:SSZ` parses");
    r.mentions(3, "fractions", "offsets", "`t`/`z`");
    Instant now = Instant.parse(v1).plusSeconds(60);
    int n = 0;
    for (VisibilityRules rules : BOTH) {
      for (String ts : List.of(fraction, offset, lower, v1)) {
        Loop loop =
            new Loop(d.resolve(rules.name() + n++), rules)
                .events(events(1))
                .heartbeat("{\"timestamp\":\"" + ts + "\"}");
        loop.step(now, false, "trace-h8");
        JsonValue row = loop.lastRow("telemetry/heartbeat.jsonl");
        if (rules == REF && !ts.equals(v1)) {
          assertEquals("failed", str(row, "status"), ts);
          r.mentions(2, "`" + str(row, "reasonCode") + "`");
          assertFalse(Files.exists(loop.ops().resolve("heartbeat.json")), ts);
        } else {
          assertEquals("fresh", str(row, "status"), rules.name() + " " + ts);
          assertEquals(ts, str(loop.state("heartbeat.json"), "lastHeartbeatAt"));
        }
      }
    }
    // the leap second: invalid under reference (seconds 00-59), the next second under hardened
    Matcher leap = Pattern.compile("the leap second `([^`]+)`").matcher(r.cell(1));
    assertTrue(leap.find(), "H8 input names a leap second");
    Matcher lag =
        Pattern.compile("at `([^`]+)` the leap second's lag is (\\d+)").matcher(r.cell(3));
    assertTrue(lag.find(), "H8 hardened outcome gives the leap second's lag");
    r.mentions(2, "seconds `00`-`59`");
    r.mentions(3, "leap seconds", "`:60` counts as the next second");
    for (VisibilityRules rules : BOTH) {
      Loop loop =
          new Loop(d.resolve(rules.name() + "-leap"), rules)
              .events(events(1))
              .heartbeat("{\"timestamp\":\"" + leap.group(1) + "\"}");
      loop.step(Instant.parse(lag.group(1)), false, "trace-h8");
      JsonValue row = loop.lastRow("telemetry/heartbeat.jsonl");
      if (rules == REF) {
        assertEquals("invalid_heartbeat_timestamp", str(row, "reasonCode"));
        assertFalse(Files.exists(loop.ops().resolve("heartbeat.json")));
      } else {
        assertEquals(
            Long.parseLong(lag.group(2)), num(loop.state("heartbeat.json"), "heartbeatLagSeconds"));
        assertEquals(leap.group(1), str(loop.state("heartbeat.json"), "lastHeartbeatAt"));
      }
    }
  }

  static void h9(Row r, Path d) {
    Matcher m = Pattern.compile("(\\d+) s in the future").matcher(r.cell(1));
    assertTrue(m.find());
    long ahead = Long.parseLong(m.group(1));
    long tolerance = HARD.clockSkewToleranceSeconds();
    assertTrue(ahead > tolerance, "the doc's input is beyond the tolerance");
    for (VisibilityRules rules : BOTH) {
      for (long s : List.of(ahead, tolerance)) {
        Loop loop =
            new Loop(d.resolve(rules.name() + s), rules)
                .events(events(1))
                .heartbeat("{\"timestamp\":\"" + Timestamps.format(NOW.plusSeconds(s)) + "\"}");
        loop.step(NOW, false, "trace-h9");
        JsonValue state = loop.state("heartbeat.json");
        JsonValue row = loop.lastRow("telemetry/heartbeat.jsonl");
        JsonValue health = loop.state("health.json");
        int col = rules == REF ? 2 : 3;
        r.mentions(
            col,
            "lag " + num(state, "heartbeatLagSeconds"),
            "`" + str(state, "freshnessStatus") + "`");
        boolean skew = rules == HARD && s > tolerance;
        if (!skew) {
          assertTrue(get(state, "clockSkewSeconds").isEmpty());
          assertTrue(get(row, "clockSkewSeconds").isEmpty());
          assertEquals(Json.parse("[]"), get(health, "reasonCodes").orElseThrow());
          if (rules == REF) {
            r.mentions(2, "nothing else");
          }
        } else {
          r.mentions(
              3, "`clockSkewSeconds: " + num(state, "clockSkewSeconds") + "` on state and row");
          assertEquals(ahead, num(state, "clockSkewSeconds"));
          assertEquals(ahead, num(row, "clockSkewSeconds"));
          JsonValue reason = ((JsonArray) get(health, "reasons").orElseThrow()).elements().get(0);
          r.mentions(3, str(reason, "severity") + " health reason `" + str(reason, "code") + "`");
        }
      }
    }
  }

  static void h10(Row r, Path d) {
    long old = firstNumber(r.cell(1), "(\\d+) s old");
    long later = firstNumber(r.cell(1), "(\\d+) s later");
    for (VisibilityRules rules : BOTH) {
      Loop loop =
          new Loop(d.resolve(rules.name()), rules)
              .events(events(1))
              .heartbeat("{\"timestamp\":\"" + Timestamps.format(NOW.minusSeconds(old)) + "\"}");
      loop.step(NOW, false, "trace-h10-a");
      loop.removeHeartbeat();
      loop.step(NOW.plusSeconds(later), false, "trace-h10-b");
      JsonValue state = loop.state("heartbeat.json");
      JsonValue health = loop.state("health.json");
      if (rules == REF) {
        assertEquals(old, num(state, "heartbeatLagSeconds"));
        assertEquals("healthy", str(health, "status"));
        r.mentions(
            2,
            "(" + old + ", `" + str(state, "freshnessStatus") + "`)",
            "health never gets staler");
      } else {
        assertEquals(old + later, num(state, "heartbeatLagSeconds"));
        String code =
            str(((JsonArray) get(health, "reasons").orElseThrow()).elements().get(0), "code");
        r.mentions(
            3, "(" + (old + later) + ", `" + str(state, "freshnessStatus") + "`, `" + code + "`)");
      }
      // then a heartbeat without a timestamp, and one with an invalid timestamp
      for (String hb : List.of("{\"status\":\"running\"}", "{\"timestamp\":\"yesterday\"}")) {
        loop.heartbeat(hb).step(NOW.plusSeconds(later + 10), false, "trace-h10-c");
        String code = str(loop.lastRow("telemetry/heartbeat.jsonl"), "reasonCode");
        List<String> healthCodes = strings(loop.state("health.json"), "reasonCodes");
        if (rules == REF) {
          assertFalse(healthCodes.contains(code), code);
          if (hb.contains("running")) {
            r.mentions(2, "`" + code + "` stays in the heartbeat row and never reaches health");
          }
        } else {
          assertTrue(healthCodes.contains(code), code + " in " + healthCodes);
          r.mentions(3, "`" + code + "`");
        }
      }
    }
    // requireHeartbeat: a loop that never sent one
    VisibilityRules require = HARD.withRequireHeartbeat(true);
    Loop none = new Loop(d.resolve("require"), require).events(events(1));
    none.step(NOW, false, "trace-h10-d");
    List<String> codes = strings(none.state("health.json"), "reasonCodes");
    assertEquals(1, codes.size(), codes.toString());
    r.mentions(3, "with `requireHeartbeat` a loop that never sent one is `" + codes.get(0) + "`");
    Loop quiet = new Loop(d.resolve("default"), HARD).events(events(1));
    quiet.step(NOW, false, "trace-h10-e");
    assertEquals(List.of(), strings(quiet.state("health.json"), "reasonCodes"));
  }

  static void h11(Row r, Path d) {
    String input = r.ticked(1).stream().filter(t -> t.startsWith("{")).findFirst().orElseThrow();
    String updatedAt = str(Json.parse(input), "updatedAt");
    for (VisibilityRules rules : BOTH) {
      Loop loop = new Loop(d.resolve(rules.name()), rules).events(events(1)).heartbeat(input);
      loop.step(Instant.parse(updatedAt).plusSeconds(60), false, "trace-h11");
      if (rules == REF) {
        JsonValue row = loop.lastRow("telemetry/heartbeat.jsonl");
        assertEquals("failed", str(row, "status"));
        r.mentions(2, "`" + str(row, "reasonCode") + "`");
      } else {
        assertEquals(updatedAt, str(loop.state("heartbeat.json"), "lastHeartbeatAt"));
        r.mentions(3, "`updatedAt` is used");
      }
    }
  }

  static void h12(Row r) {
    List<String> values = r.ticked(1);
    Matcher m = Pattern.compile("valid: ([0-9, ]+)").matcher(r.cell(2));
    assertTrue(m.find());
    String[] expected = m.group(1).split(",\\s*");
    assertEquals(values.size(), expected.length, "one value per input");
    r.mentions(3, "only JSON integer literals are valid");
    for (int i = 0; i < values.size(); i++) {
      EnvelopeFeed feed =
          EnvelopeFeed.ofEnvelopes(
              Json.parse("5"),
              List.of(Json.parse(Section8ScenariosTest.eventEnvelope(values.get(i)))),
              5);
      SequenceState ref = envelopes(REF, feed).sequenceState().orElseThrow();
      assertEquals(List.of(), ref.violations(), values.get(i));
      assertEquals(
          Long.parseLong(expected[i].strip()), ref.events().last().orElseThrow(), values.get(i));
      SequenceState hard = envelopes(HARD, feed).sequenceState().orElseThrow();
      assertTrue(hard.events().missing() && hard.events().last().isEmpty(), values.get(i));
      r.mentions(3, "missing");
    }
  }

  private static StepResult envelopes(VisibilityRules rules, EnvelopeFeed feed) {
    return new ReconcileStep(rules)
        .run(
            StepInput.builder()
                .loopId(LOOP)
                .traceId(TraceId.of("trace-h12"))
                .transport(Transport.SPRITE_SERVICE)
                .now(NOW)
                .ingest(
                    new Ingest.Succeeded(
                        io.superloop.visibility.core.heartbeat.HeartbeatInput.ABSENT, feed, false))
                .paths(Section8ScenariosTest.PATHS)
                .build());
  }

  static void h15(Row r, Path d) {
    r.mentions(
        1,
        "lines 1-5 read",
        "rotated to 1 line",
        "declared replay (`fromStart`) from line 1",
        "batch 1-5, an empty batch, a batch from 3");
    for (VisibilityRules rules : BOTH) {
      Loop loop = new Loop(d.resolve(rules.name()), rules).events(events(5));
      loop.step(NOW, false, "trace-h15-a");
      loop.events(events(1));
      StepResult replay = loop.step(NOW.plusSeconds(1), true, "trace-h15-b");
      JsonValue seq = loop.state("sequence-state.json");
      assertEquals(
          JsonValue.of(true),
          get(loop.lastRow("telemetry/reconcile.jsonl"), "fromStart").orElseThrow());
      List<String> violations = strings(seq, "violations");
      if (rules == REF) {
        assertEquals(
            List.of("event_sequence_regression", "snapshot_sequence_regression"), violations);
        r.mentions(2, "replay: `" + violations.get(0) + "` + `" + violations.get(1) + "`");
      } else {
        assertEquals(List.of(), violations);
        assertEquals("ok", str(seq, "status"));
        r.mentions(
            3,
            "replay: no drift, `transition.epochReset: "
                + get(seq, "transition.epochReset").orElseThrow().toJson()
                + "`");
      }
      assertEquals(
          rules == HARD,
          replay
              .sequenceState()
              .orElseThrow()
              .transition()
              .orElseThrow()
              .epochReset()
              .orElse(false));

      ReconcileStep step = new ReconcileStep(rules);
      StepResult first =
          Section8ScenariosTest.envelopeStep(
              step, Optional.empty(), Optional.empty(), 5, false, 1, 2, 3, 4, 5);
      StepResult empty =
          Section8ScenariosTest.envelopeStep(
              step, first.sequenceState(), Optional.of(first.health()), 5, false);
      StepResult from3 =
          Section8ScenariosTest.envelopeStep(
              step, empty.sequenceState(), Optional.of(empty.health()), 5, false, 3, 4);
      List<String> codes =
          from3.sequenceState().orElseThrow().violations().stream().map(v -> v.wire()).toList();
      if (rules == REF) {
        assertEquals(List.of(), codes);
        r.mentions(2, "batch from 3 after the empty one: no violation (the watermark was lost)");
      } else {
        assertEquals(List.of("event_sequence_regression"), codes);
        r.mentions(3, "batch from 3: `" + codes.get(0) + "`");
      }
    }
  }

  static void h16(Row r, Path d) {
    r.mentions(
        1,
        "sequence ok, last invocation not replayed; a good heartbeat, then one with an invalid timestamp");
    // one set of files: a fresh heartbeat, then an unusable one; a completed, not replayed cancel
    Loop loop =
        new Loop(d, REF)
            .events(events(1))
            .heartbeat("{\"timestamp\":\"" + Timestamps.format(NOW) + "\"}");
    loop.step(NOW, false, "trace-h16-a");
    loop.heartbeat("{\"timestamp\":1700000000}").step(NOW.plusSeconds(10), false, "trace-h16-b");
    InvocationAuditTrail trail = InvocationAuditTrail.of(LoopStore.of(loop.layout()), REF);
    ControlContext ctx = control(REF, NOW.plusSeconds(20));
    trail.begin(ctx).complete(confirmedCancel(ctx, NOW.plusSeconds(21)));
    StatusInputs in = StatusReader.read(LoopStore.of(loop.layout()));
    JsonValue ref =
        Json.parse(Codecs.VISIBILITY_SUMMARY.encodeLine(new StatusProjector(REF).project(in)));
    JsonValue hard =
        Json.parse(Codecs.VISIBILITY_SUMMARY.encodeLine(new StatusProjector(HARD).project(in)));

    assertEquals("ok", str(ref, "sequence.status"));
    for (String field : List.of("sequence.driftActive", "invocationAudit.replayed")) {
      assertTrue(get(ref, field).isEmpty(), field);
      assertEquals(JsonValue.of(false), get(hard, field).orElseThrow(), field);
    }
    r.mentions(2, "`driftActive`, `replayed` absent");
    r.mentions(3, "booleans always present");
    // reference mixes the fresh state with the failed row's reason code
    assertEquals("fresh", str(ref, "heartbeat.freshnessStatus"));
    assertEquals("invalid_heartbeat_timestamp", str(ref, "heartbeat.reasonCode"));
    r.mentions(2, "heartbeat fields mixed from state and last row");
    assertTrue(get(hard, "heartbeat.reasonCode").isEmpty());
    assertEquals("invalid_heartbeat_timestamp", str(hard, "heartbeat.lastObservation.reasonCode"));
    r.mentions(3, "heartbeat from one record, a newer failed row shown as `lastObservation`");
    assertTrue(get(ref, "trace.distinctTraceIds").isEmpty());
    assertTrue(num(hard, "trace.distinctTraceIds") > 1);
    r.mentions(3, "`distinctTraceIds`");
    // alertTraceId: an older alert row against a newer dispatch state
    StatusInputs alerts =
        StatusInputs.builder()
            .alertRowTraceId(TraceId.of("trace-alert-row"))
            .alertRowTimestamp("2026-03-01T11:00:00Z")
            .dispatchTraceId(TraceId.of("trace-dispatch"))
            .dispatchUpdatedAt("2026-03-01T12:00:00Z")
            .build();
    assertEquals(
        Optional.of(TraceId.of("trace-alert-row")),
        new StatusProjector(REF).project(alerts).trace().alertTraceId());
    assertEquals(
        Optional.of(TraceId.of("trace-dispatch")),
        new StatusProjector(HARD).project(alerts).trace().alertTraceId());
    r.mentions(3, "`alertTraceId` the newer of row and dispatch state");
  }

  static void h19(Row r) {
    r.mentions(1, "drift, then a clean step");
    for (VisibilityRules rules : BOTH) {
      ReconcileStep step = new ReconcileStep(rules);
      StepResult drift =
          Section8ScenariosTest.envelopeStep(
              step, Optional.empty(), Optional.empty(), 3, false, 3, 2);
      assertTrue(drift.sequenceState().orElseThrow().driftActive());
      StepResult clean =
          Section8ScenariosTest.envelopeStep(
              step, drift.sequenceState(), Optional.of(drift.health()), 3, false, 3);
      assertFalse(clean.sequenceState().orElseThrow().driftActive());
      List<String> categories =
          clean.escalations().stream().map((EscalationRow e) -> e.category().wire()).toList();
      if (rules == REF) {
        assertEquals(List.of(), categories);
        r.mentions(2, "no escalation on recovery");
      } else {
        assertEquals(List.of("ordering_drift_recovered"), categories);
        r.mentions(3, "an `" + categories.get(0) + "` escalation row");
      }
    }
  }

  static void h20(Row r, Path d) {
    r.mentions(1, "read lines 1-5", "now holds 2 lines");
    for (VisibilityRules rules : BOTH) {
      Loop loop = new Loop(d.resolve(rules.name()), rules).events(events(5));
      loop.step(NOW, false, "trace-h20-a");
      loop.events(events(2));
      StepResult s = loop.step(NOW.plusSeconds(1), false, "trace-h20-b");
      JsonValue seq = loop.state("sequence-state.json");
      StepResult next = loop.step(NOW.plusSeconds(2), false, "trace-h20-c");
      if (rules == REF) {
        for (StepResult x : List.of(s, next)) {
          assertEquals("failed", x.reconcileRow().status().wire());
          String code = x.reconcileRow().failureCode().orElseThrow().wire();
          String message = x.reconcileRow().failureMessage().orElseThrow();
          assertTrue(message.contains("cursor offset (5) exceeds available events (2)"), message);
          r.mentions(
              2,
              "`" + code + "` (\"cursor offset (5) exceeds available events (2)\")",
              "declared replay (`fromStart`)");
        }
        assertEquals(
            2,
            loop.step(NOW.plusSeconds(3), true, "trace-h20-d").reconcileRow().cursorOffsetAfter());
      } else {
        assertEquals(
            List.of(2L, 2L),
            List.of(s.reconcileRow().eventsIngested(), s.reconcileRow().cursorOffsetAfter()));
        assertEquals(List.of(), strings(seq, "violations"));
        String warning = s.warnings().get(0).wire();
        assertEquals(List.of(warning), s.warnings().stream().map(w -> w.wire()).toList());
        r.mentions(
            3,
            "reads lines 1-2",
            "`transition.epochReset: "
                + get(seq, "transition.epochReset").orElseThrow().toJson()
                + "`",
            "warns `" + warning + "`, once");
        assertTrue(next.warnings().isEmpty(), next.warnings().toString());
        assertEquals(2, next.reconcileRow().cursorOffsetBefore());
        r.mentions(3, "the next step resumes at line " + next.reconcileRow().cursorOffsetBefore());
      }
    }
  }

  static void h21(Row r, Path d) {
    long max = HARD.telemetryRetention().maxFileBytes();
    int keep = HARD.telemetryRetention().rotatedFilesKept();
    r.mentions(1, "`telemetry/heartbeat.jsonl` at " + (max >> 20) + " MiB");
    r.mentions(
        3, "the oldest beyond " + keep + " are deleted", "`TelemetryRetention.OFF` turns it off");
    assertEquals("off", REF.telemetryRetention().toString());
    for (VisibilityRules rules : BOTH) {
      Loop loop =
          new Loop(d.resolve(rules.name()), rules)
              .events(events(1))
              .heartbeat("{\"timestamp\":\"" + Timestamps.format(NOW) + "\"}");
      loop.step(NOW, false, "trace-h21-a");
      Path log = loop.ops().resolve("telemetry/heartbeat.jsonl");
      String row = read(log);
      StringBuilder big = new StringBuilder(row);
      while (big.length() < max) {
        big.append(row);
      }
      write(log, big.toString());
      loop.step(NOW.plusSeconds(1), false, "trace-h21-b");
      Path rotated = loop.ops().resolve("telemetry/heartbeat.jsonl.1");
      if (rules == REF) {
        assertFalse(Files.exists(rotated));
        assertEquals(big.length() + row.length(), size(log));
        r.mentions(2, "the row is appended");
      } else {
        assertEquals(big.length(), size(rotated));
        assertEquals(1, lines(log).size());
        r.mentions(
            3,
            "renamed to `telemetry/" + rotated.getFileName() + "`",
            "deleted",
            "starts a new log",
            "status reads the newest rotated file while the new log has no row");
        String status = loop.status(NOW.plusSeconds(1)).toJson();
        write(log, "");
        assertEquals(status, loop.status(NOW.plusSeconds(1)).toJson());
      }
    }
  }

  // ---- always rows --------------------------------------------------------------------------
  // columns: 0 what the library does (checked under both presets), 1 what the bash reference does

  static void a1(Row r, Path d) {
    r.mentions(0, "temp file in the same directory, fsync, atomic rename, directory fsync");
    Path target = d.resolve("health.json");
    List<StateWriteRecording.Op> ops = StateWriteRecording.secondWrite(target);
    int open =
        index(
            ops,
            o ->
                o.kind().equals("open")
                    && !o.path().equals(target)
                    && Objects.equals(o.path().getParent(), target.getParent()));
    Path temp = ops.get(open).path();
    int write = index(ops, o -> o.kind().equals("write") && o.path().equals(temp));
    int force = index(ops, o -> o.kind().equals("force") && o.path().equals(temp));
    int move =
        index(
            ops,
            o ->
                o.kind().equals("move")
                    && o.path().equals(temp)
                    && o.target().equals(target.toString()));
    int forceDir =
        index(ops, o -> o.kind().equals("forceDir") && o.path().equals(target.getParent()));
    assertTrue(open < write && write < force && force < move && move < forceDir, ops.toString());
    assertTrue(
        ops.stream().noneMatch(o -> o.path().equals(target) && !o.kind().equals("move")),
        "the target is never written in place: " + ops);
    // and a whole step under either preset leaves no temporary file behind
    for (VisibilityRules rules : BOTH) {
      Loop loop =
          new Loop(d.resolve(rules.name()), rules)
              .events(events(2))
              .heartbeat("{\"timestamp\":\"" + Timestamps.format(NOW) + "\"}");
      loop.step(NOW, false, "trace-a1");
      for (String f : listNames(loop.ops())) {
        assertTrue(
            f.matches("[a-z-]+\\.(json|jsonl)(\\.lock)?|\\.lock|\\.step-journal|telemetry"),
            "unexpected file " + f);
      }
      assertEquals(
          0L, size(loop.ops().resolve(".step-journal")), "the step journal is empty between steps");
    }
  }

  private static int index(
      List<StateWriteRecording.Op> ops, java.util.function.Predicate<StateWriteRecording.Op> p) {
    for (int i = 0; i < ops.size(); i++) {
      if (p.test(ops.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no such operation in " + ops);
  }

  static void a2(Row r, Path d) {
    for (VisibilityRules rules : BOTH) {
      Loop loop = new Loop(d.resolve(rules.name()), rules).events(events(2));
      loop.step(NOW, false, "trace-a2-a");
      write(loop.ops().resolve("sequence-state.json"), "{\"schemaVersion\":\"v1\",\"upda");
      StepResult s = loop.step(NOW.plusSeconds(1), false, "trace-a2-b");
      String code = s.warnings().get(0).wire();
      r.mentions(0, "reported as `" + code + "`");
      assertTrue(strings(loop.lastRow("telemetry/reconcile.jsonl"), "warnings").contains(code));
      // counts as absent: no previous watermark
      assertTrue(
          get(loop.state("sequence-state.json"), "snapshot.previous").orElseThrow().isNull());
      List<String> aside =
          listNames(loop.ops()).stream()
              .filter(f -> f.startsWith("sequence-state.json.corrupt-"))
              .toList();
      assertEquals(1, aside.size(), listNames(loop.ops()).toString());
      assertTrue(
          aside.get(0).matches("sequence-state\\.json\\.corrupt-\\d{8}T\\d{6}Z"), aside.get(0));
      r.mentions(0, "renamed to `<name>.corrupt-<stamp>`");
      assertEquals("{\"schemaVersion\":\"v1\",\"upda", read(loop.ops().resolve(aside.get(0))));
    }
  }

  static void a3(Row r, Path d) {
    r.mentions(
        0,
        "fsync per record by default",
        "torn tail moved to `<file>.torn`",
        "readers return the last *valid* record");
    assertEquals(Durability.FSYNC_PER_RECORD, LoopStore.of(LoopLayout.of(d, LOOP)).durability());
    for (VisibilityRules rules : BOTH) {
      Loop loop = new Loop(d.resolve(rules.name()), rules).events(events(1));
      loop.step(NOW, false, "trace-a3-a");
      Path rec = loop.ops().resolve("telemetry/reconcile.jsonl");
      String fragment = "{\"timestamp\":\"2026-03-01T12:00:05Z\",\"loopId\":\"demo-lo";
      append(rec, fragment);
      assertEquals(
          "trace-a3-a", str(loop.status(NOW), "trace.reconcileTraceId"), "the last valid row");
      loop.step(NOW.plusSeconds(10), false, "trace-a3-b");
      assertEquals(
          List.of(fragment),
          lines(loop.ops().resolve("telemetry/reconcile.jsonl.torn")),
          "the fragment, moved aside");
      List<String> rows = lines(rec);
      assertEquals(2, rows.size());
      for (String row : rows) {
        Json.parse(row);
      }
      assertEquals("trace-a3-b", str(loop.status(NOW), "trace.reconcileTraceId"));
    }
  }

  static void a4(Row r, Path d) {
    r.mentions(0, "one loop lock (`<ops>/<loop>/.lock`) around a reconcile step");
    for (VisibilityRules rules : BOTH) {
      Loop loop = new Loop(d.resolve(rules.name()), rules).events(events(1));
      CompletableFuture<StepResult> step;
      try (LoopLock.Held held = loop.layout().lock().acquire()) {
        assertTrue(Files.exists(loop.ops().resolve(".lock")));
        step = CompletableFuture.supplyAsync(() -> loop.step(NOW, false, "trace-a4"));
        assertThrows(
            java.util.concurrent.TimeoutException.class,
            () -> step.get(300, TimeUnit.MILLISECONDS),
            "the step waits for the lock");
      }
      try {
        assertEquals("success", step.get(60, TimeUnit.SECONDS).reconcileRow().status().wire());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }

  static void a7(Row r, Path d) {
    String code = ErrorCode.INVALID_TRACE_ID.wire();
    r.mentions(0, "1-256 printable ASCII, else `" + code + "`");
    assertTrue(TraceId.isValid("!".repeat(256)));
    assertTrue(TraceId.isValid("trace-20260301120000-42-0007"));
    for (String bad : List.of("", "!".repeat(257), "a b", "caf\u00e9", "tab\t")) {
      assertFalse(TraceId.isValid(bad), bad);
    }
    for (VisibilityRules rules : BOTH) {
      Loop loop = new Loop(d.resolve(rules.name()), rules).events(events(1));
      VisibilityException e =
          assertThrows(VisibilityException.class, () -> loop.step(NOW, false, "bad trace"));
      assertEquals(ErrorCode.INVALID_TRACE_ID, e.code());
    }
  }

  static void a13(Row r, Path d) {
    for (VisibilityRules rules : BOTH) {
      Loop loop = new Loop(d.resolve(rules.name()), rules);
      // an event, an empty line, a white-space line, a malformed line, an event, an unterminated
      // line
      String last = event(5);
      loop.events(event(1) + "\n" + "  \n" + "{oops\n" + event(5) + last.substring(0, 10));
      StepResult s = loop.step(NOW, false, "trace-a13");
      assertEquals("success", s.reconcileRow().status().wire());
      String warning = s.warnings().get(0).wire();
      JsonValue seq = loop.state("sequence-state.json");
      r.mentions(
          0,
          "a missing value plus `" + warning + "`",
          "an empty log line consumes a number and is skipped",
          "an unterminated last line waits for its newline");
      assertEquals(List.of("event_sequence_missing"), strings(seq, "violations"));
      assertEquals(
          4,
          num(seq, "events.ingestedCount"),
          "2 events + 2 malformed; the empty line is not counted");
      assertEquals(5, num(seq, "events.last"));
      assertEquals(5, num(seq, "snapshot.current"), "the unterminated line is not counted");
      loop.append(last.substring(10));
      loop.step(NOW.plusSeconds(1), false, "trace-a13-b");
      JsonValue next = loop.state("sequence-state.json");
      assertEquals(6, num(next, "events.first"));
      assertEquals(List.of(), strings(next, "violations"));
    }
  }

  static void a14(Row r, Path d) {
    List<String> names = r.ticked(0);
    assertEquals(List.of("events.gaps", "events.duplicates", "events.max"), names);
    for (VisibilityRules rules : BOTH) {
      Loop loop = new Loop(d.resolve(rules.name()), rules).events(event(1) + "\n" + event(3));
      loop.step(NOW, false, "trace-a14");
      JsonValue seq = loop.state("sequence-state.json");
      JsonValue row = loop.lastRow("telemetry/sequence.jsonl");
      for (String n : names) {
        assertTrue(get(seq, n).isPresent(), n);
        assertTrue(get(row, n).isPresent(), n);
      }
      assertEquals(1, num(seq, "events.gaps"), "line 2 is empty: one gap");
      assertEquals(0, num(seq, "events.duplicates"));
      assertEquals(3, num(seq, "events.max"));
    }
  }

  static void a17(Row r, Path d) {
    r.mentions(
        0,
        "`cursor.json` carries `eventByteOffset` and `eventTailCrc32`",
        "resumes at that byte when the bytes before it are unchanged, else counts lines");
    for (VisibilityRules rules : BOTH) {
      for (boolean rewritten : List.of(false, true)) {
        Loop loop = new Loop(d.resolve(rules.name() + rewritten), rules);
        String two = event(1) + event(2);
        loop.events(two);
        loop.step(NOW, false, "trace-a17-a");
        JsonValue cursor = loop.state("cursor.json");
        assertEquals(two.getBytes(StandardCharsets.UTF_8).length, num(cursor, "eventByteOffset"));
        assertTrue(get(cursor, "eventTailCrc32").isPresent());
        if (rewritten) {
          // the same bytes up to the offset, but one line instead of two: the position's line
          // number is unknown
          String one =
              "{\"timestamp\":\"2026-03-01T12:00:00Z\",\"event\":\""
                  + "x".repeat(two.length() - 48)
                  + "\"}\n";
          assertEquals(two.length(), one.length());
          loop.events(one + event(3));
        } else {
          loop.append(event(3));
        }
        loop.step(NOW.plusSeconds(1), false, "trace-a17-b");
        JsonValue seq = loop.state("sequence-state.json");
        if (rewritten) {
          // counted: two lines are consumed, the log has two, nothing is new (a byte resume would
          // read line "3")
          assertEquals(0, num(seq, "events.ingestedCount"));
        } else {
          assertEquals(3, num(seq, "events.first"));
        }
      }
    }
  }

  static void a22(Row r, Path d) {
    r.mentions(
        0,
        "one record in `OPS/.step-journal`, forced before any artifact changes",
        "no row twice",
        "warns `torn_step_recovered`",
        "`torn_step_superseded`",
        "(`.health.json.tmp-*`) are removed",
        "read again from `snapshot.current`");
    for (VisibilityRules rules : BOTH) {
      // a step torn after its commit point (its health.json rename fails): the next one completes
      // it
      Loop loop = new Loop(d.resolve(rules.name()), rules).events(events(3));
      loop.step(NOW, false, "trace-a22-a");
      loop.append(event(4) + event(5));
      TornSteps.failRenameOf(
          loop.repo,
          LOOP,
          rules,
          Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC),
          "health.json",
          "trace-a22-torn");
      assertTrue(size(TornSteps.journal(loop.layout())) > 0, "the torn step's record");
      Path stale = loop.ops().resolve(".health.json.tmp-0123456789abcdef");
      write(stale, "{\"half");
      loop.append(event(6));
      StepResult next = loop.step(NOW.plusSeconds(2), false, "trace-a22-b");
      assertEquals(
          List.of("torn_step_recovered"), next.warnings().stream().map(w -> w.wire()).toList());
      List<String> traces =
          lines(loop.ops().resolve("telemetry/reconcile.jsonl")).stream()
              .map(l -> str(Json.parse(l), "traceId"))
              .toList();
      assertEquals(
          List.of("trace-a22-a", "trace-a22-torn", "trace-a22-b"), traces, "each step's row once");
      assertEquals(5, next.reconcileRow().cursorOffsetBefore());
      assertEquals(0, size(TornSteps.journal(loop.layout())));
      assertFalse(Files.exists(stale), "stale temp file removed");

      // a cursor ahead of the sequence state, as an earlier version tore it: the lines are read
      // again
      String sequence = read(loop.ops().resolve("sequence-state.json"));
      loop.append(event(7));
      loop.step(NOW.plusSeconds(3), false, "trace-a22-c");
      write(loop.ops().resolve("sequence-state.json"), sequence); // cursor at 7, sequence at 6
      StepResult reread = loop.step(NOW.plusSeconds(4), false, "trace-a22-d");
      assertEquals(6, reread.reconcileRow().cursorOffsetBefore());
      assertEquals(1, reread.reconcileRow().eventsIngested());
      assertEquals(
          List.of("torn_step_recovered"), reread.warnings().stream().map(w -> w.wire()).toList());
    }
    r.mentions(1, "moves `cursor.json` before the sequence state is written");
  }

  static void a18(Row r, Path d) {
    int n = 0;
    for (VisibilityRules rules : BOTH) {
      for (String payload : List.of("\"abc\"", "{not json")) {
        Loop loop =
            new Loop(d.resolve(rules.name() + n++), rules).events(events(1)).heartbeat(payload);
        StepResult s = loop.step(NOW, false, "trace-a18");
        assertEquals("success", s.reconcileRow().status().wire(), payload);
        assertTrue(Files.exists(loop.ops().resolve("sequence-state.json")), "the step goes on");
        JsonValue row = loop.lastRow("telemetry/heartbeat.jsonl");
        String code = str(row, "reasonCode");
        r.mentions(0, "a failed row `" + code + "`", "the step goes on");
        assertEquals("failed", str(row, "status"));
        List<String> health = strings(loop.state("health.json"), "reasonCodes");
        if (rules == REF) {
          assertEquals(List.of(), health);
        } else {
          assertEquals(List.of(code), health);
          r.mentions(0, "a degraded health reason under `hardened`");
        }
      }
    }
  }

  /** The sentence after the always table: values above 2^53 are exact in both presets. */
  @Test
  void sequenceValuesAbove2To53AreExactInBothPresets() {
    assertTrue(
        doc().contains("Sequence values above 2^53 are kept exact up to 2^63-1 in both presets"));
    for (VisibilityRules rules : BOTH) {
      for (long v : List.of(9007199254740993L, Long.MAX_VALUE)) {
        EnvelopeFeed feed =
            EnvelopeFeed.ofEnvelopes(
                JsonValue.of(v),
                List.of(Json.parse(Section8ScenariosTest.eventEnvelope(Long.toString(v)))),
                v);
        SequenceState s = envelopes(rules, feed).sequenceState().orElseThrow();
        assertEquals(v, s.events().last().orElseThrow(), rules.name());
        assertEquals(v, s.snapshot().current().orElseThrow());
      }
    }
  }

  // ---- a loop driven through VisibilityPlane ------------------------------------------------

  /** One loop of a repository, stepped through the embedding API with a fixed clock per step. */
  static final class Loop {
    final Path repo;
    private final VisibilityRules rules;

    Loop(Path repo, VisibilityRules rules) {
      this.repo = repo;
      this.rules = rules;
    }

    LoopLayout layout() {
      return LoopLayout.of(repo, LOOP);
    }

    Path ops() {
      return layout().opsDir();
    }

    Path rt() {
      return layout().runtimeDir();
    }

    Loop events(String text) {
      write(rt().resolve("events.jsonl"), text);
      return this;
    }

    Loop append(String text) {
      CompatibilityDocTest.append(rt().resolve("events.jsonl"), text);
      return this;
    }

    Loop heartbeat(String text) {
      write(rt().resolve("heartbeat.v1.json"), text);
      return this;
    }

    void removeHeartbeat() {
      try {
        Files.delete(rt().resolve("heartbeat.v1.json"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    VisibilityPlane plane(Instant now) {
      return VisibilityPlane.builder(repo, LOOP)
          .rules(rules)
          .clock(Clock.fixed(now, ZoneOffset.UTC))
          .durability(Durability.NONE)
          .random(new SplittableRandom(7))
          .build();
    }

    StepResult step(Instant now, boolean fromStart, String trace) {
      return PlaneAccess.result(
          plane(now)
              .reconcileLocal(StepOptions.defaults().withTraceId(trace).withFromStart(fromStart)));
    }

    JsonValue status(Instant now) {
      return Json.parse(Codecs.VISIBILITY_SUMMARY.encodeLine(plane(now).status()));
    }

    JsonValue state(String relative) {
      return Json.parse(read(ops().resolve(relative)));
    }

    JsonValue lastRow(String relative) {
      List<String> rows = lines(ops().resolve(relative));
      return Json.parse(rows.get(rows.size() - 1));
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  static String event(int i) {
    return "{\"timestamp\":\"2026-03-01T11:59:00Z\",\"event\":\"iteration_start\",\"iteration\":"
        + i
        + "}\n";
  }

  static String events(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      b.append(event(i));
    }
    return b.toString();
  }

  static ControlContext control(VisibilityRules rules, Instant started) {
    return ControlContext.builder()
        .loopId(LOOP)
        .intent(Intent.CANCEL)
        .traceId(TraceId.of("trace-control-1"))
        .transport(Transport.LOCAL)
        .requestedBy("doc")
        .idempotencyKey(
            IdempotencyKeys.resolve(
                Optional.empty(),
                Intent.CANCEL,
                started,
                4242,
                IdStyle.of(rules),
                new SplittableRandom(3)))
        .startedAt(started)
        .build();
  }

  static ControlRecords confirmedCancel(ControlContext ctx, Instant done) {
    return ControlOutcomes.local(
        ctx,
        "superloop.sh cancel --repo /r",
        0,
        "Cancelled loop state.\n",
        Optional.of(
            new ControlOutcomes.ConfirmRun(
                0,
                Optional.of(
                    Json.parse(
                        "{\"intent\":\"cancel\",\"confirmed\":true,\"reason\":\"inactive_not_running\",\"attempts\":1,"
                            + "\"timeoutSeconds\":30,\"observedStatus\":\"stopped\",\"observedLastEvent\":\"loop_stop\","
                            + "\"observedApprovalStatus\":null,\"observedActive\":false,\"observedAt\":\""
                            + Timestamps.format(done)
                            + "\"}")))),
        done);
  }

  static Optional<JsonValue> get(JsonValue v, String path) {
    JsonValue cur = v;
    for (String part : path.split("\\.")) {
      if (!(cur instanceof JsonObject o) || !o.members().containsKey(part)) {
        return Optional.empty();
      }
      cur = o.members().get(part);
    }
    return Optional.ofNullable(cur);
  }

  static String str(JsonValue v, String path) {
    JsonValue x =
        get(v, path).orElseThrow(() -> new AssertionError("no " + path + " in " + v.toJson()));
    assertTrue(x instanceof JsonString, path + " is not a string in " + v.toJson());
    return ((JsonString) x).value();
  }

  static long num(JsonValue v, String path) {
    JsonValue x =
        get(v, path).orElseThrow(() -> new AssertionError("no " + path + " in " + v.toJson()));
    return Long.parseLong(x.toJson());
  }

  static List<String> strings(JsonValue v, String path) {
    JsonValue x =
        get(v, path).orElseThrow(() -> new AssertionError("no " + path + " in " + v.toJson()));
    List<String> out = new ArrayList<>();
    for (JsonValue e : ((JsonArray) x).elements()) {
      out.add(((JsonString) e).value());
    }
    return out;
  }

  static long firstNumber(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), regex + " in " + text);
    return Long.parseLong(m.group(1));
  }

  static List<String> listNames(Path d) {
    try (Stream<Path> s = Files.list(d)) {
      return new ArrayList<>(new TreeSet<>(s.map(p -> String.valueOf(p.getFileName())).toList()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(Path file) {
    return read(file).lines().toList();
  }

  static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void append(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
