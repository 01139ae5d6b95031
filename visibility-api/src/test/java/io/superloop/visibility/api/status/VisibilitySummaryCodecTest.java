package io.superloop.visibility.api.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.status.internal.ImmutableInvocationAuditSurface;
import io.superloop.visibility.api.status.internal.ImmutableTraceSurface;
import io.superloop.visibility.api.testing.RepoFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The {@code visibility} object: conformance outputs and the omitted-vs-null rules of 6.2-6.4. */
class VisibilitySummaryCodecTest {

  /** Decodes and re-encodes; asserts the output equals the input. */
  private static VisibilitySummary roundTrip(String in) {
    VisibilitySummary v = Codecs.VISIBILITY_SUMMARY.decode(in);
    assertEquals(in, Codecs.VISIBILITY_SUMMARY.encode(v));
    return v;
  }

  @TestFactory
  Stream<DynamicTest> everyExpectedVisibilityJsonReencodesAsJqCompact() {
    return RepoFiles.reencodeExpectedAsJqCompact("visibility.json", Codecs.VISIBILITY_SUMMARY);
  }

  @Test
  void placeholderTraceIdIsAValidTraceId() {
    Path f = RepoFiles.root().resolve("conformance/expected/pub-100-000/visibility.json");
    VisibilitySummary v = Codecs.VISIBILITY_SUMMARY.decode(RepoFiles.read(f));
    assertEquals(Optional.of(TraceId.of("<TRACE_ID>")), v.trace().sharedTraceId());
    assertTrue(v.invocationAudit().isEmpty());
  }

  @Test
  void driftAndStaleHeartbeatExampleOfSection63() {
    // contract 6.3, first example ("…" replaced by a timestamp)
    roundTrip(
        "{\"heartbeat\":{\"freshnessStatus\":\"degraded\",\"reasonCode\":\"runtime_heartbeat_stale\","
            + "\"lastHeartbeatAt\":\"2020-01-01T00:00:00Z\",\"heartbeatLagSeconds\":217681317,"
            + "\"updatedAt\":\"2026-11-24T10:00:00Z\",\"transport\":\"local\",\"traceId\":\"trace-vis-drift-1\"},"
            + "\"sequence\":{\"status\":\"ordering_drift_detected\",\"reasonCode\":\"ordering_drift_detected\","
            + "\"driftActive\":true,\"violations\":[\"event_sequence_regression\",\"snapshot_sequence_regression\"],"
            + "\"snapshotCurrent\":1,\"eventsLast\":1,\"updatedAt\":\"2026-11-24T10:00:00Z\",\"transport\":\"local\","
            + "\"traceId\":\"trace-vis-drift-1\"},\"trace\":{\"reconcileTraceId\":\"trace-vis-drift-1\","
            + "\"heartbeatTraceId\":\"trace-vis-drift-1\",\"sequenceTraceId\":\"trace-vis-drift-1\","
            + "\"alertTraceId\":\"trace-vis-drift-1\",\"sharedTraceId\":\"trace-vis-drift-1\"}}");
  }

  @Test
  void recoveryExampleHasNoDriftActiveAndKeepsEmptyViolations() {
    // contract 6.3: after recovery with an empty batch: no driftActive, violations [], no
    // eventsLast
    String seq =
        "{\"status\":\"ok\",\"violations\":[],\"snapshotCurrent\":1,\"updatedAt\":\"2026-11-24T10:00:00Z\","
            + "\"transport\":\"local\",\"traceId\":\"trace-3\"}";
    VisibilitySummary v = roundTrip("{\"sequence\":" + seq + ",\"trace\":{}}");
    SequenceSurface s = v.sequence().orElseThrow();
    assertTrue(s.driftActive().isEmpty());
    assertEquals(Optional.of(List.of()), s.violations());
    assertTrue(s.eventsLast().isEmpty());
    assertEquals(seq, Codecs.SEQUENCE_SURFACE.encode(s));
  }

