package io.superloop.visibility.testkit.scenario.internal;

import io.superloop.visibility.api.audit.Intent;
import io.superloop.visibility.api.health.HealthThresholds;
import io.superloop.visibility.core.reconcile.StepInput;
import io.superloop.visibility.core.time.Timestamps;
import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.gen.internal.Generation;
import io.superloop.visibility.testkit.gen.internal.Shrinkable;
import io.superloop.visibility.testkit.gen.internal.Zip;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Seeded generators of runtime histories and of their parts. Every generator draws only from its
 * {@link io.superloop.visibility.testkit.gen.internal.GenContext}, so one seed reproduces a
 * history, and composed ones shrink (fewer steps, fewer lines, simpler parts).
 */
public final class HistoryGens {
  /** The earliest manager clock of generated histories. */
  public static final Instant BASE = Instant.parse("2026-02-22T12:00:00Z");

  /** The far-past heartbeat timestamp the reference's tests use. */
  public static final String FAR_PAST = "2020-01-01T00:00:00Z";

  private static final String HEX = "0123456789abcdef";
  private static final String TEXT =
      "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ 0123456789 .,:;-_/()[]{}\"\\'é→ñ";
  private static final List<String> EVENT_NAMES =
      List.of(
          "loop_start",
          "iteration_start",
          "iteration_end",
          "gate_passed",
          "gate_failed",
          "tool_call",
          "approval_requested",
          "approval_decision",
          "loop_complete",
          "test_run");
  private static final List<String> ROLES =
      List.of("planner", "implementer", "tester", "reviewer", "runtime");
  private static final List<String> STATUSES =
      List.of("running", "ok", "failed", "pending", "skipped");

  private HistoryGens() {}

  /** {@return histories of {@link HistoryShape#carriable()}: both transports can carry them} */
  public static Gen<History> carriableHistories() {
    return histories(HistoryShape.carriable());
  }

