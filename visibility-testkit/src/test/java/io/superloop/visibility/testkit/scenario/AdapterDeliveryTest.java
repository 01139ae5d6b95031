package io.superloop.visibility.testkit.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.testkit.property.Property;
import io.superloop.visibility.testkit.property.PropertyResult;
import io.superloop.visibility.testkit.scenario.internal.MemoryTempDirFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An adapter plugged into the parity properties with a {@link Delivery} of at most 15 lines (the
 * lines between the markers below, counted from this file), and the public reference encoder {@link
 * SpriteServiceAnswers} read from runtime files.
 */
class AdapterDeliveryTest {
  private static final Path SOURCE =
      Path.of("src/test/java/io/superloop/visibility/testkit/scenario/AdapterDeliveryTest.java");

  /**
   * A sprite service as an adapter author has it: one HTTP-like entry point over a repository. Here
   * it serves the reference answers; its own code is not part of the delivery.
   */
  static final class HttpLikeService {
    private final Path repo;

    HttpLikeService(Path repo) {
      this.repo = repo;
    }

    /** Answers {@code GET /ops/snapshot?loop=L} and {@code GET /ops/events?loop=L&cursor=N}. */
    String get(String loop, String path, long cursor, Instant now, Optional<String> trace) {
      SpriteServiceAnswers answers =
          SpriteServiceAnswers.read(repo.resolve(".superloop/loops").resolve(loop));
      return path.equals("/ops/snapshot")
          ? answers.snapshot(now, trace)
          : answers.events(cursor, now, trace);
    }
  }

  // delivery:begin
  static Delivery adapterDelivery() {
    return Delivery.spriteService(
        new Delivery.Service() {
          @Override
          public String snapshot(Path rt, Instant now, Optional<String> trace) {
            return service(rt).get(rt.getFileName().toString(), "/ops/snapshot", 0, now, trace);
          }

          @Override
          public String events(Path rt, long cursor, Instant now, Optional<String> trace) {
            return service(rt).get(rt.getFileName().toString(), "/ops/events", cursor, now, trace);
          }
        });
  }

  // delivery:end

  private static HttpLikeService service(Path runtimeDir) {
    return new HttpLikeService(runtimeDir.resolve("../../..").normalize());
  }

  @Test
  void theDeliveryHasAtMostFifteenLines() throws IOException {
    List<String> lines = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
    int begin = lines.indexOf("  // delivery:begin");
    int end = lines.indexOf("  // delivery:end");
    assertTrue(begin >= 0 && end > begin, "markers in " + SOURCE);
    assertTrue(end - begin - 1 <= 15, "the delivery takes " + (end - begin - 1) + " lines");
  }

  @Test
  void theAdapterKeepsTransportParityWithTheLocalTransport(
      @TempDir(factory = MemoryTempDirFactory.class) Path dir) {
    ParityProperties.in(dir)
        .tries(Math.min(Property.defaultTries(), 60))
        .transportParity(
            Scenarios.carriableHistories(),
            Delivery.LOCAL,
            adapterDelivery(),
            VisibilityRules.hardened());
  }

  @Test
  void aServiceThatFailsIsAFailedRequestAndBreaksParity(
      @TempDir(factory = MemoryTempDirFactory.class) Path dir) {
    Delivery failing =
        Delivery.spriteService(
            new Delivery.Service() {
              @Override
              public String snapshot(Path rt, Instant now, Optional<String> trace) {
                return SpriteServiceAnswers.read(rt).snapshot(now, trace);
              }

              @Override
              public String events(Path rt, long cursor, Instant now, Optional<String> trace)
                  throws IOException {
                throw new IOException("connection reset");
              }
            });
    PropertyResult<RuntimeHistory> r =
        Property.forAll(
                Scenarios.carriableHistories().filter(RuntimeHistory::carriableByBoth, 1000))
            .seed(11)
            .tries(20)
            .maxShrinkSteps(0)
            .run(
                h ->
                    ParityProperties.in(dir)
                        .assertTransportParity(
                            h, Delivery.LOCAL, failing, VisibilityRules.hardened()));
    assertFalse(r.passed());
  }

  @Test
  void theReferenceAnswersReadFromRuntimeFiles(@TempDir Path dir) throws IOException {
    Path rt = dir.resolve(".superloop/loops/demo-loop");
    Files.createDirectories(rt);
    String event =
        "{\"timestamp\":\"2026-01-01T00:00:00Z\",\"event\":\"started\",\"loop_id\":\"demo-loop\",\"run_id\":\"r1\","
            + "\"iteration\":1,\"role\":\"planner\",\"status\":\"running\",\"message\":\"go\",\"payload\":{}}";
    // line 1 an event, line 2 empty, line 3 an event, then a line not yet terminated
    Files.writeString(
        rt.resolve("events.jsonl"), event + "\n\n" + event + "\n{\"timest", StandardCharsets.UTF_8);
    Files.writeString(
        rt.resolve("heartbeat.v1.json"),
        "{\"timestamp\":\"2026-01-01T00:00:05Z\"}",
        StandardCharsets.UTF_8);
    SpriteServiceAnswers answers = SpriteServiceAnswers.read(rt);
    Instant now = Instant.parse("2026-01-01T00:01:00Z");
    assertEquals(3, answers.lineCount());
    // contract 3.1: the snapshot's value is the newline count; events carry their physical line
    // numbers
    assertEquals(
        "3",
        at(Json.parse(answers.snapshot(now, Optional.empty())), "/sequence/value")
            .orElseThrow()
            .toJson());
    assertEquals(
        "2026-01-01T00:00:05Z",
        at(Json.parse(answers.snapshot(now, Optional.empty())), "/runtime/heartbeat/timestamp")
            .orElseThrow()
            .toJson()
            .replace("\"", ""));
    var events = Json.parse(answers.events(0, now, Optional.of("t1")));
    assertEquals("1", at(events, "/events/0/sequence/value").orElseThrow().toJson());
    assertEquals("3", at(events, "/events/1/sequence/value").orElseThrow().toJson());
    assertTrue(at(events, "/events/2").isEmpty());
    assertEquals(
        "3",
        at(Json.parse(answers.events(1, now, Optional.empty())), "/events/0/sequence/value")
            .orElseThrow()
            .toJson());
    VisibilityException beyond =
        assertThrows(VisibilityException.class, () -> answers.events(4, now, Optional.empty()));
    assertEquals(ErrorCode.INVALID_ARGUMENT, beyond.code());
    Files.writeString(rt.resolve("events.jsonl"), "not json\n", StandardCharsets.UTF_8);
    VisibilityException bad =
        assertThrows(VisibilityException.class, () -> SpriteServiceAnswers.read(rt));
    assertEquals(ErrorCode.INVALID_FIELD_VALUE, bad.code());
    assertTrue(bad.getMessage().contains("line 1"), bad.getMessage());
  }

  /** The value at a JSON pointer of object members and array indexes. */
  private static Optional<JsonValue> at(JsonValue v, String pointer) {
    Optional<JsonValue> cur = Optional.of(v);
    for (String token : pointer.substring(1).split("/")) {
      cur =
          cur.flatMap(
              c ->
                  c.isArray()
                      ? Integer.parseInt(token) < c.elements().size()
                          ? Optional.of(c.elements().get(Integer.parseInt(token)))
                          : Optional.empty()
                      : c.get(token));
    }
    return cur;
  }
}
