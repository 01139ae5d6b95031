package io.superloop.visibility.kafka.streams;

import io.superloop.visibility.api.health.HealthThresholds;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.plane.SpriteServicePoll;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.reconcile.StepResult;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.store.LoopLayout;
import io.superloop.visibility.core.time.Timestamps;
import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.scenario.internal.History;
import io.superloop.visibility.testkit.scenario.internal.HistoryStep;
import io.superloop.visibility.testkit.scenario.internal.LogLine;
import io.superloop.visibility.testkit.scenario.internal.RuntimeEvent;
import io.superloop.visibility.testkit.scenario.internal.SpriteFault;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The producer's side of a {@link History} on Kafka, written by the test itself (never by the
 * library's encoders): per step, the event envelopes of the lines the step appended (all of the log
 * on a declared replay) in the sprite_service poll adapter's v1 shape (an event's {@code
 * sequence.value} is its physical line number, the snapshot's the log's line count; empty lines
 * consume a number and are not sent), then the snapshot that closes the batch. The history's sprite
 * faults are applied to the envelopes, and {@link Extras} add records that are not JSON objects and
 * snapshots that are not valid v1. Each event also has the element a sprite_service events answer
 * carries for it, so a file-based plane can be fed exactly the same batch.
 */
final class EnvelopeScript {
  static final String REPO = "/srv/kafka/repo";

