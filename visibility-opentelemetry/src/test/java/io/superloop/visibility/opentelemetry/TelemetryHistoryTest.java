package io.superloop.visibility.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.core.plane.StepEvent;
import io.superloop.visibility.core.plane.VisibilityListener;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.property.Property;
import io.superloop.visibility.testkit.scenario.internal.History;
import io.superloop.visibility.testkit.scenario.internal.HistoryGens;
import io.superloop.visibility.testkit.scenario.internal.HistoryShape;
import io.superloop.visibility.testkit.scenario.internal.HistoryStep;
import io.superloop.visibility.testkit.scenario.internal.LogLine;
import io.superloop.visibility.testkit.scenario.internal.LoopFiles;
import io.superloop.visibility.testkit.scenario.internal.StepDelivery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the plane through generated histories (the testkit's generators, both transports, both
 * presets) with {@link VisibilityTelemetry} on an in-memory SDK, and checks every instrument and
 * span: after each step, against the records the steps returned (a model of the metrics written
 * here from the metrics table); after the history, against the loop's persisted files.
 */
class TelemetryHistoryTest {
  /**
   * A tenth of the build's tries (10 in the default build, 100 with -Plong): a try is a history.
   */
  private static final int TRIES = Math.max(3, Property.defaultTries() / 10);

  @TempDir Path tmp;
  private final AtomicInteger runs = new AtomicInteger();

  /** Trace ids of every form the parenting rules tell apart, mixed into the generated histories. */
  private static final Gen<Optional<String>> TRACE_IDS =
      Gen.frequency(
          Gen.weighted(3, Gen.constant(Optional.<String>empty())),
          Gen.weighted(
              1,
              Gen.strings("0123456789abcdef", 32, 32)
                  .map(h -> Optional.of("00-" + h + "-00f067aa0ba902b7-01"))),
          Gen.weighted(1, Gen.strings("0123456789abcdefABCDEF", 32, 32).map(Optional::of)),
          Gen.weighted(
              1,
              Gen.strings("0123456789abcdef", 32, 32)
                  .map(
                      h ->
                          Optional.of(
                              h.substring(0, 8)
                                  + "-"
                                  + h.substring(8, 12)
                                  + "-"
                                  + h.substring(12, 16)
                                  + "-"
                                  + h.substring(16, 20)
                                  + "-"
                                  + h.substring(20)))));

  private static Gen<History> histories(HistoryShape shape) {
    return HistoryGens.histories(shape)
        .flatMap(
            h ->
                Gen.listOf(TRACE_IDS, h.steps().size(), h.steps().size())
                    .map(
                        ids -> {
                          List<HistoryStep> steps = new ArrayList<>();
                          for (int i = 0; i < h.steps().size(); i++) {
                            HistoryStep s = h.steps().get(i);
                            steps.add(
                                new HistoryStep(
                                    s.advanceSeconds(),
                                    s.change(),
                                    s.appended(),
                                    s.tornTail(),
                                    s.fromStart(),
                                    s.heartbeat(),
                                    ids.get(i).or(s::traceId),
                                    s.spriteFaults(),
                                    s.control()));
                          }
                          return new History(
                              h.loopId(), h.start(), h.thresholds(), h.seed(), steps);
                        }));
  }

  @Test
  void localHistories() {
    Property.forAll(Gen.zip(histories(HistoryShape.withLocalFaults()), Gen.booleans(), Map::entry))
        .named("telemetry of local histories")
        .tries(TRIES)
        .check(e -> run(e.getKey(), e.getValue(), StepDelivery::localWith));
  }

  @Test
  void spriteServiceHistories() {
    Property.forAll(Gen.zip(histories(HistoryShape.withSpriteFaults()), Gen.booleans(), Map::entry))
        .named("telemetry of sprite_service histories")
        .tries(TRIES)
        .check(e -> run(e.getKey(), e.getValue(), StepDelivery::spriteServiceWith));
  }

