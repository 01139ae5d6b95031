package io.superloop.visibility.api.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.envelope.EventEnvelope;
import io.superloop.visibility.api.envelope.EventsAnswer;
import io.superloop.visibility.api.internal.answer.AnswerCodecs;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.internal.json.JsonString;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code .json}, {@code .jsonl} and {@code .ndjson} file under the repository's {@code
 * fixtures/reference/} decodes with the codec its content names (envelope type, service answer
 * shape, intent rows, transport health, ...), and every field keeps its value through encode and
 * decode: the re-encoding equals the file's {@code jq -c} rendering, and decoding it again gives an
 * equal record.
 */
class ReferenceFixturesTest {

  private static List<Path> fixtures() {
    return RepoFiles.files("fixtures/reference", ".json", ".jsonl", ".ndjson");
  }

  /** The codec a document's content names, if any. */
  static Optional<JsonCodec<?>> codecFor(JsonValue doc) {
    if (!(doc instanceof JsonObject o)) {
      return Optional.empty();
    }
    Optional<String> envelopeType = string(o, "envelopeType");
    Optional<String> category = string(o, "category");
    if (envelopeType.isPresent()) {
      return Optional.of(
          envelopeType.get().equals("loop_run_event")
              ? Codecs.EVENT_ENVELOPE
              : Codecs.SNAPSHOT_ENVELOPE);
    }
    if (has(o, "events") && has(o, "cursor") && has(o, "source") && has(o, "ok")) {
      return Optional.of(Codecs.EVENTS_ANSWER);
    }
    if (has(o, "ok") && has(o, "error")) {
      return Optional.of(AnswerCodecs.ERROR_ANSWER);
    }
    if (has(o, "ok")) {
      return Optional.of(AnswerCodecs.CONTROL_ANSWER);
    }
    if (has(o, "lastResult") && has(o, "failureStreak")) {
      return Optional.of(Codecs.TRANSPORT_HEALTH);
    }
    if (has(o, "metrics") && has(o, "reasonCodes")) {
      return Optional.of(Codecs.HEALTH);
    }
    if (has(o, "freshnessStatus") && has(o, "thresholds")) {
      return Optional.of(Codecs.HEARTBEAT_STATE);
    }
    if (category.equals(Optional.of("runtime_heartbeat"))) {
      return Optional.of(Codecs.HEARTBEAT_OBSERVATION);
    }
    if (category.equals(Optional.of("envelope_sequence"))) {
      return Optional.of(Codecs.SEQUENCE_OBSERVATION);
    }
    if (has(o, "driftActive") && has(o, "snapshot")) {
      return Optional.of(Codecs.SEQUENCE_STATE);
    }
    if (has(o, "eventsFile")) {
      return Optional.of(Codecs.CURSOR_STATE);
    }
    if (has(o, "request") && has(o, "execution")) {
      return Optional.of(Codecs.CONTROL_INVOCATION);
    }
    if (has(o, "phase")) {
      return Optional.of(Codecs.IN_FLIGHT_ROW);
    }
    if (has(o, "confirmExitCode") && has(o, "retryAttempts")) {
      return Optional.of(Codecs.CONTROL_ROW);
    }
    if (has(o, "cursorOffsetBefore")) {
      return Optional.of(Codecs.RECONCILE_ROW);
    }
    if (has(o, "processedCount")) {
      return Optional.of(Codecs.ALERT_DISPATCH_STATE);
    }
    if (category.equals(Optional.of("alert_dispatch"))) {
      return Optional.of(Codecs.ALERT_ROW);
    }
    if (category.isPresent() && has(o, "loopId")) {
      return Optional.of(Codecs.ESCALATION_ROW);
    }
    if (has(o, "intent") && has(o, "status") && has(o, "loopId")) {
      return Optional.of(Codecs.INTENT_ROW);
    }
    return Optional.empty();
  }

  private static boolean has(JsonObject o, String key) {
    return o.members().containsKey(key);
  }

  private static Optional<String> string(JsonObject o, String key) {
    return o.get(key).filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).value());
  }

  /** The documents of a fixture: the whole file, or each non-blank line of a JSONL file. */
  private static List<String> documents(Path file) {
    String name = file.getFileName().toString();
    List<String> out = new ArrayList<>();
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      for (String line : RepoFiles.read(file).split("\n", -1)) {
        if (!line.isBlank()) {
          out.add(Json.parse(line).toJson());
        }
      }
    } else {
      out.add(RepoFiles.jqCompact(file));
    }
    return out;
  }

  @Test
  void thereAreFixtures() {
    assertFalse(fixtures().isEmpty());
  }

  @TestFactory
  Stream<DynamicTest> everyFixtureDecodesAndKeepsEveryField() {
    return fixtures().stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    RepoFiles.root().relativize(f).toString(),
                    () -> {
                      List<String> docs = documents(f);
                      assertFalse(docs.isEmpty(), f + " has a document");
                      for (int i = 0; i < docs.size(); i++) {
                        String compact = docs.get(i);
                        String what = f.getFileName() + (docs.size() > 1 ? " line " + (i + 1) : "");
                        Optional<JsonCodec<?>> codec = codecFor(Json.parse(compact));
                        if (codec.isEmpty()) {
                          fail(what + ": no codec matches its content: " + compact);
                          return;
                        }
                        roundTrip(codec.get(), compact, what);
                      }
                    }));
  }

  private static <T> void roundTrip(JsonCodec<T> codec, String compact, String what) {
    T value = codec.decode(compact);
    String once = codec.encode(value);
    assertEquals(Json.parse(compact), Json.parse(once), what + ": every field keeps its value");
    assertEquals(compact, once, what + ": re-encodes as jq -c renders it");
    T again = codec.decode(once);
    assertEquals(value, again, what + ": decode(encode(x)) == x");
    assertEquals(once, codec.encode(again), what + ": stable re-encoding");
    if (value instanceof EventsAnswer answer) {
      List<EventEnvelope> events = answer.decodeEvents();
      assertEquals(answer.events().size(), events.size());
      for (int i = 0; i < events.size(); i++) {
        assertEquals(
            answer.events().get(i).toJson(),
            Codecs.EVENT_ENVELOPE.encode(events.get(i)),
            what + " event " + i);
      }
    }
  }
}