  /**
   * Histories of {@code shape}: thresholds (the defaults 120/300 s three times in four, else a
   * generated pair), a start clock, a seed for generated trace ids, and the steps.
   *
   * <p>A history shrinks by its steps first: whole steps are removed (all but the fewest the shape
   * allows at once, then halves, then one at a time), each remaining step keeping exactly what it
   * held (a later step's clock moves earlier by a removed step's advance); then each step shrinks
   * in place (its log change, then its appended lines, one at a time, each event line first to one
   * small fixed event, its torn tail, replay flag, heartbeat, trace, faults and control action, and
   * its clock advance); then the thresholds, seed and start clock. Steps are generated
   * independently, so removing one never regenerates the others.
   *
   * @param shape what the histories may hold
   * @return the generator
   */
  public static Gen<History> histories(HistoryShape shape) {
    Gen<HealthThresholds> thresholdGen = thresholds();
    Gen<Long> seedGen = Gen.longs(0, Long.MAX_VALUE / 2);
    Gen<Long> offsetGen = Gen.longs(0, 86_400L * 30);
    Gen<Long> advanceGen = advances();
    String loop = "parity-loop";
    return Generation.gen(
        ctx -> {
          Shrinkable<HealthThresholds> t = Generation.generate(thresholdGen, ctx);
          Shrinkable<Long> seed = Generation.generate(seedGen, ctx);
          Shrinkable<Long> offset = Generation.generate(offsetGen, ctx);
          long cap = Math.min((long) shape.maxSteps(), (long) shape.minSteps() + ctx.size());
          int n = ctx.nextInt(shape.minSteps(), (int) cap);
          Instant start = BASE.plusSeconds(offset.value());
          Instant now = start;
          List<Shrinkable<HistoryStep>> steps = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            Shrinkable<Long> advance = Generation.generate(advanceGen, ctx);
            now = now.plusSeconds(advance.value());
            Shrinkable<HistoryStep> step =
                Generation.generate(step(shape, loop, now, advance.value(), t.value()), ctx);
            // the step's content stays as generated while its advance shrinks (content first)
            steps.add(Shrinkable.zip(step, advance, HistoryStep::withAdvanceSeconds));
          }
          Shrinkable<List<Object>> setting =
              Shrinkable.sequence(List.of(widen(t), widen(seed), widen(offset)));
          return Shrinkable.zip(
              Shrinkable.list(steps, shape.minSteps()),
              setting,
              (s, c) ->
                  new History(
                      loop,
                      BASE.plusSeconds((Long) c.get(2)),
                      (HealthThresholds) c.get(0),
                      (Long) c.get(1),
                      s));
        });
  }

  @SuppressWarnings("unchecked")
  private static Shrinkable<Object> widen(Shrinkable<?> s) {
    return (Shrinkable<Object>) s;
  }

  /**
   * {@return heartbeat thresholds: the defaults (120/300 s) three times in four, else degraded
   * 0-200 and critical up to 300 s above}
   */
  public static Gen<HealthThresholds> thresholds() {
    HealthThresholds d = StepInput.DEFAULT_THRESHOLDS;
    Gen<HealthThresholds> custom =
        Gen.zip(
            Gen.longs(0, 200),
            Gen.longs(0, 300),
            (deg, extra) ->
                HealthThresholds.builder()
                    .from(d)
                    .degradedHeartbeatLagSeconds(deg)
                    .criticalHeartbeatLagSeconds(deg + extra)
                    .build());
    return Gen.frequency(Gen.weighted(3, Gen.constant(d)), Gen.weighted(1, custom));
  }

  /** {@return seconds the clock advances before a step: 0, a few, or minutes} */
  public static Gen<Long> advances() {
    return Gen.frequency(
        Gen.weighted(1, Gen.constant(0L)),
        Gen.weighted(2, Gen.longs(1, 10)),
        Gen.weighted(3, Gen.longs(30, 400)));
  }

  /**
   * Steps of a shape.
   *
   * @param shape what the step may hold
   * @param loopId the loop the events name
   * @param now the manager clock at the step
   * @param advance the seconds the clock advanced before the step
   * @param thresholds the history's heartbeat thresholds
   * @return the generator
   */
  public static Gen<HistoryStep> step(
      HistoryShape shape, String loopId, Instant now, long advance, HealthThresholds thresholds) {
    Gen<LogLine> line = lines(loopId, now, shape.localFaults());
    Gen<LogChange> change =
        shape.logChanges()
            ? Gen.frequency(
                Gen.weighted(8, Gen.constant(LogChange.NONE)),
                Gen.weighted(1, Gen.ints(0, 12).map(LogChange::truncate)),
                Gen.weighted(
                    1, Gen.listOf(lines(loopId, now, false), 0, 12).map(LogChange::rotate)))
            : Gen.constant(LogChange.NONE);
    Gen<Boolean> fromStart =
        shape.replays()
            ? Gen.frequency(
                Gen.weighted(5, Gen.constant(false)), Gen.weighted(1, Gen.constant(true)))
            : Gen.constant(false);
    Gen<Optional<LogLine>> torn =
        shape.localFaults()
            ? Gen.frequency(
                Gen.weighted(6, Gen.constant(Optional.<LogLine>empty())),
                Gen.weighted(1, eventLines(loopId, now).map(Optional::of)))
            : Gen.constant(Optional.<LogLine>empty());
    Gen<List<SpriteFault>> faults =
        shape.spriteFaults()
            ? Gen.frequency(
                Gen.weighted(3, Gen.constant(List.<SpriteFault>of())),
                Gen.weighted(1, Gen.listOf(spriteFaults(), 1, 2)))
            : Gen.constant(List.<SpriteFault>of());
    Gen<Optional<ControlAction>> control =
        shape.controls()
            ? Gen.frequency(
                Gen.weighted(3, Gen.constant(Optional.<ControlAction>empty())),
                Gen.weighted(1, controls().map(Optional::of)))
            : Gen.constant(Optional.<ControlAction>empty());
    Gen<Optional<String>> trace =
        Gen.frequency(
            Gen.weighted(1, Gen.constant(Optional.<String>empty())),
            Gen.weighted(5, Gen.strings(HEX, 8, 8).map(h -> Optional.of("trace-" + h))));
    List<Gen<?>> parts =
        List.of(
            change,
            Gen.listOf(line, 0, shape.maxLines()),
            torn,
            fromStart,
            heartbeats(now, thresholds, shape.badHeartbeats(), shape.localFaults()),
            trace,
            faults,
            control);
    return Gen.<Object>sequence(parts)
        .map(
            p -> {
              @SuppressWarnings("unchecked")
              HistoryStep s =
                  new HistoryStep(
                      advance,
                      (LogChange) p.get(0),
                      (List<LogLine>) p.get(1),
                      (Optional<LogLine>) p.get(2),
                      (Boolean) p.get(3)
                          || (!shape.undeclaredLogChanges()
                              && ((LogChange) p.get(0)).kind() != LogChange.Kind.NONE),
                      (HeartbeatSpec) p.get(4),
                      (Optional<String>) p.get(5),
                      (List<SpriteFault>) p.get(6),
                      (Optional<ControlAction>) p.get(7));
              return s;
            });
  }

  /**
   * Log lines: mostly events, some empty lines, and with {@code localFaults} white-space-only and
   * malformed lines.
   *
   * @param loopId the loop the events name
   * @param now the manager clock at the step
   * @param localFaults whether white-space-only and malformed lines may appear
   * @return the generator
   */
  public static Gen<LogLine> lines(String loopId, Instant now, boolean localFaults) {
    List<Map.Entry<Integer, Gen<? extends LogLine>>> w = new ArrayList<>();
    w.add(Gen.weighted(8, eventLines(loopId, now)));
    w.add(Gen.weighted(1, Gen.constant(LogLine.blank())));
    if (localFaults) {
      w.add(Gen.weighted(1, whiteSpaceLines()));
      w.add(Gen.weighted(1, malformedLines()));
    }
    return Gen.frequency(w);
  }

  /**
   * Event lines of realistic size (about 300-600 bytes).
   *
   * @param loopId the loop the events name
   * @param now the manager clock at the step
   * @return the generator
   */
  public static Gen<LogLine> eventLines(String loopId, Instant now) {
    return events(now).map(e -> LogLine.event(e, loopId));
  }

  /**
   * Runtime events timestamped up to ten minutes before {@code now}, with a payload. An event
   * shrinks first, in one step, to a small fixed event at {@code now} ({@code iteration_start}, no
   * message, an empty payload), and only when that passes field by field: a bug that does not
   * depend on an event's text costs one candidate per event line, not one per character.
   *
   * @param now the manager clock
   * @return the generator
   */
  public static Gen<RuntimeEvent> events(Instant now) {
    RuntimeEvent small =
        new RuntimeEvent(
            Timestamps.format(now),
            "iteration_start",
            "run-000000",
            1,
            "runtime",
            "running",
            "",
            "{}");
    Gen<RuntimeEvent> full = fullEvents(now);
    return Generation.gen(
        ctx -> {
          Shrinkable<RuntimeEvent> e = Generation.generate(full, ctx);
          return e.value().equals(small)
              ? e
              : Shrinkable.of(
                  e.value(), () -> Stream.concat(Stream.of(Shrinkable.of(small)), e.shrinks()));
        });
  }

  private static Gen<RuntimeEvent> fullEvents(Instant now) {
    Gen<String> payload =
        Zip.zip(
            Gen.elements("plan", "implement", "test", "review"),
            Gen.longs(0, 600_000),
            Gen.listOf(
                Gen.strings("abcdefghijklmnopqrstuvwxyz", 3, 12)
                    .map(s -> "src/main/" + s + ".java"),
                0,
                4),
            Gen.strings(TEXT, 0, 80),
            (stage, ms, files, notes) -> {
              StringBuilder b = new StringBuilder("{\"stage\":").append(JsonText.string(stage));
              b.append(",\"gate\":{\"name\":\"tests\",\"passed\":").append(ms % 3 != 0).append('}');
              b.append(",\"durationMs\":").append(ms).append(",\"files\":[");
              for (int i = 0; i < files.size(); i++) {
                b.append(i == 0 ? "" : ",").append(JsonText.string(files.get(i)));
              }
              return b.append("],\"notes\":").append(JsonText.string(notes)).append('}').toString();
            });
    Gen<Object[]> head =
        Zip.zip(
            Gen.longs(0, 600),
            Gen.elements(EVENT_NAMES),
            Gen.strings(HEX, 6, 6),
            Gen.longs(1, 50),
            (ago, name, run, it) -> new Object[] {ago, name, run, it});
    return Zip.zip(
        head,
        Gen.zip(Gen.elements(ROLES), Gen.elements(STATUSES), (r, s) -> new String[] {r, s}),
        Gen.strings(TEXT, 40, 160),
        payload,
        (h, rs, msg, p) ->
            new RuntimeEvent(
                Timestamps.format(now.minusSeconds((Long) h[0])),
                (String) h[1],
                "run-" + h[2],
                (Long) h[3],
                rs[0],
                rs[1],
                msg,
                p));
  }

  /** {@return white-space-only lines (spaces, tabs, a lone carriage return)} */
  public static Gen<LogLine> whiteSpaceLines() {
    return Gen.elements(" ", "\t", "  \t  ", "\r").map(LogLine::whiteSpace);
  }

  /**
   * {@return non-empty lines that are not a valid event (not JSON, not an object, no name, no
   * timestamp)}
   */
  public static Gen<LogLine> malformedLines() {
    return Gen.elements(
            "not json at all",
            "[1,2,3]",
            "42",
            "{\"timestamp\":\"2026-02-22T12:00:00Z\",\"role\":\"planner\"}",
            "{\"event\":\"iteration_start\",\"role\":\"planner\"}",
            "{\"event\":\"iteration_start\",\"timestamp\":\"2026-02-22T12:00:00Z\"",
            "{\"event\":\"x\",\"timestamp\":\"2026-02-22T12:00:00Z\"} trailing")
        .map(LogLine::malformed);
  }

  /** {@return faults of a sprite_service answer} */
  public static Gen<SpriteFault> spriteFaults() {
    return Zip.zip(
        Gen.elements(SpriteFault.Kind.values()),
        Gen.ints(0, 20),
        mistypedValues(),
        SpriteFault::new);
  }

  /** {@return JSON texts of {@code sequence.value} that are invalid under both presets} */
  public static Gen<String> mistypedValues() {
    return Gen.elements(
        "\"abc\"", "true", "1.5", "-3", "null", "\"\"", "{\"n\":1}", "[1]", "\"-1\"", "\" 7\"");
  }

  /** {@return control actions: every intent, logical outcome and fitting sprite_service form} */
  public static Gen<ControlAction> controls() {
    return Zip.zip(
            Gen.elements(Intent.values()),
            Gen.elements(LogicalOutcome.values()),
            Gen.strings(HEX, 8, 8),
            Gen.longs(0, 5),
            (i, o, h, d) -> new Object[] {i, o, h, d})
        .flatMap(
            a -> {
              LogicalOutcome o = (LogicalOutcome) a[1];
              List<ControlAction.SpriteForm> forms = new ArrayList<>();
              for (ControlAction.SpriteForm f : ControlAction.SpriteForm.values()) {
                if (ControlAction.fits(f, o)) {
                  forms.add(f);
                }
              }
              return Gen.elements(forms)
                  .map(
                      f ->
                          new ControlAction(
                              (Intent) a[0], o, "ctl-" + a[2], "key-" + a[2], f, (Long) a[3]));
            });
  }

  /**
   * The lags a heartbeat is generated at: on and around the thresholds, now, far past and in the
   * future.
   *
   * @param t the thresholds
   * @return the generator of seconds before the manager clock (negative: in the future)
   */
  public static Gen<Long> heartbeatLags(HealthThresholds t) {
    long d = t.degradedHeartbeatLagSeconds();
    long c = t.criticalHeartbeatLagSeconds();
    return Gen.frequency(
        Gen.weighted(2, Gen.elements(Math.max(0, d - 1), d, Math.max(0, c - 1), c)),
        Gen.weighted(1, Gen.constant(0L)),
        Gen.weighted(1, Gen.longs(0, c + 200)),
        Gen.weighted(1, Gen.longs(c + 1, 86_400L * 400)),
        Gen.weighted(1, Gen.longs(-30, -1)),
        Gen.weighted(1, Gen.longs(-3600, -31)));
  }

  /** How a heartbeat writes its timestamp. */
  enum Form {
    VALID,
    FRACTION,
    OFFSET,
    NO_Z,
    SPACE,
    LOWERCASE,
    EPOCH_NUMBER,
    PRE_1970,
    UNPADDED,
    BAD_DATE,
    GARBAGE
  }

  /** How the heartbeat object carries its timestamp. */
  enum Carrier {
    TIMESTAMP,
    UPDATED_AT_ONLY,
    EMPTY_THEN_UPDATED_AT,
    NULL_THEN_UPDATED_AT,
    FALSE_THEN_UPDATED_AT
  }

  /**
   * Heartbeat files at manager clock {@code now}: a valid timestamp at a lag on and around the
   * thresholds (exactly degraded-1, degraded, critical-1, critical, far past, now, within and
   * beyond the 30 s skew tolerance in the future); with {@code bad} also every bad form of contract
   * 2.2 step 5 / C10 (fraction, offset, no {@code Z}, space, lower case, epoch number, pre-1970,
   * unpadded, invalid date, garbage), a missing and an empty timestamp, the {@code updatedAt}
   * fallbacks, no file, and non-object JSON; with {@code localOnly} also a file that is not JSON.
   *
   * @param now the manager clock
   * @param t the thresholds
   * @param bad whether bad timestamps and missing or non-object heartbeats may appear
   * @param localOnly whether a file that is not JSON may appear
   * @return the generator
   */
  public static Gen<HeartbeatSpec> heartbeats(
      Instant now, HealthThresholds t, boolean bad, boolean localOnly) {
    Gen<HeartbeatSpec> stamped =
        Zip.zip(
            heartbeatLags(t),
            bad
                ? Gen.frequency(
                    Gen.weighted(6, Gen.constant(Form.VALID)),
                    Gen.weighted(4, Gen.elements(Form.values())))
                : Gen.constant(Form.VALID),
            bad ? Gen.elements(Carrier.values()) : Gen.constant(Carrier.TIMESTAMP),
            Gen.booleans(),
            (lag, form, carrier, farPast) ->
                stamped(now, lag, form, carrier, farPast && lag > 86_400));
    List<Map.Entry<Integer, Gen<? extends HeartbeatSpec>>> w = new ArrayList<>();
    w.add(Gen.weighted(8, stamped));
    w.add(Gen.weighted(1, Gen.constant(HeartbeatSpec.ABSENT)));
    if (bad) {
      w.add(
          Gen.weighted(
              2,
              Gen.elements(
                  HeartbeatSpec.json(hb("", ""), "missing timestamp"),
                  HeartbeatSpec.json(hb(",\"timestamp\":\"\"", ""), "empty timestamp"),
                  HeartbeatSpec.json(hb(",\"timestamp\":null", ""), "null timestamp"),
                  HeartbeatSpec.json("\"abc\"", "non-object string"),
                  HeartbeatSpec.json("42", "non-object number"),
                  HeartbeatSpec.json("[1,2]", "non-object array"))));
    }
    if (localOnly) {
      w.add(
          Gen.weighted(1, Gen.constant(HeartbeatSpec.unparseable("{\"timestamp\": ", "not JSON"))));
    }
    return Gen.frequency(w);
  }

  private static HeartbeatSpec stamped(
      Instant now, long lag, Form form, Carrier carrier, boolean farPast) {
    Instant at = now.minusSeconds(lag);
    String base = farPast ? FAR_PAST : Timestamps.format(at);
    String value;
    switch (form) {
      case FRACTION:
        value = JsonText.string(base.substring(0, 19) + ".123Z");
        break;
      case OFFSET:
        value = JsonText.string(base.substring(0, 19) + "+00:00");
        break;
      case NO_Z:
        value = JsonText.string(base.substring(0, 19));
        break;
      case SPACE:
        value = JsonText.string(base.substring(0, 10) + " " + base.substring(11));
        break;
      case LOWERCASE:
        value = JsonText.string(base.replace('T', 't').replace('Z', 'z'));
        break;
      case EPOCH_NUMBER:
        value =
            Long.toString(farPast ? Instant.parse(FAR_PAST).getEpochSecond() : at.getEpochSecond());
        break;
      case PRE_1970:
        value = JsonText.string("1969-12-31T23:59:59Z");
        break;
      case UNPADDED:
        value = JsonText.string(unpadded(farPast ? Instant.parse(FAR_PAST) : at));
        break;
      case BAD_DATE:
        value = JsonText.string("2021-02-30T00:00:00Z");
        break;
      case GARBAGE:
        value = JsonText.string("yesterday");
        break;
      default:
        value = JsonText.string(base);
    }
    String fields;
    switch (carrier) {
      case UPDATED_AT_ONLY:
        fields = ",\"updatedAt\":" + value;
        break;
      case EMPTY_THEN_UPDATED_AT:
        fields = ",\"timestamp\":\"\",\"updatedAt\":" + value;
        break;
      case NULL_THEN_UPDATED_AT:
        fields = ",\"timestamp\":null,\"updatedAt\":" + value;
        break;
      case FALSE_THEN_UPDATED_AT:
        fields = ",\"timestamp\":false,\"updatedAt\":" + value;
        break;
      default:
        fields = ",\"timestamp\":" + value;
    }
    String label = (farPast ? "far past" : "lag=" + lag) + " " + form + " " + carrier;
    return HeartbeatSpec.json(hb(fields, ",\"pid\":4242"), label);
  }

  private static String hb(String timestampFields, String extra) {
    return "{\"schemaVersion\":\"v1\""
        + timestampFields
        + ",\"source\":\"runtime\",\"status\":\"running\",\"stage\":\"iteration\""
        + extra
        + "}";
  }

  private static String unpadded(Instant at) {
    java.time.ZonedDateTime z = at.atZone(ZoneOffset.UTC);
    return z.getYear()
        + "-"
        + z.getMonthValue()
        + "-"
        + z.getDayOfMonth()
        + "T"
        + z.getHour()
        + ":"
        + z.getMinute()
        + ":"
        + z.getSecond()
        + "Z";
  }
}