  /**
   * An append-only local history: the lines and bytes ingested add up to what was written (the
   * runtime's log as the history wrote it, not the plane's records).
   */
  @Test
  void linesAndBytesAddUpToTheLog() {
    Property.forAll(HistoryGens.histories(HistoryShape.strictlyIncreasing()))
        .named("lines and bytes of append-only histories")
        .tries(TRIES)
        .check(
            h -> {
              try (InMemoryOtel otel = new InMemoryOtel()) {
                Path work = tmp.resolve("append-" + runs.incrementAndGet());
                StepDelivery.localWith(b -> b.listener(VisibilityTelemetry.create(otel.sdk)))
                    .deliver(h, work, VisibilityRules.hardened());
                long lines = 0;
                long bytes = 0;
                for (HistoryStep s : h.steps()) {
                  for (LogLine l : s.appended()) {
                    lines++;
                    bytes += (l.text() + "\n").getBytes(StandardCharsets.UTF_8).length;
                  }
                }
                Path log = work.resolve("repo/.superloop/loops/" + h.loopId() + "/events.jsonl");
                assertEquals(Files.size(log), bytes, "the history wrote the log");
                Map<String, Long> points = otel.points();
                String loop = "{superloop.loop.id=" + h.loopId() + ", superloop.transport=local}";
                assertEquals(
                    lines == 0 ? null : lines, points.get("superloop.ingest.lines " + loop));
                assertEquals(
                    bytes == 0 ? null : bytes, points.get("superloop.ingest.bytes " + loop));
              }
            });
  }

  private void run(
      History h,
      boolean hardened,
      java.util.function.Function<
              UnaryOperator<io.superloop.visibility.core.plane.VisibilityPlane.Builder>,
              StepDelivery>
          delivery)
      throws Exception {
    try (InMemoryOtel otel = new InMemoryOtel()) {
      Model model = new Model();
      Checker checker = new Checker(otel, model);
      VisibilityTelemetry telemetry = VisibilityTelemetry.create(otel.sdk);
      StepDelivery d = delivery.apply(b -> b.listener(telemetry).listener(checker));
      StepDelivery.DeliveryRun run =
          d.deliver(
              h,
              tmp.resolve("run-" + runs.incrementAndGet()),
              hardened ? VisibilityRules.hardened() : VisibilityRules.reference());
      assertEquals(h.steps().size(), checker.steps);
      // after the history: every instrument against the loop's files
      model.warningsAndControlsDone();
      assertEquals(model.points, otel.points(), "the metrics after the history");
      assertEquals(
          model.points,
          fromFiles(run.last().files(), checker.events),
          "the model against the files");
      // one span per step and per control action, nothing else
      long controls = h.steps().stream().filter(s -> s.control().isPresent()).count();
      assertEquals(h.steps().size() + controls, otel.finishedSpans().size());
    }
  }

  /**
   * The metrics the persisted rows give (the duration histogram from the events: no file has it).
   */
  private static Map<String, Long> fromFiles(LoopFiles f, List<StepEvent> events) {
    Model m = new Model();
    String loop = events.get(0).loopId();
    Transport transport = events.get(0).transport();
    Attributes attrs = Model.loop(loop, transport.wire());
    for (int i = 0; i < f.reconcileRows().size(); i++) {
      ReconcileRow row = f.reconcileRows().get(i);
      m.inc("superloop.reconcile.duration#count", attrs, 1);
      m.inc(
          "superloop.ingest.lines",
          attrs,
          Math.max(0, row.cursorOffsetAfter() - row.cursorOffsetBefore()));
      m.inc("superloop.ingest.bytes", attrs, events.get(i).bytesIngested());
      for (ReasonCode w : row.warnings()) {
        m.inc(
            "superloop.reconcile.warnings",
            Model.with(attrs, "superloop.reason_code", w.wire()),
            1);
      }
    }
    for (SequenceObservation row : f.sequenceRows()) {
      m.sequenceRow(attrs, row);
    }
    f.heartbeat().ifPresent(h -> m.heartbeat(attrs, h));
    f.sequence()
        .ifPresent(s -> m.set("superloop.sequence.drift.active", attrs, s.driftActive() ? 1 : 0));
    for (ControlInvocation inv : f.invocations()) {
      m.control(inv);
    }
    return m.points;
  }

  /** The metrics table as a model: what each step, warning and control adds. */
  static final class Model {
    final Map<String, Long> points = new TreeMap<>();
    final List<Runnable> pending = new ArrayList<>();

    static Attributes loop(String loopId, String transport) {
      return Attributes.of(
          AttributeKey.stringKey("superloop.loop.id"), loopId,
          AttributeKey.stringKey("superloop.transport"), transport);
    }

    static Attributes with(Attributes a, String key, String value) {
      return a.toBuilder().put(AttributeKey.stringKey(key), value).build();
    }

