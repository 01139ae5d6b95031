package io.superloop.visibility.core.plane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.health.HealthReason;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatObservationStatus;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonReadLimits;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.ReadLimits;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.source.LocalEventSource;
import io.superloop.visibility.core.source.ScanResult;
import io.superloop.visibility.core.source.ScanStart;
import io.superloop.visibility.core.store.JsonlReader;
import io.superloop.visibility.core.store.JsonlRecord;
import io.superloop.visibility.core.store.StateFile;
import io.superloop.visibility.core.store.StateRead;
import io.superloop.visibility.core.store.TailRead;
import io.superloop.visibility.core.store.TailReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every read is bounded by a named limit of {@link ReadLimits} (issue 14, item 3), and each limit
 * is the cause of its verdict: the same valid input is read normally once the limit is raised above
 * it. The oracles are the inputs this test writes (their lengths, and what they hold).
 */
class ReadLimitsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String LOOP = "demo-loop";

  @TempDir Path repo;

  private Path runtime() throws IOException {
    return Files.createDirectories(repo.resolve(".superloop/loops/" + LOOP));
  }

  private VisibilityPlane plane(ReadLimits limits) {
    return VisibilityPlane.builder(repo, LOOP)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .durability(Durability.NONE)
        .limits(limits)
        .build();
  }

  /**
   * A valid JSON object of exactly {@code bytes} bytes: {@code {"pad":"xxx..."}} plus prefix
   * members.
   */
  private static String objectOfLength(String members, int bytes) {
    String head = "{" + members + (members.isEmpty() ? "" : ",") + "\"pad\":\"";
    int pad = bytes - head.length() - 2;
    return head + "x".repeat(pad) + "\"}";
  }

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    ReadLimits d = ReadLimits.DEFAULT;
    assertEquals(64 * 1024, d.heartbeatBytes());
    assertEquals(1 << 20, d.eventLineBytes());
    assertEquals(1 << 20, d.stateFileBytes());
    assertEquals(1 << 20, d.telemetryRowBytes());
    assertEquals(1 << 20, d.envelopeBytes());
    assertEquals(8 << 20, d.stepJournalBytes());
    assertEquals(1234, d.withStepJournalBytes(1234).stepJournalBytes());
    assertThrows(VisibilityException.class, () -> d.withStepJournalBytes(0));
    assertEquals(new JsonReadLimits(64, 1 << 20, 4096, 64, 1 << 20, 65_536), d.json());
    assertThrows(VisibilityException.class, () -> d.withStateFileBytes(0));
  }

  @Test
  void aHeartbeatOverItsLimitIsAFailedRowThatDoesNotCarryIt() throws IOException {
    String heartbeat = objectOfLength("\"timestamp\":\"2026-03-01T11:59:30Z\"", 64 * 1024 + 1);
    Files.writeString(runtime().resolve("heartbeat.v1.json"), heartbeat);
    Files.writeString(runtime().resolve("events.jsonl"), "");

    ReconcileRow row =
        plane(ReadLimits.DEFAULT).reconcileLocal(StepOptions.defaults()).reconcileRow();
    assertTrue(
        row.warnings().contains(ReasonCode.HEARTBEAT_PAYLOAD_TOO_LARGE), row.warnings().toString());
    HeartbeatObservation last = lastHeartbeatRow();
    assertEquals(HeartbeatObservationStatus.FAILED, last.status());
    assertEquals(Optional.of(ReasonCode.HEARTBEAT_PAYLOAD_TOO_LARGE), last.reasonCode());
    assertEquals(Optional.empty(), last.heartbeat(), "never copied");
    assertTrue(
        Files.size(repo.resolve(".superloop/ops-manager/" + LOOP + "/telemetry/heartbeat.jsonl"))
            < 4096);
    List<String> reasons = new ArrayList<>();
    for (HealthReason r :
        plane(ReadLimits.DEFAULT).reconcileLocal(StepOptions.defaults()).health().reasons()) {
      reasons.add(r.code().wire() + ":" + r.metric().orElse(""));
    }
    assertTrue(reasons.contains("heartbeat_payload_too_large:heartbeatBytes"), reasons.toString());

    // one byte more of limit, and the same heartbeat is read, fresh, and copied as it is
    plane(ReadLimits.DEFAULT.withHeartbeatBytes(64 * 1024 + 1))
        .reconcileLocal(StepOptions.defaults());
    last = lastHeartbeatRow();
    assertEquals(HeartbeatObservationStatus.FRESH, last.status());
    assertEquals(Json.parse(heartbeat), last.heartbeat().orElseThrow());
  }

  private HeartbeatObservation lastHeartbeatRow() {
    return TailReader.last(
            repo.resolve(".superloop/ops-manager/" + LOOP + "/telemetry/heartbeat.jsonl"),
            io.superloop.visibility.api.Codecs.HEARTBEAT_OBSERVATION)
        .value()
        .orElseThrow();
  }

  @Test
  void anEventLineOverItsLimitIsMalformedAndTheRestIsRead() throws IOException {
    String big =
        objectOfLength("\"timestamp\":\"2026-03-01T11:59:00Z\",\"event\":\"big\"", (1 << 20) + 1);
    String small = "{\"timestamp\":\"2026-03-01T11:59:01Z\",\"event\":\"small\"}";
    Path events = runtime().resolve("events.jsonl");
    Files.writeString(events, small + "\n" + big + "\n" + small + "\n");
    List<String> kinds = new ArrayList<>();
    ScanResult r =
        new LocalEventSource()
            .scan(
                events,
                ScanStart.FROM_START,
                (line, kind, buf, off, len) -> kinds.add(line + ":" + kind));
    assertEquals(List.of("1:EVENT", "2:MALFORMED", "3:EVENT"), kinds);
    assertEquals(1, r.malformed());

    ReconcileRow row =
        plane(ReadLimits.DEFAULT)
            .reconcileLocal(StepOptions.defaults().withFromStart(true))
            .reconcileRow();
    assertEquals(List.of(ReasonCode.EVENT_LINE_MALFORMED), row.warnings());
    row =
        plane(ReadLimits.DEFAULT.withEventLineBytes((1 << 20) + 1))
            .reconcileLocal(StepOptions.defaults().withFromStart(true))
            .reconcileRow();
    assertEquals(List.of(), row.warnings());
    assertEquals(3, row.eventsIngested());
  }

  @Test
  void aStateFileOverItsLimitIsUnreadableAndReadOnceTheLimitAllowsIt() throws IOException {
    Path f = repo.resolve("state.json");
    String doc = objectOfLength("\"a\":1", (1 << 20) + 1);
    Files.writeString(f, doc);
    StateRead<JsonValue> r = StateFile.of(f, Json.RAW).read();
    assertTrue(
        r instanceof StateRead.Unreadable<JsonValue> u
            && u.cause().code() == ErrorCode.LIMIT_EXCEEDED,
        r.toString());
    ReadLimits more = ReadLimits.DEFAULT.withStateFileBytes((1 << 20) + 1);
    r = StateFile.of(f, Json.RAW, more.json(more.stateFileBytes()), Clock.systemUTC()).read();
    assertEquals(Json.parse(doc), r.toOptional().orElseThrow());
  }

  /**
   * Tokens, not bytes, bound the memory of a document held as values: 65,537 of them are too many.
   */
  @Test
  void aStateFileWithTooManyTokensIsUnreadable() throws IOException {
    Path f = repo.resolve("tokens.json");
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < 65_535; i++) {
      b.append(i == 0 ? "0" : ",0");
    }
    Files.writeString(f, b + "]"); // 65,537 tokens in 131 KB
    StateRead<JsonValue> r = StateFile.of(f, Json.RAW).read();
    assertTrue(
        r instanceof StateRead.Unreadable<JsonValue> u
            && u.cause().code() == ErrorCode.LIMIT_EXCEEDED,
        r.toString());
    Files.writeString(f, b.substring(0, b.length() - 2) + "]"); // 65,536 tokens
    assertTrue(StateFile.of(f, Json.RAW).read().toOptional().isPresent());
  }

  @Test
  void aTelemetryRowOverItsLimitIsSkippedByTheTailReaderWithoutReadingIt() throws IOException {
    Path log = repo.resolve("rows.jsonl");
    String big = objectOfLength("\"n\":3", 3 << 20);
    Files.writeString(log, "{\"n\":1}\n{\"n\":2}\n" + big + "\n", StandardCharsets.UTF_8);
    TailRead<JsonValue> t = TailReader.last(log, Json.RAW);
    assertEquals(Json.parse("{\"n\":2}"), t.value().orElseThrow());
    assertEquals(1, t.skippedUnparseable());

    ReadLimits more = ReadLimits.DEFAULT.withTelemetryRowBytes(3 << 20);
    t = TailReader.last(log, Json.RAW, more.json(more.telemetryRowBytes()));
    assertEquals(Json.parse(big), t.value().orElseThrow());
  }

  @Test
  void aForwardReaderSkipsALineOverItsLimitWithoutHoldingIt() throws IOException {
    Path log = repo.resolve("rows.jsonl");
    Files.writeString(
        log, "{\"n\":1}\n" + objectOfLength("\"n\":2", 5000) + "\n{\"n\":3}\n{\"n\":4");
    Json small = ReadLimits.DEFAULT.json(4999);
    List<Long> read = new ArrayList<>();
    try (JsonlReader<JsonValue> r = JsonlReader.open(log, Json.RAW, small)) {
      while (r.hasNext()) {
        JsonlRecord<JsonValue> rec = r.next();
        read.add(rec.lineNumber());
      }
      assertEquals(List.of(1L, 3L), read);
      assertEquals(List.of(2L), r.unparseableLines());
      assertEquals("{\"n\":4".length(), r.tornTail().orElseThrow().length());
    }
    try (JsonlReader<JsonValue> r =
        JsonlReader.open(log, Json.RAW, ReadLimits.DEFAULT.json(5000))) {
      int n = 0;
      while (r.hasNext()) {
        r.next();
        n++;
      }
      assertEquals(3, n);
    }
  }

  @Test
  void theHardenedAndReferenceRulesShareTheLimits() throws IOException {
    Files.writeString(
        runtime().resolve("heartbeat.v1.json"),
        objectOfLength("\"timestamp\":\"2026-03-01T11:59:30Z\"", 70_000));
    Files.writeString(runtime().resolve("events.jsonl"), "");
    VisibilityPlane ref =
        VisibilityPlane.builder(repo, LOOP)
            .rules(VisibilityRules.reference())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .durability(Durability.NONE)
            .build();
    ReconcileRow row = ref.reconcileLocal(StepOptions.defaults()).reconcileRow();
    assertTrue(
        row.warnings().contains(ReasonCode.HEARTBEAT_PAYLOAD_TOO_LARGE), row.warnings().toString());
    assertFalse(lastHeartbeatRow().heartbeat().isPresent());
  }

  /** A heartbeat is kept one level down in heartbeat.json: whatever is accepted must read back. */
  @Test
  void anAcceptedHeartbeatAlwaysReadsBackFromItsState() throws IOException {
    Files.writeString(runtime().resolve("events.jsonl"), "");
    for (int depth : new int[] {62, 63, 64}) {
      String nested = "[".repeat(depth - 1) + "]".repeat(depth - 1);
      Files.writeString(
          runtime().resolve("heartbeat.v1.json"),
          "{\"timestamp\":\"2026-03-01T11:59:30Z\",\"deep\":" + nested + "}"); // depth levels
      ReconcileRow first =
          plane(ReadLimits.DEFAULT).reconcileLocal(StepOptions.defaults()).reconcileRow();
      ReconcileRow second =
          plane(ReadLimits.DEFAULT).reconcileLocal(StepOptions.defaults()).reconcileRow();
      if (depth < 64) {
        assertEquals(List.of(), first.warnings(), "depth " + depth);
      } else {
        assertEquals(
            List.of(ReasonCode.INVALID_HEARTBEAT_PAYLOAD), first.warnings(), "depth " + depth);
      }
      assertFalse(
          second.warnings().contains(ReasonCode.PREVIOUS_STATE_UNREADABLE), "depth " + depth);
      assertTrue(plane(ReadLimits.DEFAULT).status().unreadable().isEmpty(), "depth " + depth);
    }
  }
}