  @Test
  void failedReconcileOnEmptyRepoHasOnlyTrace() {
    // contract 6.3, third example
    VisibilitySummary v =
        roundTrip(
            "{\"trace\":{\"reconcileTraceId\":\"t-fail\",\"alertTraceId\":\"t-fail\",\"sharedTraceId\":\"t-fail\"}}");
    assertTrue(v.heartbeat().isEmpty() && v.sequence().isEmpty() && v.invocationAudit().isEmpty());
  }

  @Test
  void traceIsAlwaysPresentEvenEmpty() {
    // contract 6.2: always present (it always contains trace, possibly {})
    assertEquals(
        "{\"trace\":{}}", Codecs.VISIBILITY_SUMMARY.encode(VisibilitySummary.builder().build()));
    assertEquals(TraceSurface.EMPTY, roundTrip("{\"trace\":{}}").trace());
    VisibilityException missing =
        assertThrows(VisibilityException.class, () -> Codecs.VISIBILITY_SUMMARY.decode("{}"));
    assertEquals(ErrorCode.MISSING_FIELD, missing.code());
    assertEquals(Optional.of("/trace"), missing.path());
    VisibilityException nul =
        assertThrows(
            VisibilityException.class, () -> Codecs.VISIBILITY_SUMMARY.decode("{\"trace\":null}"));
    assertEquals(ErrorCode.MISSING_FIELD, nul.code());
  }

  @Test
  void driftActiveIsRenderedOnlyWhenHeldAndFalseIsKept() {
    // reference: present only when true; hardened (H16): always, so false must survive too
    SequenceSurface none = SequenceSurface.builder().status("ok").build();
    assertEquals("{\"status\":\"ok\"}", Codecs.SEQUENCE_SURFACE.encode(none));
    SequenceSurface on =
        SequenceSurface.builder().status("ordering_drift_detected").driftActive(true).build();
    assertEquals(
        "{\"status\":\"ordering_drift_detected\",\"driftActive\":true}",
        Codecs.SEQUENCE_SURFACE.encode(on));
    SequenceSurface off = SequenceSurface.builder().status("ok").driftActive(false).build();
    assertEquals("{\"status\":\"ok\",\"driftActive\":false}", Codecs.SEQUENCE_SURFACE.encode(off));
    assertEquals(off, Codecs.SEQUENCE_SURFACE.decode(Codecs.SEQUENCE_SURFACE.encode(off)));
  }

  @Test
  void violationsAbsentDiffersFromEmpty() {
    assertEquals("{}", Codecs.SEQUENCE_SURFACE.encode(SequenceSurface.builder().build()));
    assertEquals(
        "{\"violations\":[]}",
        Codecs.SEQUENCE_SURFACE.encode(SequenceSurface.builder().violations(List.of()).build()));
    assertTrue(Codecs.SEQUENCE_SURFACE.decode("{}").violations().isEmpty());
    assertEquals(
        Optional.of(List.of()), Codecs.SEQUENCE_SURFACE.decode("{\"violations\":[]}").violations());
    List<String> mutable = new ArrayList<>(List.of("event_sequence_missing"));
    SequenceSurface s = SequenceSurface.builder().violations(mutable).build();
    mutable.add("later");
    assertEquals(List.of("event_sequence_missing"), s.violations().orElseThrow());
    assertThrows(UnsupportedOperationException.class, () -> s.violations().orElseThrow().add("x"));
  }

  @Test
  void nullsAreDroppedByTheNullFilter() {
    // contract 0: with_entries(select(.value != null)) at each of these levels
    VisibilitySummary v =
        Codecs.VISIBILITY_SUMMARY.decode(
            "{\"heartbeat\":null,\"sequence\":{\"status\":\"ok\",\"reasonCode\":null,\"driftActive\":null,"
                + "\"violations\":null},\"invocationAudit\":null,\"trace\":{\"controlTraceId\":null}}");
    assertEquals(
        "{\"sequence\":{\"status\":\"ok\"},\"trace\":{}}", Codecs.VISIBILITY_SUMMARY.encode(v));
  }

