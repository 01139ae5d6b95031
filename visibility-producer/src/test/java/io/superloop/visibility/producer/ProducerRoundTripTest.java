package io.superloop.visibility.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.envelope.EnvelopeCursor;
import io.superloop.visibility.api.envelope.EnvelopeSource;
import io.superloop.visibility.api.envelope.EventEnvelope;
import io.superloop.visibility.api.envelope.EventsAnswer;
import io.superloop.visibility.api.envelope.EventsCursor;
import io.superloop.visibility.api.envelope.SnapshotEnvelope;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.SequenceStatus;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.core.plane.SpriteServicePoll;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the producer writes, the plane reads as fresh and in order, under both presets and over both
 * transports: each step's batch is exactly the lines appended since the last step, numbered as
 * {@link EventLog#append} said, with no violation; a producer restarted in the middle of the
 * history (closed, or dropped without closing) goes on where the last one stopped; a deliberate
 * restart from 1 needs the declared replay, after which {@code hardened} starts a new epoch without
 * drift and {@code reference} reports the regression the reference reports for {@code --from-start}
 * (contract 3.5).
 */
class ProducerRoundTripTest {
  private static final String LOOP = "producer-loop";
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path repo;

  static Stream<Arguments> presetsAndTransports() {
    List<Arguments> out = new ArrayList<>();
    for (VisibilityRules r : List.of(VisibilityRules.reference(), VisibilityRules.hardened())) {
      for (Transport t : Transport.values()) {
        out.add(Arguments.of(r, t));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("presetsAndTransports")
  void whatTheProducerWritesThePlaneReadsFreshAndInOrder(
      VisibilityRules rules, Transport transport) {
    Instant now = T0;
    HeartbeatWriter hb =
        HeartbeatWriter.builder(repo, LOOP).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    EventLog log =
        EventLog.builder(repo, LOOP)
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .checkpointEvery(2)
            .open();
    List<Long> step1 = appendEvents(log, 5, "a");
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), step1, "the first lines are numbered from 1");
    hb.beat();
    SequenceState s1 = reconcile(rules, transport, now.plusSeconds(20), false);
    assertInOrder(s1, step1);
    assertFresh(rules, transport, now.plusSeconds(20));

    // the producer restarts in the middle of the history: closed, then a new writer
    log.close();
    now = now.plusSeconds(60);
    EventLog second = EventLog.builder(repo, LOOP).clock(Clock.fixed(now, ZoneOffset.UTC)).open();
    List<Long> step2 = appendEvents(second, 3, "b");
    assertEquals(List.of(6L, 7L, 8L), step2, "a restarted producer goes on after the last line");
    HeartbeatWriter.builder(repo, LOOP)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .build()
        .beat("running", "tests");
    SequenceState s2 = reconcile(rules, transport, now.plusSeconds(5), false);
    assertInOrder(s2, step2);
    assertEquals(5L, s2.events().previousLast().orElseThrow());

    // and again, without closing the last one (a crash): the next writer counts the lines itself
    now = now.plusSeconds(60);
    EventLog third = EventLog.builder(repo, LOOP).clock(Clock.fixed(now, ZoneOffset.UTC)).open();
    List<Long> step3 = appendEvents(third, 4, "c");
    assertEquals(List.of(9L, 10L, 11L, 12L), step3);
    second.close();
    HeartbeatWriter.builder(repo, LOOP).clock(Clock.fixed(now, ZoneOffset.UTC)).build().beat();
    assertInOrder(reconcile(rules, transport, now.plusSeconds(1), false), step3);
    assertFresh(rules, transport, now.plusSeconds(1));

    // a deliberate restart from 1, declared to the manager as a replay
    now = now.plusSeconds(60);
    assertTrue(third.restartFromOne().isPresent(), "the old log moved aside");
    List<Long> step4 = appendEvents(third, 2, "d");
    assertEquals(List.of(1L, 2L), step4, "the numbering starts again at 1");
    third.close();
    HeartbeatWriter.builder(repo, LOOP).clock(Clock.fixed(now, ZoneOffset.UTC)).build().beat();
    SequenceState s4 = reconcile(rules, transport, now.plusSeconds(1), true);
    assertEquals(
        List.of(1L, 2L),
        List.of(s4.events().first().orElseThrow(), s4.events().last().orElseThrow()));
    if (rules.name().equals("hardened")) {
      assertEquals(
          SequenceStatus.OK, s4.status(), "hardened: a declared replay is a new epoch (H15)");
      assertEquals(true, s4.transition().orElseThrow().epochReset().orElseThrow());
    } else {
      // reference: --from-start after a non-empty batch is judged as the reference judges it
      assertEquals(SequenceStatus.ORDERING_DRIFT_DETECTED, s4.status());
      assertEquals(
          List.of(
              ViolationCode.EVENT_SEQUENCE_REGRESSION, ViolationCode.SNAPSHOT_SEQUENCE_REGRESSION),
          s4.violations());
    }
    // the step after the replay is in order again under both presets
    EventLog fourth = EventLog.builder(repo, LOOP).clock(Clock.fixed(now, ZoneOffset.UTC)).open();
    List<Long> step5 = appendEvents(fourth, 2, "e");
    fourth.close();
    assertEquals(List.of(3L, 4L), step5);
    assertInOrder(reconcile(rules, transport, now.plusSeconds(2), false), step5);
  }

  private static List<Long> appendEvents(EventLog log, int n, String run) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, JsonValue> fields = new LinkedHashMap<>();
      fields.put("loop_id", JsonValue.of(LOOP));
      fields.put("run_id", JsonValue.of("run-" + run));
      fields.put("iteration", JsonValue.of(i + 1));
      fields.put("message", JsonValue.of("line \"" + i + "\"\nwith a newline, é and \u2028"));
      out.add(log.append(i % 2 == 0 ? "iteration_start" : "role_end", fields));
    }
    return out;
  }

  private static void assertInOrder(SequenceState s, List<Long> appended) {
    assertEquals(SequenceStatus.OK, s.status(), s.violations().toString());
    assertEquals(List.of(), s.violations());
    assertFalse(s.driftActive());
    assertEquals(appended.size(), s.events().ingestedCount());
    assertEquals(appended.get(0), s.events().first().orElseThrow());
    assertEquals(appended.get(appended.size() - 1), s.events().last().orElseThrow());
    assertEquals(
        appended.get(appended.size() - 1),
        s.snapshot().current().orElseThrow(),
        "snapshot = newline count");
    assertFalse(s.events().missing());
    assertEquals(0L, s.events().gaps().orElse(0L), "whole lines only: no gap");
    assertEquals(0L, s.events().duplicates().orElse(0L));
  }

  private void assertFresh(VisibilityRules rules, Transport transport, Instant at) {
    VisibilityPlane plane = plane(rules, at);
    assertEquals(
        FreshnessStatus.FRESH,
        plane.status().heartbeat().orElseThrow().freshnessStatus().orElseThrow(),
        "heartbeat fresh over " + transport);
  }

  private SequenceState reconcile(
      VisibilityRules rules, Transport transport, Instant at, boolean fromStart) {
    VisibilityPlane plane = plane(rules, at);
    StepOptions options =
        StepOptions.defaults().withTraceId("trace-producer").withFromStart(fromStart);
    VisibilityPlane.Reconciliation r =
        transport == Transport.LOCAL
            ? plane.reconcileLocal(options)
            : plane.reconcile(servedPoll(at, fromStart), options);
    assertEquals(List.of(), r.warnings(), "no malformed line, no unreadable state");
    assertEquals(transport, r.transport());
    return r.sequenceState().orElseThrow();
  }

  private VisibilityPlane plane(VisibilityRules rules, Instant at) {
    return VisibilityPlane.builder(repo, LOOP)
        .rules(rules)
        .durability(Durability.NONE)
        .clock(Clock.fixed(at, ZoneOffset.UTC))
        .build();
  }

  /**
   * The sprite service's answers, served from the producer's files: the events after the manager's
   * cursor read with {@link EventLog#read}, each envelope stamped with its line number.
   */
  private SpriteServicePoll servedPoll(Instant at, boolean fromStart) {
    Path dir = repo.resolve(".superloop/loops/" + LOOP);
    long cursor = fromStart ? 0 : managerCursor();
    EventLog.Batch batch =
        EventLog.read(dir.resolve("events.jsonl"), cursor, 0, EventLog.DEFAULT_MAX_LINE_BYTES);
    String emitted = at.toString();
    EnvelopeSource source = EnvelopeSource.of("/srv/sprite/repo", LOOP);
    List<JsonValue> events = new ArrayList<>();
    for (EventLog.Line line : batch.lines()) {
      JsonValue raw = Json.parse(line.text().orElseThrow());
      EventEnvelope e =
          EventEnvelope.builder()
              .emittedAt(emitted)
              .source(source)
              .sequence(EventLog.sequence(line.number()))
              .cursor(EnvelopeCursor.of(line.number(), batch.lineCount()))
              .run(raw.get("run_id").orElseThrow())
              .event(raw)
              .build();
      events.add(Json.parse(Codecs.EVENT_ENVELOPE.encode(e)));
    }
    JsonValue heartbeat = readJson(dir.resolve("heartbeat.v1.json"));
    SnapshotEnvelope snapshot =
        SnapshotEnvelope.builder()
            .emittedAt(emitted)
            .source(source)
            .runtime(JsonValue.object(Map.of("heartbeat", heartbeat)))
            .sequence(EventLog.sequence(batch.lineCount()))
            .cursor(EnvelopeCursor.of(batch.lineCount(), batch.lineCount()))
            .build();
    EventsAnswer answer =
        EventsAnswer.builder()
            .source(source)
            .events(events)
            .cursor(
                EventsCursor.builder()
                    .eventLineOffset(batch.cursor())
                    .eventLineCount(batch.lineCount())
                    .updatedAt(emitted)
                    .build())
            .build();
    return SpriteServicePoll.ofBodies(
        Codecs.SNAPSHOT_ENVELOPE.encode(snapshot), Codecs.EVENTS_ANSWER.encode(answer));
  }

  private long managerCursor() {
    Path p = repo.resolve(".superloop/ops-manager/" + LOOP + "/cursor.json");
    return Files.exists(p) ? Codecs.CURSOR_STATE.decode(readText(p)).eventLineOffset() : 0;
  }

  private static JsonValue readJson(Path p) {
    return Json.parse(readText(p));
  }

  private static String readText(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
