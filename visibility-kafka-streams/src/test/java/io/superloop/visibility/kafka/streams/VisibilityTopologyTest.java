package io.superloop.visibility.kafka.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.reconcile.HealthEscalation;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.time.Timestamps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The topology on a {@link org.apache.kafka.streams.TopologyTestDriver}: the wall-clock
 * punctuation, dead letters, invalid snapshots, the pending limit and the status query, each
 * against the contract's own numbers (thresholds 120/300 s inclusive, contract 2.2 step 7; C9 for
 * records that are not envelopes; 2.7 for escalations).
 */
class VisibilityTopologyTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final String LOOP = "fleet-loop-1";

  @TempDir Path dir;

  private TopologyDriver driver(VisibilityTopology.Builder b) {
    return new TopologyDriver(b, T0, dir);
  }

  private static String heartbeat(Instant at) {
    return "{\"schemaVersion\":\"v1\",\"timestamp\":\""
        + Timestamps.format(at)
        + "\",\"status\":\"running\"}";
  }

  private static String event(long value) {
    return "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\",\"traceId\":null,"
        + "\"sequence\":{\"source\":\"cursor_event_line_offset\",\"value\":"
        + value
        + "}}";
  }

  private static String snapshot(long value) {
    return EnvelopeScript.snapshot(
        LOOP, null, Timestamps.format(T0), Long.toString(value), value, null, true);
  }

  private static List<String> codes(Health h) {
    return h.reasonCodes().stream().map(c -> c.wire()).collect(Collectors.toList());
  }

  private static <T> T only(List<TestRecord<String, T>> records) {
    assertEquals(1, records.size(), "records: " + records);
    return records.get(0).value();
  }

  @ParameterizedTest
  @ValueSource(strings = {"hardened", "reference"})
  void punctuationTurnsALoopWhoseHeartbeatsStopStaleWithoutNewInput(String preset) {
    try (TopologyDriver d =
        driver(VisibilityTopology.builder().rules(VisibilityRules.named(preset)))) {
      d.heartbeat(LOOP, heartbeat(T0).getBytes(StandardCharsets.UTF_8));
      TopologyDriver.Published first = d.drain();
      assertEquals("fresh", only(first.heartbeatRows()).status().wire());
      assertEquals("healthy", only(first.health()).status().wire());

      // lag 119 s < 120: nothing changed, nothing published
      d.advanceTo(T0.plusSeconds(119));
      TopologyDriver.Published quiet = d.drain();
      assertTrue(
          quiet.heartbeatRows().isEmpty() && quiet.health().isEmpty(), "published: " + quiet);

      // lag 120 s = degraded threshold (inclusive)
      d.advanceTo(T0.plusSeconds(120));
      TopologyDriver.Published degraded = d.drain();
      HeartbeatObservation row = only(degraded.heartbeatRows());
      assertEquals("degraded", row.status().wire());
      assertEquals(120L, row.heartbeatLagSeconds().getAsLong());
      assertEquals(Optional.of("runtime_heartbeat_stale"), row.reasonCode().map(c -> c.wire()));
      Health health = only(degraded.health());
      assertEquals("degraded", health.status().wire());
      assertEquals(List.of("runtime_heartbeat_stale"), codes(health));
      EscalationRow e = only(degraded.escalations());
      assertEquals("health_degraded", e.category().wire());
      assertEquals("topic:" + d.visibility.topics().health(), ((HealthEscalation) e).healthFile());
      assertEquals(
          Optional.of("degraded"),
          d.status(LOOP)
              .flatMap(VisibilitySummary::heartbeat)
              .flatMap(h -> h.freshnessStatus())
              .map(f -> f.wire()));

      // still degraded at 299 s: no change, no rows
      d.advanceTo(T0.plusSeconds(299));
      assertTrue(d.drain().heartbeatRows().isEmpty());

      // lag 300 s = critical threshold (inclusive)
      d.advanceTo(T0.plusSeconds(300));
      TopologyDriver.Published critical = d.drain();
      assertEquals("critical", only(critical.heartbeatRows()).status().wire());
      assertEquals("critical", only(critical.health()).status().wire());
      assertEquals("health_critical", only(critical.escalations()).category().wire());

      // a new heartbeat: fresh and healthy again at once
      d.heartbeat(LOOP, heartbeat(T0.plusSeconds(300)).getBytes(StandardCharsets.UTF_8));
      TopologyDriver.Published back = d.drain();
      assertEquals("fresh", only(back.heartbeatRows()).status().wire());
      assertEquals("healthy", only(back.health()).status().wire());
      assertTrue(back.escalations().isEmpty(), "healthy does not escalate (contract 2.7)");
    }
  }

  @Test
  void punctuationAlsoAgesAHeartbeatThatCameInASnapshot() {
    try (TopologyDriver d = driver(VisibilityTopology.builder())) {
      d.envelope(LOOP, event(1));
      String snap =
          EnvelopeScript.snapshot(LOOP, null, Timestamps.format(T0), "1", 1, heartbeat(T0), true);
      d.snapshot(LOOP, snap, false);
      assertEquals("fresh", only(d.drain().heartbeatRows()).status().wire());
      d.advanceTo(T0.plusSeconds(300));
      assertEquals("critical", only(d.drain().heartbeatRows()).status().wire());
    }
  }

  @Test
  void recordsThatAreNotEnvelopesAreDeadLetteredAndCountAsEventsWithoutASequenceValue() {
    try (TopologyDriver d = driver(VisibilityTopology.builder())) {
      byte[] garbage = "not json {".getBytes(StandardCharsets.UTF_8);
      d.envelope(LOOP, event(1));
      d.envelope(LOOP, garbage);
      d.envelope(LOOP, (byte[]) null);
      d.envelope(LOOP, "[1,2]");
      d.envelope(LOOP, event(2));
      d.snapshot(LOOP, snapshot(2), false);
      TopologyDriver.Published p = d.drain();

      assertEquals(3, p.deadLetters().size());
      TestRecord<String, byte[]> first = p.deadLetters().get(0);
      assertEquals(LOOP, first.key());
      assertArrayEquals(garbage, first.value());
      assertEquals("invalid_json", header(first, VisibilityTopology.ERROR_CODE_HEADER));
      assertEquals(d.visibility.topics().envelopes(), header(first, "__streams.errors.topic"));
      assertEquals("1", header(first, "__streams.errors.offset"));
      assertNull(p.deadLetters().get(1).value());
      assertEquals(
          "invalid_json", header(p.deadLetters().get(1), VisibilityTopology.ERROR_CODE_HEADER));
      assertEquals(
          "invalid_field_type",
          header(p.deadLetters().get(2), VisibilityTopology.ERROR_CODE_HEADER));

      // contract C9: a malformed element is a missing value
      SequenceObservation row = only(p.sequenceRows());
      assertEquals(5L, row.events().ingestedCount());
      assertEquals(
          List.of("event_sequence_missing"), row.violations().stream().map(v -> v.wire()).toList());
      // contract 2.7: the drift's own escalation, then health's
      assertEquals(
          List.of("ordering_drift_detected", "health_degraded"),
          p.escalations().stream().map(r -> r.value().category().wire()).toList());
    }
  }

  @Test
  void aRecordWithoutAUsableLoopIdIsDeadLetteredAndTheNextRecordsGoOn() {
    try (TopologyDriver d = driver(VisibilityTopology.builder())) {
      d.envelope(null, event(1).getBytes(StandardCharsets.UTF_8));
      d.heartbeat("", heartbeat(T0).getBytes(StandardCharsets.UTF_8));
      d.envelope("a/b", event(1));
      d.snapshot("a/b", snapshot(1), false);
      d.heartbeat("a\u0000b", heartbeat(T0).getBytes(StandardCharsets.UTF_8));
      TopologyDriver.Published p = d.drain();
      assertEquals(
          List.of("invalid_loop_id", "invalid_loop_id", "invalid_loop_id", "invalid_loop_id"),
          p.deadLetters().stream()
              .map(r -> header(r, VisibilityTopology.ERROR_CODE_HEADER))
              .toList());
      assertTrue(p.sequenceRows().isEmpty() && p.health().isEmpty() && p.heartbeatRows().isEmpty());
      assertEquals(0, d.loopStore().approximateNumEntries());
      assertFalse(d.pendingStore().all().hasNext(), "the invalid loop's pending events are gone");

      d.envelope(LOOP, event(1));
      d.snapshot(LOOP, snapshot(1), false);
      assertEquals("ok", only(d.drain().sequenceRows()).status().wire());
    }
  }

  @Test
  void anInvalidSnapshotIsAFailedIngestAndItsBatchWaitsForTheNextSnapshot() {
    try (TopologyDriver d = driver(VisibilityTopology.builder())) {
      d.envelope(LOOP, event(1));
      d.envelope(LOOP, event(2));
      d.snapshot(LOOP, snapshot(2).replace("\"v1\"", "\"v2\""), false);
      TopologyDriver.Published failed = d.drain();
      assertEquals(
          "unsupported_schema_version",
          header(failed.deadLetters().get(0), VisibilityTopology.ERROR_CODE_HEADER));
      assertTrue(failed.sequenceRows().isEmpty(), "no sequence row for a failed ingest");
      // contract 2.6: service_response_invalid folds into invalid_transport_payload
      assertEquals(List.of("invalid_transport_payload"), codes(only(failed.health())));

      d.envelope(LOOP, event(3));
      d.snapshot(LOOP, snapshot(3), false);
      SequenceObservation row = only(d.drain().sequenceRows());
      assertEquals(3L, row.events().ingestedCount());
      assertEquals(1L, row.events().first().getAsLong());
      assertEquals(3L, row.events().last().getAsLong());
    }
  }

  @Test
  void eventsBeyondThePendingLimitAreDeadLetteredAndCountAsMissing() {
    try (TopologyDriver d = driver(VisibilityTopology.builder().maxPendingEvents(3))) {
      for (long v = 1; v <= 5; v++) {
        d.envelope(LOOP, event(v));
      }
      d.snapshot(LOOP, snapshot(5), false);
      TopologyDriver.Published p = d.drain();
      assertEquals(
          List.of("limit_exceeded", "limit_exceeded"),
          p.deadLetters().stream()
              .map(r -> header(r, VisibilityTopology.ERROR_CODE_HEADER))
              .toList());
      SequenceObservation row = only(p.sequenceRows());
      assertEquals(5L, row.events().ingestedCount());
      assertEquals(3L, row.events().last().getAsLong());
      assertEquals(
          List.of("event_sequence_missing"), row.violations().stream().map(v -> v.wire()).toList());
      assertFalse(d.pendingStore().all().hasNext(), "the batch is gone after its snapshot");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"hardened", "reference"})
  void aDeclaredReplayStartsANewEpochUnderReplayAwareRulesOnly(String preset) {
    VisibilityRules rules = VisibilityRules.named(preset);
    try (TopologyDriver d = driver(VisibilityTopology.builder().rules(rules))) {
      for (long v = 1; v <= 3; v++) {
        d.envelope(LOOP, event(v));
      }
      d.snapshot(LOOP, snapshot(3), false);
      d.drain();
      d.envelope(LOOP, event(1)); // the log rotated: re-sent from line 1, declared
      d.snapshot(LOOP, snapshot(1), true);
      SequenceObservation row = only(d.drain().sequenceRows());
      List<String> want =
          rules.replayAwareSequencing()
              ? List.of()
              : List.of("event_sequence_regression", "snapshot_sequence_regression");
      assertEquals(want, row.violations().stream().map(v -> v.wire()).toList());
    }
  }

  private static String header(TestRecord<String, byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? "<none>" : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Test
  void theStreamsConfigIsExactlyOnceV2WithTheDeadLetterTopic() {
    VisibilityTopology t = VisibilityTopology.builder().build();
    var p = t.streamsConfig("app", "localhost:9092");
    assertEquals("exactly_once_v2", p.get("processing.guarantee"));
    assertEquals("visibility.dead-letters", p.get("errors.dead.letter.queue.topic.name"));
  }
}