  @Test
  void heartbeatWithOnlyAFailedRowHasNoFreshnessAndNoLag() {
    // contract C4: reasonCode, updatedAt, transport, traceId, plus lastHeartbeatAt for invalid
    // timestamps
    String hb =
        "{\"reasonCode\":\"invalid_heartbeat_timestamp\",\"lastHeartbeatAt\":\"yesterday\","
            + "\"updatedAt\":\"2026-03-01T12:00:00Z\",\"transport\":\"sprite_service\",\"traceId\":\"t-1\"}";
    HeartbeatSurface h =
        roundTrip("{\"heartbeat\":" + hb + ",\"trace\":{}}").heartbeat().orElseThrow();
    assertTrue(h.freshnessStatus().isEmpty());
    assertTrue(h.heartbeatLagSeconds().isEmpty());
    assertEquals(Optional.of(ReasonCode.INVALID_HEARTBEAT_TIMESTAMP), h.reasonCode());
    assertEquals(Optional.of(Transport.SPRITE_SERVICE), h.transport());
  }

  @Test
  void heartbeatLastObservationIsAdditiveAfterTraceId() {
    // hardening H16: lastObservation {status, reasonCode, at}
    HeartbeatSurface h =
        HeartbeatSurface.builder()
            .freshnessStatus(FreshnessStatus.FRESH)
            .lastHeartbeatAt("2026-03-01T11:59:50Z")
            .heartbeatLagSeconds(10)
            .updatedAt("2026-03-01T12:00:00Z")
            .transport(Transport.LOCAL)
            .traceId(TraceId.of("t-2"))
            .lastObservation(
                HeartbeatObservationSurface.builder()
                    .status("failed")
                    .reasonCode(ReasonCode.INVALID_HEARTBEAT_PAYLOAD)
                    .at("2026-03-01T12:05:00Z")
                    .build())
            .build();
    String expected =
        "{\"freshnessStatus\":\"fresh\",\"lastHeartbeatAt\":\"2026-03-01T11:59:50Z\",\"heartbeatLagSeconds\":10,"
            + "\"updatedAt\":\"2026-03-01T12:00:00Z\",\"transport\":\"local\",\"traceId\":\"t-2\","
            + "\"lastObservation\":{\"status\":\"failed\",\"reasonCode\":\"invalid_heartbeat_payload\","
            + "\"at\":\"2026-03-01T12:05:00Z\"}}";
    assertEquals(expected, Codecs.HEARTBEAT_SURFACE.encode(h));
    assertEquals(h, Codecs.HEARTBEAT_SURFACE.decode(expected));
  }

  @Test
  void invocationAuditKeyOrderAndReplayedRule() {
    // contract 6.2: timestamp, intent, transport, idempotencyKey, executionStatus,
    // confirmationStatus,
    // outcomeStatus, replayed (present only when true in the reference), traceId; + inFlight (H5)
    String reference =
        "{\"timestamp\":\"2026-03-01T12:00:00Z\",\"intent\":\"cancel\",\"transport\":\"sprite_service\","
            + "\"idempotencyKey\":\"cancel-1772366400-42\",\"executionStatus\":\"executed\","
            + "\"confirmationStatus\":\"confirmed\",\"outcomeStatus\":\"confirmed\",\"replayed\":true,"
            + "\"traceId\":\"t-ctl\"}";
    InvocationAuditSurface a =
        roundTrip(
                "{\"invocationAudit\":"
                    + reference
                    + ",\"trace\":{\"controlInvocationTraceId\":\"t-ctl\"}}")
            .invocationAudit()
            .orElseThrow();
    assertEquals(Optional.of(Boolean.TRUE), a.replayed());
    InvocationAuditSurface notReplayed =
        ImmutableInvocationAuditSurface.copyOf(a).withReplayed(Optional.empty());
    assertEquals(
        reference.replace("\"replayed\":true,", ""),
        Codecs.INVOCATION_AUDIT_SURFACE.encode(notReplayed));
    InvocationAuditSurface hardened =
        ImmutableInvocationAuditSurface.copyOf(a).withReplayed(false).withInFlight(false);
    assertEquals(
        reference
            .replace("\"replayed\":true", "\"replayed\":false")
            .replace("}", ",\"inFlight\":false}"),
        Codecs.INVOCATION_AUDIT_SURFACE.encode(hardened));
  }