    void inc(String name, Attributes a, long by) {
      if (by > 0) {
        points.merge(InMemoryOtel.key(name, a), by, Long::sum);
      }
    }

    void set(String name, Attributes a, long value) {
      points.put(InMemoryOtel.key(name, a), value);
    }

    void heartbeat(Attributes a, HeartbeatState h) {
      set("superloop.heartbeat.lag", a, h.heartbeatLagSeconds());
      for (FreshnessStatus s : FreshnessStatus.values()) {
        set(
            "superloop.heartbeat.freshness",
            with(a, "superloop.heartbeat.freshness_status", s.wire()),
            s == h.freshnessStatus() ? 1 : 0);
      }
    }

    void sequenceRow(Attributes a, SequenceObservation row) {
      for (ViolationCode v : row.violations()) {
        inc("superloop.sequence.violations", with(a, "superloop.reason_code", v.wire()), 1);
      }
      inc("superloop.sequence.gaps", a, row.events().gaps().orElse(0));
      inc("superloop.sequence.duplicates", a, row.events().duplicates().orElse(0));
    }

    void control(ControlInvocation inv) {
      inc(
          "superloop.control.invocations",
          with(
              with(
                  loop(inv.loopId(), inv.transport().wire()),
                  "superloop.control.intent",
                  inv.intent().wire()),
              "superloop.control.status",
              inv.outcome().status().wire()),
          1);
    }

    void step(StepEvent e) {
      Attributes a = loop(e.loopId(), e.transport().wire());
      VisibilityPlane.Reconciliation r = e.reconciliation();
      inc("superloop.reconcile.duration#count", a, 1);
      inc("superloop.ingest.lines", a, e.linesIngested());
      inc("superloop.ingest.bytes", a, e.bytesIngested());
      inc("superloop.store.quarantined_files", a, e.quarantinedFiles().size());
      r.heartbeat().state().ifPresent(h -> heartbeat(a, h));
      r.sequenceState()
          .ifPresent(s -> set("superloop.sequence.drift.active", a, s.driftActive() ? 1 : 0));
      r.sequenceRow().ifPresent(row -> sequenceRow(a, row));
    }

    /** Warnings are told after every listener's onStep: they count from the next step on. */
    void warnings(StepEvent e) {
      Attributes a = loop(e.loopId(), e.transport().wire());
      for (ReasonCode w : e.reconciliation().warnings()) {
        pending.add(
            () ->
                inc("superloop.reconcile.warnings", with(a, "superloop.reason_code", w.wire()), 1));
      }
    }

    void warningsAndControlsDone() {
      pending.forEach(Runnable::run);
      pending.clear();
    }
  }

  /**
   * Registered after the telemetry: at each step, the metrics collected now must be the model's and
   * the span just exported must be the step's.
   */
  private static final class Checker implements VisibilityListener {
    final InMemoryOtel otel;
    final Model model;
    final List<StepEvent> events = new ArrayList<>();
    int steps;

    Checker(InMemoryOtel otel, Model model) {
      this.otel = otel;
      this.model = model;
    }

    @Override
    public void onStep(StepEvent e) {
      steps++;
      events.add(e);
      model.warningsAndControlsDone();
      model.step(e);
      model.warnings(e);
      assertEquals(model.points, otel.points(), "the metrics after step " + steps);
      double durations = events.stream().mapToDouble(x -> x.duration().toNanos() / 1e9).sum();
      String key =
          InMemoryOtel.key(
              "superloop.reconcile.duration", Model.loop(e.loopId(), e.transport().wire()));
      assertEquals(durations, otel.histogramSum().getOrDefault(key, -1.0), 1e-9);
      List<SpanData> spans = otel.finishedSpans();
      checkStepSpan(spans.get(spans.size() - 1), e);
    }

    @Override
    public void onControl(ControlInvocation inv) {
      model.control(inv);
      List<SpanData> spans = otel.finishedSpans();
      SpanData s = spans.get(spans.size() - 1);
      assertEquals("superloop.control", s.getName());
      Attributes a = s.getAttributes();
      assertEquals(inv.intent().wire(), a.get(AttributeKey.stringKey("superloop.control.intent")));
      assertEquals(
          inv.outcome().status().wire(), a.get(AttributeKey.stringKey("superloop.control.status")));
      assertEquals(
          inv.idempotencyKey(), a.get(AttributeKey.stringKey("superloop.control.idempotency_key")));
      assertEquals(inv.loopId(), a.get(AttributeKey.stringKey("superloop.loop.id")));
      assertEquals(inv.transport().wire(), a.get(AttributeKey.stringKey("superloop.transport")));
      String trace = inv.traceId().map(t -> t.value()).orElse("");
      assertEquals(trace, a.get(AttributeKey.stringKey("superloop.trace_id")));
      checkParent(s, trace);
      assertEquals(nanos(Instant.parse(inv.startedAt())), s.getStartEpochNanos());
      assertEquals(nanos(Instant.parse(inv.timestamp())), s.getEndEpochNanos());
      assertEquals(
          inv.outcome().status().wire().equals("failed_command")
              ? StatusCode.ERROR
              : StatusCode.UNSET,
          s.getStatus().getStatusCode());
    }