  /**
   * Records that are not a JSON object: the bytes sent, and the element an events answer carries.
   */
  static final List<Event> GARBAGE =
      List.of(
          new Event(utf8("not json at all"), "\"not json at all\""),
          new Event(new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'}, "\"invalid utf-8\""),
          new Event(
              utf8("{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\""),
              "\"truncated\""),
          new Event(utf8("[1,2,3]"), "[1,2,3]"),
          new Event(utf8("42"), "42"),
          new Event(utf8("null"), "null"),
          new Event(null, "null"));

  /**
   * One record of the envelope topic that is an event (or garbage counted as one).
   *
   * @param kafkaValue the record's value (null: a tombstone)
   * @param answerElement the JSON text of the events answer element carrying the same envelope
   */
  record Event(byte @Nullable [] kafkaValue, String answerElement) {}

  /**
   * What the test adds to a history: records that are not JSON objects, and invalid snapshots.
   *
   * @param garbage per record: {step, position in the step's batch, index in {@link #GARBAGE}}
   * @param badSnapshots the steps whose snapshot has {@code schemaVersion "v2"}
   */
  record Extras(List<List<Integer>> garbage, List<Integer> badSnapshots) {
    static final Extras NONE = new Extras(List.of(), List.of());

    static Gen<Extras> gen() {
      Gen<List<Integer>> one = Gen.listOf(Gen.ints(0, 40), 3, 3);
      return Gen.zip(
          Gen.frequency(
              Gen.weighted(2, Gen.constant(List.<List<Integer>>of())),
              Gen.weighted(1, Gen.listOf(one, 1, 3))),
          Gen.frequency(
              Gen.weighted(4, Gen.constant(List.<Integer>of())),
              Gen.weighted(1, Gen.listOf(Gen.ints(0, 3), 1, 1))),
          Extras::new);
    }
  }

  /**
   * One step: the records to send, in order, at the step's clock.
   *
   * @param now the manager clock
   * @param trace the step's trace (the snapshot's and the events' {@code traceId})
   * @param replay the batch is a declared replay (header {@link VisibilityTopology#REPLAY_HEADER})
   * @param heartbeatDocument the heartbeats topic's record before the batch: empty when none is
   *     sent, else the document (an empty inner optional: a tombstone)
   * @param events the event records of the batch
   * @param snapshot the snapshot record
   * @param valid whether the snapshot is a valid v1 snapshot (else the step's ingest fails)
   * @param answerElements the elements of the events answer a sprite_service plane gets for the
   *     batch the snapshot closes: every event record since the last valid snapshot
   * @param lineCount the log's line count (the events answer's cursor)
   */
  record Step(
      Instant now,
      Optional<String> trace,
      boolean replay,
      Optional<Optional<byte[]>> heartbeatDocument,
      List<Event> events,
      String snapshot,
      boolean valid,
      List<String> answerElements,
      long lineCount) {

    /**
     * The file-based plane of {@code layout} at this step's clock, fed the step's batch as the
     * sprite_service answers {@code GET /ops/snapshot} and {@code GET /ops/events}.
     *
     * @return the plane (for its status) and what the step produced
     */
    PlaneStep reconcile(
        LoopLayout layout, VisibilityRules rules, HealthThresholds thresholds, String loopId) {
      VisibilityPlane plane =
          PlaneAccess.builder(layout)
              .rules(rules)
              .thresholds(thresholds)
              .durability(Durability.NONE)
              .clock(Clock.fixed(now, ZoneOffset.UTC))
              .build();
      StepResult r =
          PlaneAccess.result(
              plane.reconcile(
                  SpriteServicePoll.ofBodies(snapshot, eventsAnswer(loopId)),
                  new StepOptions(trace, replay)));
      return new PlaneStep(plane, r);
    }

    /** {@return the sprite_service events answer of the batch} */
    String eventsAnswer(String loopId) {
      return "{\"ok\":true,\"schemaVersion\":\"v1\",\"source\":"
          + source(loopId)
          + ",\"events\":["
          + String.join(",", answerElements)
          + "],\"cursor\":{\"eventLineOffset\":"
          + lineCount
          + ",\"eventLineCount\":"
          + lineCount
          + ",\"updatedAt\":"
          + str(Timestamps.format(now))
          + "}}";
    }
  }

  /**
   * One step of a file-based plane.
   *
   * @param plane the plane (its status is the loop's files after the step)
   * @param result what the step produced
   */
  record PlaneStep(VisibilityPlane plane, StepResult result) {}

  private EnvelopeScript() {}

  /**
   * The records of a history.
   *
   * @param h the history (no torn tails, no controls)
   * @param loopId the loop the envelopes name
   * @param heartbeatsTopic whether the heartbeat goes to the heartbeats topic (else in the
   *     snapshot's {@code runtime.heartbeat}, which the topic path leaves null); white-space and
   *     malformed lines become garbage records
   * @param extras records that are not JSON objects, and invalid snapshots
   * @return one entry per step
   */
  static List<Step> of(History h, String loopId, boolean heartbeatsTopic, Extras extras) {
    List<LogLine> log = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    List<String> carried = new ArrayList<>();
    long lastSnapshot = -1;
    Instant now = h.start();
    for (int i = 0; i < h.steps().size(); i++) {
      HistoryStep s = h.steps().get(i);
      now = now.plusSeconds(s.advanceSeconds());
      int from = log.size();
      switch (s.change().kind()) {
        case TRUNCATE:
          log = new ArrayList<>(log.subList(0, Math.min(s.change().keepLines(), log.size())));
          break;
        case ROTATE:
          log = new ArrayList<>(s.change().replacement());
          break;
        default:
          break;
      }
      log.addAll(s.appended());
      if (s.fromStart()) {
        from = 0;
      }
      long n = log.size();
      String nowText = Timestamps.format(now);
      @Nullable String trace = s.traceId().orElse(null);

      List<Entry> entries = new ArrayList<>();
      for (int line = from; line < n; line++) {
        LogLine l = log.get(line);
        if (l.kind() == LogLine.Kind.EVENT) {
          entries.add(
              new Entry(l.event().orElseThrow(), l.text(), line + 1L, Long.toString(line + 1L)));
        } else if (l.kind() != LogLine.Kind.BLANK) {
          entries.add(Entry.garbage(new Event(utf8(l.text()), str(l.text()))));
        }
      }
      String snapshotValue = Long.toString(n);
      for (SpriteFault f : s.spriteFaults()) {
        int size = entries.size();
        int idx = size == 0 ? 0 : Math.floorMod(f.index(), size);
        switch (f.kind()) {
          case EVENT_MISTYPED:
            if (size > 0) {
              entries.get(idx).value = f.valueJson();
            }
            break;
          case EVENT_MISSING:
            if (size > 0) {
              entries.get(idx).value = null;
            }
            break;
          case EVENT_DUPLICATE:
            if (size > 0) {
              entries.add(idx + 1, entries.get(idx).copy());
            }
            break;
          case EVENT_REGRESSING:
            if (size >= 2) {
              int at = 1 + Math.floorMod(f.index(), size - 1);
              entries.get(at).value = Long.toString(Math.max(0, entries.get(at - 1).lineNo - 1));
            }
            break;
          case EVENT_REGRESSING_ACROSS:
            if (size > 0) {
              entries.get(0).value = "0";
            }
            break;
          case SNAPSHOT_MISTYPED:
            snapshotValue = f.valueJson();
            break;
          case SNAPSHOT_MISSING:
            snapshotValue = null;
            break;
          case SNAPSHOT_REGRESSING:
            snapshotValue = Long.toString(Math.max(0, lastSnapshot - 1));
            break;
        }
      }
      for (List<Integer> g : extras.garbage()) {
        if (Math.floorMod(g.get(0), h.steps().size()) == i) {
          entries.add(
              Math.floorMod(g.get(1), entries.size() + 1),
              Entry.garbage(GARBAGE.get(Math.floorMod(g.get(2), GARBAGE.size()))));
        }
      }
      List<Event> events = new ArrayList<>();
      for (Entry e : entries) {
        Event ev = e.render(loopId, trace, nowText, n);
        events.add(ev);
        carried.add(ev.answerElement());
      }
      Optional<String> hbText = s.heartbeat().fileText();
      boolean valid = !extras.badSnapshots().contains(i);
      String snapshot =
          snapshot(
              loopId,
              trace,
              nowText,
              snapshotValue,
              n,
              heartbeatsTopic ? null : hbText.map(String::strip).orElse(null),
              valid);
      Optional<Optional<byte[]>> hbRecord =
          heartbeatsTopic ? Optional.of(hbText.map(EnvelopeScript::utf8)) : Optional.empty();
      steps.add(
          new Step(
              now,
              s.traceId(),
              s.fromStart(),
              hbRecord,
              events,
              snapshot,
              valid,
              List.copyOf(carried),
              n));
      if (valid) {
        carried.clear();
        lastSnapshot = n;
      }
    }
    return steps;
  }

  /**
   * One event of a batch before rendering; {@code value} is the JSON text of its sequence value.
   */
  private static final class Entry {
    final @Nullable RuntimeEvent event;
    final String raw;
    final long lineNo;
    @Nullable String value;
    final @Nullable Event garbage;

    Entry(@Nullable RuntimeEvent event, String raw, long lineNo, @Nullable String value) {
      this(event, raw, lineNo, value, null);
    }

    private Entry(
        @Nullable RuntimeEvent event,
        String raw,
        long lineNo,
        @Nullable String value,
        @Nullable Event garbage) {
      this.event = event;
      this.raw = raw;
      this.lineNo = lineNo;
      this.value = value;
      this.garbage = garbage;
    }

    static Entry garbage(Event g) {
      return new Entry(null, "", -1, null, g);
    }

    Entry copy() {
      return new Entry(event, raw, lineNo, value, garbage);
    }

    Event render(String loopId, @Nullable String trace, String nowText, long lineCount) {
      if (garbage != null || event == null) {
        return Objects.requireNonNull(garbage);
      }
      RuntimeEvent ev = event;
      String json =
          "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\",\"emittedAt\":"
              + str(nowText)
              + ",\"traceId\":"
              + (trace == null ? "null" : str(trace))
              + ",\"source\":"
              + source(loopId)
              + ",\"sequence\":{\"source\":\"cursor_event_line_offset\""
              + (value == null ? "" : ",\"value\":" + value)
              + "}"
              + ",\"cursor\":{\"eventLineOffset\":"
              + lineNo
              + ",\"eventLineCount\":"
              + lineCount
              + "}"
              + ",\"run\":{\"runId\":"
              + str(ev.runId())
              + ",\"iteration\":"
              + ev.iteration()
              + "}"
              + ",\"event\":{\"timestamp\":"
              + str(ev.timestamp())
              + ",\"name\":"
              + str(ev.name())
              + ",\"role\":"
              + str(ev.role())
              + ",\"status\":"
              + str(ev.status())
              + ",\"message\":"
              + str(ev.message())
              + ",\"payload\":"
              + ev.payloadJson()
              + ",\"raw\":"
              + raw
              + "}}";
      return new Event(utf8(json), json);
    }
  }

  static String snapshot(
      String loopId,
      @Nullable String trace,
      String nowText,
      @Nullable String value,
      long lineCount,
      @Nullable String heartbeat,
      boolean valid) {
    return "{\"schemaVersion\":\""
        + (valid ? "v1" : "v2")
        + "\",\"envelopeType\":\"loop_run_snapshot\",\"emittedAt\":"
        + str(nowText)
        + ",\"traceId\":"
        + (trace == null ? "null" : str(trace))
        + ",\"source\":"
        + source(loopId)
        + ",\"runtime\":{\"superloopState\":{\"active\":true},\"activeRun\":null,\"approval\":null,\"heartbeat\":"
        + (heartbeat == null ? "null" : heartbeat)
        + "}"
        + ",\"sequence\":{\"source\":\"cursor_event_line_offset\""
        + (value == null ? "" : ",\"value\":" + value)
        + "}"
        + ",\"cursor\":{\"eventLineOffset\":"
        + lineCount
        + ",\"eventLineCount\":"
        + lineCount
        + "}}";
  }

  static String source(String loopId) {
    return "{\"repoPath\":" + str(REPO) + ",\"loopId\":" + str(loopId) + "}";
  }

  /** A JSON string literal, written by the api's encoder of raw values. */
  static String str(String s) {
    return JsonValue.of(s).toJson();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