  @Test
  void traceKeyOrderAndDistinctTraceIds() {
    // contract 6.4 key order; hardening H16 adds distinctTraceIds
    String all =
        "{\"controlTraceId\":\"c\",\"controlInvocationTraceId\":\"ci\",\"reconcileTraceId\":\"r\","
            + "\"heartbeatTraceId\":\"r\",\"sequenceTraceId\":\"r\",\"alertTraceId\":\"a\",\"distinctTraceIds\":3}";
    TraceSurface t = Codecs.TRACE_SURFACE.decode(all);
    assertTrue(t.sharedTraceId().isEmpty());
    assertEquals(all, Codecs.TRACE_SURFACE.encode(t));
    TraceSurface shared = ImmutableTraceSurface.copyOf(t).withSharedTraceId(TraceId.of("r"));
    assertEquals(
        all.replace(",\"distinctTraceIds\"", ",\"sharedTraceId\":\"r\",\"distinctTraceIds\""),
        Codecs.TRACE_SURFACE.encode(shared));
    VisibilityException neg =
        assertThrows(
            VisibilityException.class,
            () -> Codecs.TRACE_SURFACE.decode("{\"distinctTraceIds\":-1}"));
    assertEquals(ErrorCode.INVALID_FIELD_VALUE, neg.code());
  }

  @Test
  void invalidValuesAreRejectedAtTheirPath() {
    VisibilityException trace =
        assertThrows(
            VisibilityException.class,
            () ->
                Codecs.VISIBILITY_SUMMARY.decode(
                    "{\"trace\":{\"reconcileTraceId\":\"has space\"}}"));
    assertEquals(ErrorCode.INVALID_TRACE_ID, trace.code());
    assertEquals(Optional.of("/trace/reconcileTraceId"), trace.path());
    VisibilityException fresh =
        assertThrows(
            VisibilityException.class,
            () ->
                Codecs.VISIBILITY_SUMMARY.decode(
                    "{\"heartbeat\":{\"freshnessStatus\":\"stale\"},\"trace\":{}}"));
    assertEquals(ErrorCode.INVALID_FIELD_VALUE, fresh.code());
    assertEquals(Optional.of("/heartbeat/freshnessStatus"), fresh.path());
    VisibilityException transport =
        assertThrows(
            VisibilityException.class,
            () ->
                Codecs.VISIBILITY_SUMMARY.decode(
                    "{\"sequence\":{\"transport\":\"ssh\"},\"trace\":{}}"));
    assertEquals(ErrorCode.INVALID_FIELD_VALUE, transport.code());
    VisibilityException violation =
        assertThrows(
            VisibilityException.class,
            () ->
                Codecs.VISIBILITY_SUMMARY.decode(
                    "{\"sequence\":{\"violations\":[null]},\"trace\":{}}"));
    assertEquals(ErrorCode.INVALID_FIELD_TYPE, violation.code());
  }

  @Test
  void unknownFieldsAreKeptAtEveryLevel() {
    roundTrip(
        "{\"heartbeat\":{\"reasonCode\":\"x_new\",\"hbNew\":1},\"sequence\":{\"status\":\"ok\",\"seqNew\":[]},"
            + "\"invocationAudit\":{\"intent\":\"approve\",\"auditNew\":{}},"
            + "\"trace\":{\"reconcileTraceId\":\"r\",\"traceNew\":\"v\"},\"topNew\":null}");
    assertFalse(ReasonCode.of("x_new").isKnown());
  }
}