    private static void checkStepSpan(SpanData s, StepEvent e) {
      VisibilityPlane.Reconciliation r = e.reconciliation();
      ReconcileRow row = r.reconcileRow();
      assertEquals("superloop.reconcile", s.getName());
      Attributes a = s.getAttributes();
      assertEquals(e.loopId(), a.get(AttributeKey.stringKey("superloop.loop.id")));
      assertEquals(e.transport().wire(), a.get(AttributeKey.stringKey("superloop.transport")));
      assertEquals(e.traceId().value(), a.get(AttributeKey.stringKey("superloop.trace_id")));
      assertEquals(row.status().wire(), a.get(AttributeKey.stringKey("superloop.ingest.status")));
      assertEquals(
          r.health().status().wire(), a.get(AttributeKey.stringKey("superloop.health.status")));
      assertEquals(
          row.sequenceStatus().wire(), a.get(AttributeKey.stringKey("superloop.sequence.status")));
      assertEquals(
          row.eventsIngested(), a.get(AttributeKey.longKey("superloop.reconcile.events_ingested")));
      assertEquals(
          r.heartbeat().state().map(h -> h.heartbeatLagSeconds()).orElse(null),
          a.get(AttributeKey.longKey("superloop.heartbeat.lag")));
      assertEquals(
          r.sequenceState().map(x -> x.driftActive()).orElse(null),
          a.get(AttributeKey.booleanKey("superloop.sequence.drift_active")));
      assertEquals(
          row.failureCode().isPresent() ? StatusCode.ERROR : StatusCode.UNSET,
          s.getStatus().getStatusCode());
      long start = nanos(e.startedAt());
      assertEquals(start, s.getStartEpochNanos());
      assertEquals(start + e.duration().toNanos(), s.getEndEpochNanos());
      List<String> categories = new ArrayList<>();
      for (EscalationRow x : r.escalations()) {
        categories.add(x.category().wire());
      }
      List<String> got = new ArrayList<>();
      for (EventData ev : s.getEvents()) {
        assertEquals("superloop.escalation", ev.getName());
        assertEquals(s.getEndEpochNanos(), ev.getEpochNanos());
        got.add(ev.getAttributes().get(AttributeKey.stringKey("superloop.escalation.category")));
      }
      assertEquals(categories, got);
      checkParent(s, e.traceId().value());
    }

    /** The parenting rules, read from the id's text alone (no current span in these runs). */
    private static void checkParent(SpanData s, String id) {
      String link = s.getAttributes().get(AttributeKey.stringKey("superloop.trace_link"));
      SpanContext parent = s.getParentSpanContext();
      if (id.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")
          && !id.substring(3, 35).matches("0+")) {
        assertEquals("traceparent", link);
        assertEquals(id.substring(3, 35), s.getTraceId());
        assertEquals(id.substring(36, 52), parent.getSpanId());
        assertTrue(parent.isRemote());
      } else if (id.matches("[0-9a-fA-F]{32}") && !id.matches("0+")) {
        assertEquals("trace_id", link);
        assertEquals(id.toLowerCase(java.util.Locale.ROOT), s.getTraceId());
        assertEquals("73757065726c6f6f", parent.getSpanId());
        assertTrue(parent.isRemote());
      } else if (id.matches("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
          && !id.matches("[0-]+")) {
        assertEquals("uuid", link);
        assertEquals(id.replace("-", "").toLowerCase(java.util.Locale.ROOT), s.getTraceId());
        assertEquals("73757065726c6f6f", parent.getSpanId());
      } else {
        assertEquals("none", link);
        assertFalse(parent.isValid(), "a new trace");
      }
    }

    private static long nanos(Instant t) {
      return TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano();
    }
  }
}
